// Roots, OUs and where accounts sit (organization.md §23, R-165, R-191): every rule and error.
import { describe, expect, it } from 'vitest';
import { ANIKA, BILL, JUAN, SUSAN, TestWorld } from './testing/world.js';

const ROOT = 'r-exam';
const ORG = 'o-exampleorgid';

const withMember = () => TestWorld.withJuan();

const create = (w: TestWorld, parent: string, name: string, extra: Record<string, unknown> = {}) =>
  w.call('CreateOrganizationalUnit', BILL, { ParentId: parent, Name: name, ...extra }).OrganizationalUnit as { Id: string; Arn: string; Name: string; Path: string };

describe('create-organizational-unit', () => {
  it('makes an OU under the root or an OU: its id carries the root, its path every OU above it', () => {
    const world = new TestWorld();
    expect(world.call('ListRoots', BILL).Roots[0].Id).toBe(ROOT);
    const top = create(world, ROOT, 'Workloads');
    expect(top.Id).toMatch(/^ou-exam-[a-z0-9]{8}$/);
    expect(top).toEqual({ Id: top.Id, Arn: `arn:aws:organizations::${BILL}:ou/${ORG}/${top.Id}`, Name: 'Workloads', Path: `${ORG}/${ROOT}/${top.Id}/` });
    const nested = create(world, top.Id, 'Prod');
    expect(nested.Path).toBe(`${ORG}/${ROOT}/${top.Id}/${nested.Id}/`);
    expect(world.call('DescribeOrganizationalUnit', BILL, { OrganizationalUnitId: nested.Id })).toEqual({ OrganizationalUnit: nested });
  });

  it('a name repeats under another parent, never beside a sibling of that name', () => {
    const world = new TestWorld();
    const infra = create(world, ROOT, 'Infra');
    expect(create(world, infra.Id, 'Infra').Name).toBe('Infra');
    expect(world.outcome('CreateOrganizationalUnit', BILL, { ParentId: ROOT, Name: 'Infra' })).toBe('DuplicateOrganizationalUnitException');
    expect(world.outcome('CreateOrganizationalUnit', BILL, { ParentId: ROOT, Name: 'infra' })).toBe('ok');
  });

  it('nests five levels under the root, not six', () => {
    const world = new TestWorld();
    let parent = ROOT;
    for (let level = 1; level <= 5; level++) parent = create(world, parent, `L${level}`).Id;
    expect(world.outcome('CreateOrganizationalUnit', BILL, { ParentId: parent, Name: 'L6' })).toBe('ConstraintViolationException:OU_DEPTH_LIMIT_EXCEEDED');
  });

  it.each([
    [{ Name: 'x' }, 'InvalidInputException:INPUT_REQUIRED:PARENT_ID'],
    [{ ParentId: ROOT }, 'InvalidInputException:INPUT_REQUIRED:NAME'],
    [{ ParentId: 'root', Name: 'x' }, 'InvalidInputException:INVALID_PATTERN:PARENT_ID'],
    [{ ParentId: ROOT, Name: '' }, 'InvalidInputException:MIN_LENGTH_EXCEEDED:NAME'],
    [{ ParentId: ROOT, Name: 'é'.repeat(129) }, 'InvalidInputException:MAX_LENGTH_EXCEEDED:NAME'],
    [{ ParentId: ROOT, Name: 'x', Tags: [{ Key: 'a', Value: '1' }, { Key: 'a', Value: '2' }] }, 'InvalidInputException:DUPLICATE_TAG_KEY'],
    [{ ParentId: 'r-zzzz', Name: 'x' }, 'ParentNotFoundException'],
    [{ ParentId: 'ou-exam-00000000', Name: 'x' }, 'ParentNotFoundException'],
  ])('%o → %s', (input, expected) => {
    expect(new TestWorld().outcome('CreateOrganizationalUnit', BILL, input)).toBe(expected);
  });

  it('128 characters are a name, however many bytes; tags are kept', () => {
    const world = new TestWorld();
    const unit = create(world, ROOT, 'é'.repeat(128), { Tags: [{ Key: 'env', Value: 'prod' }] });
    expect(unit.Name).toHaveLength(128);
    expect(world.state.Organizations[0]!.OrganizationalUnits![0]!.Tags).toEqual([{ Key: 'env', Value: 'prod' }]);
  });

  it('only the management account creates; a standalone account has no organization', () => {
    const world = withMember();
    expect(world.outcome('CreateOrganizationalUnit', JUAN, { ParentId: ROOT, Name: 'x' })).toBe('AccessDeniedException');
    expect(world.outcome('CreateOrganizationalUnit', ANIKA, { ParentId: ROOT, Name: 'x' })).toBe('AWSOrganizationsNotInUseException');
    // Input is checked before the caller.
    expect(world.outcome('CreateOrganizationalUnit', ANIKA, { ParentId: 'bad', Name: 'x' })).toBe('InvalidInputException:INVALID_PATTERN:PARENT_ID');
  });
});

