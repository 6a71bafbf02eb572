// The organization's shape from the command line: OUs, where accounts sit, MoveAccount, and the
// account fields scripts read (Status beside State, Paths), as a user's shell runs them.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sandbox } from './helpers.js';

let box: Sandbox;
let root: string;
beforeAll(async () => {
  box = new Sandbox();
  const invited = await box.invite('Id=222222222222,Type=ACCOUNT');
  await box.json(['--profile', 'juan', 'organizations', 'accept-handshake', '--handshake-id', invited]);
  root = (await box.run(['organizations', 'list-roots', '--query', 'Roots[0].Id', '--output', 'text'])).stdout.trim();
});
afterAll(() => box.cleanup());

const text = async (args: string[]) => (await box.run(['organizations', ...args, '--output', 'text'])).stdout;

describe('a rollout shaped into OUs', () => {
  it('creates OUs, moves an account in, and reads the tree back', async () => {
    const workloads = (await text(['create-organizational-unit', '--parent-id', root, '--name', 'Workloads', '--query', 'OrganizationalUnit.Id'])).trim();
    const prod = (await text(['create-organizational-unit', '--parent-id', workloads, '--name', 'Prod', '--query', 'OrganizationalUnit.Id'])).trim();
    expect(prod).toMatch(new RegExp(`^ou-${root.slice(2)}-[a-z0-9]{8}$`));
    const move = await box.run(['organizations', 'move-account', '--account-id', '222222222222', '--source-parent-id', root, '--destination-parent-id', prod]);
    expect([move.exitCode, move.stdout, move.stderr]).toEqual([0, '', '']);
    expect(await text(['list-parents', '--child-id', '222222222222'])).toBe(`PARENTS\t${prod}\tORGANIZATIONAL_UNIT\n`);
    expect(await text(['list-accounts-for-parent', '--parent-id', prod, '--query', 'Accounts[].[Id, Status, State, Paths[0]]'])).toBe(
      `222222222222\tACTIVE\tACTIVE\to-exampleorgid/${root}/${workloads}/${prod}/222222222222/\n`,
    );
    expect(await text(['list-children', '--parent-id', root, '--child-type', 'ORGANIZATIONAL_UNIT'])).toBe(`CHILDREN\t${workloads}\tORGANIZATIONAL_UNIT\n`);
    expect(await text(['describe-organizational-unit', '--organizational-unit-id', prod, '--query', 'OrganizationalUnit.Path'])).toBe(`o-exampleorgid/${root}/${workloads}/${prod}/\n`);

    const notEmpty = await box.run(['organizations', 'delete-organizational-unit', '--organizational-unit-id', prod]);
    expect(notEmpty.exitCode).toBe(254);
    expect(notEmpty.stderr).toBe(
      '\norgsim: [ERROR]: An error occurred (OrganizationalUnitNotEmptyException) when calling the DeleteOrganizationalUnit operation: The specified OU is not empty. Move all accounts to another root or to other OUs, remove all child OUs, and try the operation again.\n',
    );
    const again = await box.run(['organizations', 'move-account', '--account-id', '222222222222', '--source-parent-id', root, '--destination-parent-id', prod]);
    expect([again.exitCode, again.stderr]).toEqual([
      254,
      '\norgsim: [ERROR]: An error occurred (DuplicateAccountException) when calling the MoveAccount operation: That account is already present in the specified destination.\n',
    ]);
  });

  it('a member may not shape the organization', async () => {
    const denied = await box.run(['--profile', 'juan', 'organizations', 'create-organizational-unit', '--parent-id', root, '--name', 'Mine']);
    expect(denied.exitCode).toBe(254);
    expect(denied.stderr).toContain('(AccessDeniedException) when calling the CreateOrganizationalUnit operation');
  });
});

describe('a world whose tree does not hold together', () => {
  it('is refused by world import, naming what is wrong', async () => {
    const exported = join(box.dir, 'export.json');
    const world = JSON.parse((await box.run(['world', 'export'])).stdout);
    world.Organizations[0].OrganizationalUnits = [{ Id: 'ou-exam-aaaaaaaa', Name: 'Lost', ParentId: 'ou-exam-bbbbbbbb', Tags: [], Sequence: 1 }];
    writeFileSync(exported, JSON.stringify(world));
    const result = await box.run(['world', 'import', exported]);
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toContain('organizational unit ou-exam-aaaaaaaa: parent ou-exam-bbbbbbbb does not lead to root');
  });
});

