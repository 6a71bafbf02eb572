// CreateAccount's asynchronous status and CloseAccount (organization.md ).
import { describe, expect, it } from 'vitest';
import { BILL, DAY_MS, JUAN, TestWorld } from './testing/world.js';

const create = (w: TestWorld, extra: Record<string, unknown> = {}) => w.call('CreateAccount', BILL, { Email: 'new@example.com', AccountName: 'New One', ...extra }).CreateAccountStatus;
const status = (w: TestWorld, id: string) => w.call('DescribeCreateAccountStatus', BILL, { CreateAccountRequestId: id }).CreateAccountStatus;

describe('create-account', () => {
  it('answers IN_PROGRESS, then SUCCEEDED with the account under the root, created, with its role', () => {
    const world = new TestWorld();
    const request = create(world, { Tags: [{ Key: 'team', Value: 'a' }], RoleName: 'Admin' });
    expect(request).toEqual({ Id: expect.stringMatching(/^car-[0-9a-f]{32}$/), AccountName: 'New One', State: 'IN_PROGRESS', RequestedTimestamp: world.now / 1000 });
    const done = status(world, request.Id);
    expect(done).toEqual({ ...request, State: 'SUCCEEDED', CompletedTimestamp: world.now / 1000, AccountId: expect.stringMatching(/^\d{12}$/) });
    const account = world.call('DescribeAccount', BILL, { AccountId: done.AccountId }).Account;
    expect(account).toMatchObject({ Name: 'New One', Email: 'new@example.com', State: 'ACTIVE', Status: 'ACTIVE', JoinedMethod: 'CREATED' });
    expect(world.call('ListParents', BILL, { ChildId: done.AccountId }).Parents).toEqual([{ Id: 'r-exam', Type: 'ROOT' }]);
    expect(world.call('ListTagsForResource', BILL, { ResourceId: done.AccountId }).Tags).toEqual([{ Key: 'team', Value: 'a' }]);
    expect(world.state.Roles).toEqual([
      expect.objectContaining({ AccountId: done.AccountId, RoleName: 'Admin', Trust: [`arn:aws:iam::${BILL}:root`], MaxSessionDuration: 3600 }),
      expect.objectContaining({ AccountId: done.AccountId, RoleName: 'AWSServiceRoleForOrganizations', Trust: ['organizations.amazonaws.com'] }),
    ]);
  });

  it('the same account whichever look completes it first', () => {
    const a = new TestWorld();
    const id = create(a).Id;
    const b = new TestWorld();
    b.state = structuredClone(a.state);
    expect(status(a, id).AccountId).toBe(status(b, id).AccountId);
  });

  it('fails later, not at once, for an address the world has or an organization at its quota (R-196)', () => {
    const world = new TestWorld();
    const taken = create(world, { Email: 'juan@example.com' });
    expect(taken.State).toBe('IN_PROGRESS');
    expect(status(world, taken.Id)).toMatchObject({ State: 'FAILED', FailureReason: 'EMAIL_ALREADY_EXISTS' });
    expect(status(world, taken.Id).AccountId).toBeUndefined();
    world.state.Organizations[0]!.Quotas.Accounts = 1;
    expect(status(world, create(world, { Email: 'other@example.com' }).Id)).toMatchObject({ State: 'FAILED', FailureReason: 'ACCOUNT_LIMIT_EXCEEDED' });
  });

  it.each([
    [{ Email: undefined }, 'InvalidInputException:INPUT_REQUIRED:EMAIL'],
    [{ AccountName: undefined }, 'InvalidInputException:INPUT_REQUIRED:ACCOUNT_NAME'],
    [{ AccountName: 'x'.repeat(51) }, 'InvalidInputException:MAX_LENGTH_EXCEEDED:ACCOUNT_NAME'],
    [{ AccountName: 'naïve' }, 'InvalidInputException:INVALID_PATTERN:ACCOUNT_NAME'],
    [{ Email: 'not-an-email' }, 'InvalidInputException:INVALID_PATTERN:EMAIL'],
    [{ RoleName: 'has space' }, 'InvalidInputException:INVALID_PATTERN:ROLE_NAME'],
    [{ RoleName: 'AWSServiceRoleForX' }, 'InvalidInputException:INVALID_ROLE_NAME'],
    [{ IamUserAccessToBilling: 'MAYBE' }, 'InvalidInputException:INVALID_ENUM:IAM_USER_ACCESS_TO_BILLING'],
  ])('refuses %j: %s', (change, expected) => {
    const input: Record<string, unknown> = { Email: 'new@example.com', AccountName: 'New', ...change };
    for (const key of Object.keys(input)) if (input[key] === undefined) delete input[key];
    expect(new TestWorld().outcome('CreateAccount', BILL, input)).toBe(expected);
  });

  it('management account only; five in progress at once, never two for one address (R-194)', () => {
    const world = TestWorld.withJuan();
    expect(world.outcome('CreateAccount', JUAN, { Email: 'a@example.com', AccountName: 'A' })).toBe('AccessDeniedException');
    expect(world.outcome('CreateAccount', '333333333333', { Email: 'a@example.com', AccountName: 'A' })).toBe('AWSOrganizationsNotInUseException');
    // A request in progress stays so while its completion is ahead.
    const requests = () => world.state.Organizations[0]!.CreateAccountRequests!;
    create(world, { Email: 'a@example.com' });
    requests()[0]!.CompletesTimestamp += 3600;
    expect(world.outcome('CreateAccount', BILL, { Email: 'A@example.com', AccountName: 'A' })).toBe('ConcurrentModificationException');
    for (const n of [2, 3, 4, 5]) {
      create(world, { Email: `n${n}@example.com` });
      requests().at(-1)!.CompletesTimestamp += 3600;
    }
    expect(world.outcome('CreateAccount', BILL, { Email: 'six@example.com', AccountName: 'Six' })).toBe('ConcurrentModificationException');
  });

  it('lists newest first, narrowed by state, a page at a time', () => {
    const world = new TestWorld();
    const first = create(world, { Email: 'one@example.com' }).Id;
    const failed = create(world, { Email: 'juan@example.com' }).Id;
    const third = create(world, { Email: 'three@example.com' }).Id;
    expect(world.call('ListCreateAccountStatus', BILL).CreateAccountStatuses.map((s: { Id: string }) => s.Id)).toEqual([third, failed, first]);
    expect(world.call('ListCreateAccountStatus', BILL, { States: ['FAILED'] }).CreateAccountStatuses.map((s: { Id: string }) => s.Id)).toEqual([failed]);
    const page = world.call('ListCreateAccountStatus', BILL, { MaxResults: 2 });
    expect(page.CreateAccountStatuses).toHaveLength(2);
    expect(world.call('ListCreateAccountStatus', BILL, { MaxResults: 2, NextToken: page.NextToken }).CreateAccountStatuses.map((s: { Id: string }) => s.Id)).toEqual([first]);
    expect(world.outcome('ListCreateAccountStatus', BILL, { States: ['DONE'] })).toBe('InvalidInputException:INVALID_LIST_MEMBER:STATES');
    expect(world.outcome('DescribeCreateAccountStatus', BILL, { CreateAccountRequestId: 'car-00000000' })).toBe('CreateAccountStatusNotFoundException');
    expect(world.outcome('DescribeCreateAccountStatus', BILL, { CreateAccountRequestId: 'nope' })).toBe('InvalidInputException:INVALID_PATTERN:CREATE_ACCOUNT_REQUEST_ID');
  });
});