describe('update- and delete-organizational-unit', () => {
  it('renames, keeping the id; no name or a blank one leaves it as it is', () => {
    const world = new TestWorld();
    const unit = create(world, ROOT, 'Old');
    const rename = (Name?: unknown) => world.call('UpdateOrganizationalUnit', BILL, { OrganizationalUnitId: unit.Id, ...(Name === undefined ? {} : { Name }) }).OrganizationalUnit;
    expect(rename('New')).toEqual({ ...unit, Name: 'New' });
    expect(rename()).toEqual({ ...unit, Name: 'New' });
    expect(rename(' ')).toEqual({ ...unit, Name: 'New' });
    expect(world.outcome('UpdateOrganizationalUnit', BILL, { OrganizationalUnitId: unit.Id, Name: '' })).toBe('InvalidInputException:MIN_LENGTH_EXCEEDED:NAME');
    create(world, ROOT, 'Taken');
    expect(world.outcome('UpdateOrganizationalUnit', BILL, { OrganizationalUnitId: unit.Id, Name: 'Taken' })).toBe('DuplicateOrganizationalUnitException');
    expect(world.outcome('UpdateOrganizationalUnit', BILL, { OrganizationalUnitId: 'invalid' })).toBe('InvalidInputException:INVALID_PATTERN:ORGANIZATIONAL_UNIT_ID');
    expect(world.outcome('UpdateOrganizationalUnit', BILL, { OrganizationalUnitId: 'ou-exam-00000000', Name: 'x' })).toBe('OrganizationalUnitNotFoundException');
  });

  it('deletes only an empty OU', () => {
    const world = withMember();
    const parent = create(world, ROOT, 'Parent');
    const child = create(world, parent.Id, 'Child');
    expect(world.outcome('DeleteOrganizationalUnit', BILL, { OrganizationalUnitId: parent.Id })).toBe('OrganizationalUnitNotEmptyException');
    world.call('MoveAccount', BILL, { AccountId: JUAN, SourceParentId: ROOT, DestinationParentId: child.Id });
    expect(world.outcome('DeleteOrganizationalUnit', BILL, { OrganizationalUnitId: child.Id })).toBe('OrganizationalUnitNotEmptyException');
    world.call('MoveAccount', BILL, { AccountId: JUAN, SourceParentId: child.Id, DestinationParentId: ROOT });
    expect(world.call('DeleteOrganizationalUnit', BILL, { OrganizationalUnitId: child.Id })).toEqual({});
    expect(world.outcome('DescribeOrganizationalUnit', BILL, { OrganizationalUnitId: child.Id })).toBe('OrganizationalUnitNotFoundException');
    expect(world.outcome('DeleteOrganizationalUnit', JUAN, { OrganizationalUnitId: parent.Id })).toBe('AccessDeniedException');
  });
});