describe('an organization of its own', () => {
  it('a standalone account creates one, and deletes it again (it prints nothing)', async () => {
    const created = await box.json(['--profile', 'anika', 'organizations', 'create-organization', '--feature-set', 'CONSOLIDATED_BILLING']);
    expect(created.Organization).toMatchObject({ MasterAccountId: '333333333333', FeatureSet: 'CONSOLIDATED_BILLING' });
    const mine = await box.json(['--profile', 'anika', 'organizations', 'describe-organization']);
    expect(mine.Organization.Id).toBe(created.Organization.Id);
    const again = await box.run(['--profile', 'anika', 'organizations', 'create-organization']);
    expect([again.exitCode, again.stderr]).toEqual([
      254,
      '\norgsim: [ERROR]: An error occurred (AlreadyInOrganizationException) when calling the CreateOrganization operation: This account is already a member of an organization. An account can belong to only one organization at a time.\n',
    ]);
    const deleted = await box.run(['--profile', 'anika', 'organizations', 'delete-organization']);
    expect([deleted.exitCode, deleted.stdout, deleted.stderr]).toEqual([0, '', '']);
    const gone = await box.run(['--profile', 'anika', 'organizations', 'delete-organization']);
    expect(gone.exitCode).toBe(254);
    expect(gone.stderr).toContain('(AWSOrganizationsNotInUseException) when calling the DeleteOrganization operation');
  });

  it('an organization with members is not deleted', async () => {
    const result = await box.run(['organizations', 'delete-organization']);
    expect(result.exitCode).toBe(254);
    expect(result.stderr).toBe(
      "\norgsim: [ERROR]: An error occurred (OrganizationNotEmptyException) when calling the DeleteOrganization operation: The organization isn't empty. To delete an organization, you must first remove all accounts except the management account.\n",
    );
  });
});

describe('tags on the organization\'s resources', () => {
  it('tags, lists and untags the root and a member from the command line', async () => {
    const tag = await box.run(['organizations', 'tag-resource', '--resource-id', '222222222222', '--tags', 'Key=env,Value=prod', 'Key=team,Value=blue']);
    expect([tag.exitCode, tag.stdout, tag.stderr]).toEqual([0, '', '']);
    expect(await text(['list-tags-for-resource', '--resource-id', '222222222222'])).toBe('TAGS\tenv\tprod\nTAGS\tteam\tblue\n');
    await box.run(['organizations', 'untag-resource', '--resource-id', '222222222222', '--tag-keys', 'env']);
    expect(await text(['list-tags-for-resource', '--resource-id', '222222222222', '--query', 'Tags[].Key'])).toBe('team\n');
    await box.run(['organizations', 'tag-resource', '--resource-id', root, '--tags', 'Key=scope,Value=all']);
    expect(await text(['list-tags-for-resource', '--resource-id', root, '--query', 'Tags[0].Value'])).toBe('all\n');
    const bad = await box.run(['organizations', 'tag-resource', '--resource-id', root, '--tags', `Key=${'k'.repeat(129)},Value=x`]);
    expect(bad.exitCode).toBe(254);
    expect(bad.stderr).toContain('Reason: MAX_LENGTH_EXCEEDED:TAGS_1_MEMBER_KEY');
  });
});

describe('a cast of ones own', () => {
  it('adds a standalone account and a second profile for it; a refused edit changes nothing', async () => {
    const added = await box.run(['accounts', 'add', '--id', '555555555555', '--name', 'Rosa Diaz', '--email', 'rosa@example.com']);
    expect([added.exitCode, added.stdout]).toEqual([0, 'Added account 555555555555 (Rosa Diaz, rosa@example.com); act as it with --profile rosa-diaz.\n']);
    expect((await box.run(['profiles', 'add', 'rosa', '--account', '555555555555'])).exitCode).toBe(0);
    const accounts = await box.json(['accounts', '--output', 'json']);
    expect(accounts.Accounts.find((a: { Id: string }) => a.Id === '555555555555')).toMatchObject({ Profiles: 'rosa-diaz,rosa', OrganizationId: '' });
    const who = await box.json(['--profile', 'rosa', 'organizations', 'create-organization']);
    expect(who.Organization.MasterAccountId).toBe('555555555555');

    const path = (await box.run(['world', 'path'])).stdout.trim();
    expect(path).toBe(join(box.env().ORGSIM_HOME!, 'state.json'));
    const before = readFileSync(path);
    const refused = await box.run(['accounts', 'add', '--id', '555555555555', '--name', 'Again', '--email', 'again@example.com']);
    expect([refused.exitCode, refused.stderr]).toEqual([252, '\norgsim: [ERROR]: An error occurred (ParamValidation): The account 555555555555 exists already.\n']);
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});