describe('close-account', () => {
  it('PENDING_CLOSURE at once, CLOSED (Status SUSPENDED) when it completes, out of the organization after 90 days', () => {
    const world = TestWorld.withJuan();
    expect(world.call('CloseAccount', BILL, { AccountId: JUAN })).toEqual({});
    expect(world.state.Accounts.find((a) => a.Id === JUAN)!.State).toBe('PENDING_CLOSURE');
    expect(world.call('DescribeAccount', BILL, { AccountId: JUAN }).Account).toMatchObject({ State: 'CLOSED', Status: 'SUSPENDED' });
    expect(world.outcome('CloseAccount', BILL, { AccountId: JUAN })).toBe('AccountAlreadyClosedException');
    world.now += 91 * DAY_MS;
    expect(world.outcome('DescribeAccount', BILL, { AccountId: JUAN })).toBe('AccountNotFoundException');
    // Its address stays taken.
    expect(world.call('ListCreateAccountStatus', BILL).CreateAccountStatuses).toEqual([]);
    const again = world.call('CreateAccount', BILL, { Email: 'juan@example.com', AccountName: 'Juan again' }).CreateAccountStatus.Id;
    expect(world.call('DescribeCreateAccountStatus', BILL, { CreateAccountRequestId: again }).CreateAccountStatus.FailureReason).toBe('EMAIL_ALREADY_EXISTS');
  });

  it('refuses in the order of the rules (R-200, R-201)', () => {
    const world = TestWorld.withJuan();
    expect(world.outcome('CloseAccount', BILL, { AccountId: 'nope' })).toBe('InvalidInputException:INVALID_PATTERN:ACCOUNT_ID');
    expect(world.outcome('CloseAccount', JUAN, { AccountId: JUAN })).toBe('AccessDeniedException');
    expect(world.outcome('CloseAccount', BILL, { AccountId: '333333333333' })).toBe('AccountNotFoundException');
    expect(world.outcome('CloseAccount', BILL, { AccountId: BILL })).toBe('ConstraintViolationException:CANNOT_CLOSE_MANAGEMENT_ACCOUNT');
    world.state.Accounts.find((a) => a.Id === JUAN)!.State = 'PENDING_CLOSURE';
    expect(world.outcome('CloseAccount', BILL, { AccountId: JUAN })).toBe('ConflictException');
    const billing = TestWorld.consolidatedBilling([JUAN]);
    expect(billing.outcome('CloseAccount', BILL, { AccountId: JUAN })).toBe('ConstraintViolationException:ORGANIZATION_NOT_IN_ALL_FEATURES_MODE');
  });
});
