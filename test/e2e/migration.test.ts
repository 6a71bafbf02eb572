// A migration written as AWS's samples write them, run unchanged against orgsim: once as a bash
// script calling `aws` (orgsim installed under that name first on PATH), once as an SDK program
// against `orgsim serve`. Both must leave the same world: the member in our OU, the old organization gone.
import { execa } from 'execa';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN, Sandbox } from './helpers.js';
import { startServer } from './server-helpers.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/migration/', import.meta.url));
const MEMBER = '333333333333';

async function rehearsal(): Promise<Sandbox> {
  const box = new Sandbox();
  await box.run(['init', '--scenario', 'two-orgs']);
  await box.run(['roles', 'put', '--account', MEMBER, '--name', 'MigrationRole', '--trust', '111111111111']);
  return box;
}

async function expectMigrated(box: Sandbox): Promise<void> {
  const parents = await box.json(['--profile', 'bill', 'list-parents', '--child-id', MEMBER]);
  expect(parents.Parents[0].Type).toBe('ORGANIZATIONAL_UNIT');
  const ou = await box.json(['--profile', 'bill', 'describe-organizational-unit', '--organizational-unit-id', parents.Parents[0].Id]);
  expect(ou.OrganizationalUnit.Name).toBe('Migrated');
  const account = await box.json(['--profile', 'bill', 'describe-account', '--account-id', MEMBER]);
  expect(account.Account).toMatchObject({ Id: MEMBER, JoinedMethod: 'INVITED', State: 'ACTIVE', Status: 'ACTIVE' });
  const old = await box.run(['--profile', 'carol', 'describe-organization']);
  expect(old.exitCode).toBe(254);
  expect(old.stderr).toContain('AWSOrganizationsNotInUseException');
  const events = (await box.json(['events', '--output', 'json'])).Events.map((e: { eventName: string }) => e.eventName);
  for (const name of ['InviteAccountToOrganization', 'LeaveOrganization', 'AcceptHandshake', 'CreateOrganizationalUnit', 'MoveAccount', 'DeleteOrganization']) expect(events).toContain(name);
}

describe('a migration script', () => {
  it('runs as a bash script calling aws, with orgsim installed as aws first on PATH', async () => {
    const box = await rehearsal();
    try {
      const bin = join(box.dir, 'bin');
      mkdirSync(bin);
      symlinkSync(BIN, join(bin, 'aws'));
      const run = await execa('bash', [join(FIXTURES, 'migrate.sh')], {
        env: box.env({ PATH: `${bin}:${process.env.PATH}`, AWS_PROFILE: 'bill', AWS_DEFAULT_OUTPUT: 'json', MEMBER, OLD_PROFILE: 'carol' }),
        extendEnv: false,
        reject: false,
        stripFinalNewline: false,
      });
      expect(run.stderr).toBe('');
      expect(run.exitCode).toBe(0);
      expect(run.stdout).toMatch(/member session: arn:aws:sts::333333333333:assumed-role\/MigrationRole\/org-migration-333333333333\n/);
      expect(run.stdout).toMatch(/deleted o-secondorg01\n333333333333\tAnika\tACTIVE\tACTIVE\n$/);
      await expectMigrated(box);
    } finally {
      box.cleanup();
    }
  });

  it('runs as an SDK program (client-sts, client-organizations) against orgsim serve', async () => {
    const box = await rehearsal();
    const server = await startServer(box);
    try {
      const keys = Object.fromEntries((await box.json(['profiles', '--output', 'json'])).Profiles.map((p: { Name: string; AccessKeyId: string }) => [p.Name, p.AccessKeyId]));
      const run = await execa(process.execPath, [join(FIXTURES, 'migrate.mjs')], {
        env: {
          PATH: process.env.PATH ?? '',
          AWS_ENDPOINT_URL: server.url,
          MEMBER,
          NEW_ACCESS_KEY_ID: keys.bill,
          NEW_SECRET_ACCESS_KEY: 'x',
          OLD_ACCESS_KEY_ID: keys.carol,
          OLD_SECRET_ACCESS_KEY: 'x',
          NODE_NO_WARNINGS: '1',
        },
        extendEnv: false,
        reject: false,
        stripFinalNewline: false,
        cwd: fileURLToPath(new URL('../..', import.meta.url)),
      });
      expect(run.stderr).toBe('');
      expect(run.exitCode).toBe(0);
      expect(run.stdout).toMatch(/deleted o-secondorg01\n333333333333\tAnika\tACTIVE\tACTIVE\n$/);
      await expectMigrated(box);
    } finally {
      await server.stop();
      box.cleanup();
    }
  });

  it('stops where AWS would: the new management account cannot reach a member whose role does not trust it', async () => {
    const box = await rehearsal();
    try {
      await box.run(['roles', 'put', '--account', MEMBER, '--name', 'MigrationRole', '--trust', '555555555555']);
      const bin = join(box.dir, 'bin');
      mkdirSync(bin);
      symlinkSync(BIN, join(bin, 'aws'));
      const run = await execa('bash', [join(FIXTURES, 'migrate.sh')], { env: box.env({ PATH: `${bin}:${process.env.PATH}`, AWS_PROFILE: 'bill', MEMBER, OLD_PROFILE: 'carol' }), extendEnv: false, reject: false, stripFinalNewline: false });
      expect(run.exitCode).toBe(254);
      expect(run.stderr).toBe(
        '\naws: [ERROR]: An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:iam::111111111111:user/bill is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::333333333333:role/MigrationRole\n',
      );
      expect((await box.json(['--profile', 'carol', 'list-accounts'])).Accounts.map((a: { Id: string }) => a.Id)).toContain(MEMBER);
    } finally {
      box.cleanup();
    }
  });
});