describe('navigation', () => {
  it('lists OUs directly under a parent in the order they were made, page by page', () => {
    const world = new TestWorld();
    const made = ['c', 'a', 'b', 'e', 'd'].map((name) => create(world, ROOT, name));
    create(world, made[0]!.Id, 'nested');
    const first = world.call('ListOrganizationalUnitsForParent', BILL, { ParentId: ROOT, MaxResults: 3 });
    expect(first.OrganizationalUnits.map((u: { Name: string }) => u.Name)).toEqual(['c', 'a', 'b']);
    const second = world.call('ListOrganizationalUnitsForParent', BILL, { ParentId: ROOT, MaxResults: 3, NextToken: first.NextToken });
    expect(second.OrganizationalUnits.map((u: { Name: string }) => u.Name)).toEqual(['e', 'd']);
    expect(second.NextToken).toBeUndefined();
    // A token belongs to its parent.
    expect(world.outcome('ListOrganizationalUnitsForParent', BILL, { ParentId: made[0]!.Id, NextToken: first.NextToken })).toBe('InvalidInputException:INVALID_NEXT_TOKEN');
    expect(world.outcome('ListOrganizationalUnitsForParent', BILL, { ParentId: 'ou-exam-00000000' })).toBe('ParentNotFoundException');
  });

  it('lists children of one type, and the one parent of a child', () => {
    const world = withMember();
    const unit = create(world, ROOT, 'Workloads');
    expect(world.call('ListChildren', BILL, { ParentId: ROOT, ChildType: 'ACCOUNT' }).Children).toEqual([
      { Id: BILL, Type: 'ACCOUNT' },
      { Id: JUAN, Type: 'ACCOUNT' },
    ]);
    expect(world.call('ListChildren', BILL, { ParentId: ROOT, ChildType: 'ORGANIZATIONAL_UNIT' }).Children).toEqual([{ Id: unit.Id, Type: 'ORGANIZATIONAL_UNIT' }]);
    expect(world.outcome('ListChildren', BILL, { ParentId: ROOT, ChildType: 'POLICY' })).toBe('InvalidInputException:INVALID_ENUM:CHILD_TYPE');
    expect(world.outcome('ListChildren', BILL, { ParentId: ROOT })).toBe('InvalidInputException:INPUT_REQUIRED:CHILD_TYPE');
    expect(world.call('ListParents', BILL, { ChildId: JUAN }).Parents).toEqual([{ Id: ROOT, Type: 'ROOT' }]);
    expect(world.call('ListParents', BILL, { ChildId: unit.Id }).Parents).toEqual([{ Id: ROOT, Type: 'ROOT' }]);
    const nested = create(world, unit.Id, 'Prod');
    expect(world.call('ListParents', BILL, { ChildId: nested.Id }).Parents).toEqual([{ Id: unit.Id, Type: 'ORGANIZATIONAL_UNIT' }]);
    // Not in this organization, or no such OU.
    expect(world.outcome('ListParents', BILL, { ChildId: ANIKA })).toBe('ChildNotFoundException');
    expect(world.outcome('ListParents', BILL, { ChildId: 'ou-exam-00000000' })).toBe('ChildNotFoundException');
    expect(world.outcome('ListParents', BILL, { ChildId: 'nope' })).toBe('InvalidInputException:INVALID_PATTERN:CHILD_ID');
    expect(world.outcome('ListParents', JUAN, { ChildId: JUAN })).toBe('AccessDeniedException');
  });
});

describe('move-account', () => {
  it('moves a member between containers; its path follows, and it answers nothing', () => {
    const world = withMember();
    const unit = create(world, ROOT, 'Workloads');
    expect(world.call('MoveAccount', BILL, { AccountId: JUAN, SourceParentId: ROOT, DestinationParentId: unit.Id })).toEqual({});
    expect(world.call('DescribeAccount', BILL, { AccountId: JUAN }).Account.Paths).toEqual([`${ORG}/${ROOT}/${unit.Id}/${JUAN}/`]);
    expect(world.call('ListAccountsForParent', BILL, { ParentId: unit.Id }).Accounts.map((a: { Id: string }) => a.Id)).toEqual([JUAN]);
    expect(world.call('ListAccountsForParent', BILL, { ParentId: ROOT }).Accounts.map((a: { Id: string }) => a.Id)).toEqual([BILL]);
    // The management account may be moved too.
    expect(world.outcome('MoveAccount', BILL, { AccountId: BILL, SourceParentId: ROOT, DestinationParentId: unit.Id })).toBe('ok');
  });

  it.each([
    [{ SourceParentId: ROOT, DestinationParentId: 'U' }, 'InvalidInputException:INPUT_REQUIRED:ACCOUNT_ID'],
    [{ AccountId: JUAN, SourceParentId: 'x', DestinationParentId: 'U' }, 'InvalidInputException:INVALID_PATTERN:SOURCE_PARENT_ID'],
    [{ AccountId: JUAN, SourceParentId: ROOT, DestinationParentId: 'x' }, 'InvalidInputException:INVALID_PATTERN:DESTINATION_PARENT_ID'],
    [{ AccountId: ANIKA, SourceParentId: ROOT, DestinationParentId: 'U' }, 'AccountNotFoundException'],
    [{ AccountId: JUAN, SourceParentId: 'ou-exam-00000000', DestinationParentId: 'U' }, 'SourceParentNotFoundException'],
    [{ AccountId: JUAN, SourceParentId: ROOT, DestinationParentId: 'ou-exam-00000000' }, 'DestinationParentNotFoundException'],
    [{ AccountId: JUAN, SourceParentId: ROOT, DestinationParentId: ROOT }, 'DuplicateAccountException'],
    [{ AccountId: JUAN, SourceParentId: 'U', DestinationParentId: 'V' }, 'AccountNotFoundException'],
  ])('%o → %s', (input, expected) => {
    const world = withMember();
    const ids: Record<string, string> = { U: create(world, ROOT, 'U').Id, V: create(world, ROOT, 'V').Id };
    const resolved = Object.fromEntries(Object.entries(input).map(([k, v]) => [k, ids[v] ?? v]));
    expect(world.outcome('MoveAccount', BILL, resolved)).toBe(expected);
  });

  it('an account not in the organization is named as the service names it', () => {
    const world = withMember();
    let message = '';
    try {
      world.call('MoveAccount', BILL, { AccountId: SUSAN, SourceParentId: ROOT, DestinationParentId: ROOT });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe("You specified an account that doesn't exist.");
  });

  it('an account that leaves and comes back lands in the root', () => {
    const world = withMember();
    const unit = create(world, ROOT, 'Workloads');
    world.call('MoveAccount', BILL, { AccountId: JUAN, SourceParentId: ROOT, DestinationParentId: unit.Id });
    world.call('LeaveOrganization', JUAN);
    world.call('AcceptHandshake', JUAN, { HandshakeId: world.invite({ Id: JUAN, Type: 'ACCOUNT' }) });
    expect(world.call('ListParents', BILL, { ChildId: JUAN }).Parents).toEqual([{ Id: ROOT, Type: 'ROOT' }]);
  });
});

describe('accounts carry the retired Status beside State', () => {
  it.each([
    ['ACTIVE', 'ACTIVE'],
    ['PENDING_CLOSURE', 'PENDING_CLOSURE'],
    ['CLOSED', 'SUSPENDED'],
    ['SUSPENDED', 'SUSPENDED'],
    ['PENDING_ACTIVATION', 'ACTIVE'],
  ])('State %s: Status %s, in model order', (state, status) => {
    const world = withMember();
    world.state.Accounts.find((a) => a.Id === JUAN)!.State = state as never;
    const account = world.call('DescribeAccount', BILL, { AccountId: JUAN }).Account;
    expect(account).toMatchObject({ Status: status, State: state });
    expect(Object.keys(account)).toEqual(['Id', 'Arn', 'Email', 'Name', 'Status', 'State', 'Paths', 'JoinedMethod', 'JoinedTimestamp']);
  });
});
