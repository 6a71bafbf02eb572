// Billing transfers (transfer-and-delegation.md §16, R-108 to R-137), on the billing-transfer
// scenario: bill (111111111111) manages the paying organization, source (555555555555) the one
// whose bill moves; juan is a member of the first, anika of the second, susan is standalone.
import { describe, expect, it } from 'vitest';
import { buildScenario } from './scenarios.js';
import { ANIKA, BILL, JUAN, SUSAN, T0, TestWorld } from './testing/world.js';
import { checkEnd, endOfMonth } from './transfer-dates.js';
import { acceptanceDeadline } from './transfer-records.js';

const SOURCE = '555555555555';
const utc = (y: number, m: number, d = 1, h = 0, mi = 0, s = 0) => Date.UTC(y, m - 1, d, h, mi, s) / 1000;
const DEC_1 = utc(2026, 12);
const JAN_1 = utc(2027, 1);
const FEB_1 = utc(2027, 2);

function billingWorld(): TestWorld {
  const world = new TestWorld();
  world.state = buildScenario('billing-transfer', world.ctx(''));
  world.addStandalone(SUSAN, 'susan@example.com');
  return world;
}

const invitation = (target: { Id: string; Type: string } = { Id: SOURCE, Type: 'ACCOUNT' }, extra: Record<string, unknown> = {}) => ({
  Type: 'BILLING',
  Target: target,
  StartTimestamp: JAN_1,
  SourceName: 'Source bill',
  ...extra,
});

function invited(world: TestWorld, extra: Record<string, unknown> = {}, target?: { Id: string; Type: string }) {
  const handshake = world.call('InviteOrganizationToTransferResponsibility', BILL, invitation(target, extra)).Handshake;
  const transferId = handshake.Resources[0].Value as string;
  return { handshake, handshakeId: handshake.Id as string, transferId };
}

const transfer = (world: TestWorld, caller: string, Id: string) => world.call('DescribeResponsibilityTransfer', caller, { Id }).ResponsibilityTransfer;

describe('inviting an organization to transfer its bill', () => {
  it('checks the input first, then the caller, then the start date (R-114 to R-118)', () => {
    const world = billingWorld();
    const outcome = (caller: string, change: Record<string, unknown>) => world.outcome('InviteOrganizationToTransferResponsibility', caller, { ...invitation(), ...change });
    expect(outcome(JUAN, { Type: 'FOO' })).toBe('InvalidInputException:INVALID_ENUM:TYPE');
    expect(outcome(BILL, { Target: { Id: 'o-sourceorg01', Type: 'ORGANIZATION' } })).toBe('InvalidInputException:INVALID_PARTY_TYPE_TARGET');
    expect(outcome(BILL, { Target: { Id: '12345', Type: 'ACCOUNT' } })).toBe('InvalidInputException:INVALID_PATTERN');
    expect(outcome(BILL, { Target: { Id: 'not-an-address', Type: 'EMAIL' } })).toBe('InvalidInputException:INVALID_EMAIL_ADDRESS_TARGET');
    expect(outcome(BILL, { StartTimestamp: undefined })).toBe('InvalidInputException:INPUT_REQUIRED:START_TIMESTAMP');
    expect(outcome(BILL, { SourceName: undefined })).toBe('InvalidInputException:INPUT_REQUIRED:SOURCE_NAME');
    expect(outcome(BILL, { SourceName: 'x'.repeat(129) })).toBe('InvalidInputException:MAX_LENGTH_EXCEEDED:SOURCE_NAME');
    expect(outcome(BILL, { SourceName: 'caf\u00e9' })).toBe('InvalidInputException:INVALID_PATTERN:SOURCE_NAME');
    expect(outcome(BILL, { Notes: 'n'.repeat(1025) })).toBe('InvalidInputException:MAX_LENGTH_EXCEEDED:NOTES');
    expect(outcome(JUAN, {})).toBe('AccessDeniedException');
    expect(outcome(SUSAN, {})).toBe('AWSOrganizationsNotInUseException');
    expect(outcome(JUAN, { StartTimestamp: JAN_1 + 3600 })).toBe('AccessDeniedException');
    expect(world.state.ResponsibilityTransfers ?? []).toEqual([]);
  });

  it('starts at 00:00 UTC on the 1st of next month or the month after, a day before which it must be accepted (R-116, R-120)', () => {
    const world = billingWorld();
    const outcome = (StartTimestamp: number) => world.outcome('InviteOrganizationToTransferResponsibility', BILL, invitation(undefined, { StartTimestamp }));
    expect(outcome(JAN_1 + 1)).toBe('InvalidInputException:START_DATE_NOT_BEGINNING_OF_DAY');
    expect(outcome(JAN_1 + 0.5)).toBe('InvalidInputException:START_DATE_NOT_BEGINNING_OF_DAY');
    expect(outcome(utc(2027, 1, 2))).toBe('InvalidInputException:START_DATE_NOT_BEGINNING_OF_MONTH');
    expect(outcome(utc(2026, 11))).toBe('InvalidInputException:START_DATE_TOO_EARLY');
    expect(outcome(FEB_1)).toBe('InvalidInputException:START_DATE_TOO_LATE');
    // Nine days before December's deadline, December is next month: allowed.
    expect(outcome(DEC_1)).toBe('ok');
    const late = billingWorld();
    late.now = acceptanceDeadline(DEC_1) * 1000;
    expect(late.outcome('InviteOrganizationToTransferResponsibility', BILL, invitation(undefined, { StartTimestamp: DEC_1 }))).toBe('InvalidInputException:START_DATE_TOO_EARLY');
    expect(late.outcome('InviteOrganizationToTransferResponsibility', BILL, invitation(undefined, { StartTimestamp: JAN_1 }))).toBe('ok');
  });

  it('refuses consolidated billing, itself, a duplicate, a second link and a full inbound quota, in that order (R-117, R-118, R-133)', () => {
    const world = billingWorld();
    const outcome = (target?: { Id: string; Type: string }) => world.outcome('InviteOrganizationToTransferResponsibility', BILL, invitation(target));
    world.state.Organizations[0]!.FeatureSet = 'CONSOLIDATED_BILLING';
    expect(outcome()).toBe('ConstraintViolationException:ORGANIZATION_NOT_IN_ALL_FEATURES_MODE');
    world.state.Organizations[0]!.FeatureSet = 'ALL';
    expect(outcome({ Id: BILL, Type: 'ACCOUNT' })).toBe('HandshakeConstraintViolationException:SOURCE_AND_TARGET_CANNOT_MATCH');
    world.state.Organizations[0]!.Quotas.InboundResponsibilityTransfers = 5;
    invited(world);
    expect(outcome()).toBe('DuplicateHandshakeException');
    expect(outcome({ Id: 'SOURCE@example.com', Type: 'EMAIL' })).toBe('HandshakeConstraintViolationException:RESPONSIBILITY_TRANSFER_ALREADY_EXISTS');
    world.state.Organizations[0]!.Quotas.InboundResponsibilityTransfers = 1;
    expect(outcome({ Id: SUSAN, Type: 'ACCOUNT' })).toBe('ConstraintViolationException:RESPONSIBILITY_TRANSFER_MAX_INBOUND_QUOTA_VIOLATION');
    // AWS's default inbound quota is 0: without a raise, nobody can take a bill over.
    delete world.state.Organizations[0]!.Quotas.InboundResponsibilityTransfers;
    expect(world.call('ListInboundResponsibilityTransfers', BILL, { Type: 'BILLING' }).ResponsibilityTransfers).toHaveLength(1);
    world.call('CancelHandshake', BILL, { HandshakeId: world.call('ListHandshakesForOrganization', BILL).Handshakes[0].Id });
    expect(outcome()).toBe('ConstraintViolationException:RESPONSIBILITY_TRANSFER_MAX_INBOUND_QUOTA_VIOLATION');
  });

  it('creates an OPEN handshake with the proposed resources and a REQUESTED transfer (R-119, R-121, R-122)', () => {
    const world = billingWorld();
    const { handshake, transferId } = invited(world, { Notes: 'please', Tags: [{ Key: 'team', Value: 'finance' }] });
    expect(handshake).toMatchObject({
      Arn: `arn:aws:organizations::${BILL}:handshake/o-payerorg001/transfer_responsibility/${handshake.Id}`,
      Parties: [{ Id: 'payerorg001', Type: 'ORGANIZATION' }, { Id: SOURCE, Type: 'ACCOUNT' }],
      State: 'OPEN',
      RequestedTimestamp: T0 / 1000,
      ExpirationTimestamp: JAN_1 - 86_400,
      Action: 'TRANSFER_RESPONSIBILITY',
    });
    expect(handshake.Resources).toEqual([
      { Value: transferId, Type: 'RESPONSIBILITY_TRANSFER', Resources: [{ Value: 'BILLING', Type: 'TRANSFER_TYPE' }, { Value: String(JAN_1 * 1000), Type: 'TRANSFER_START_TIMESTAMP' }] },
      { Value: BILL, Type: 'MANAGEMENT_ACCOUNT', Resources: [{ Value: 'payer@example.com', Type: 'MANAGEMENT_EMAIL' }, { Value: 'Payer', Type: 'MANAGEMENT_NAME' }] },
      { Value: SOURCE, Type: 'ACCOUNT' },
      { Value: 'please', Type: 'NOTES' },
    ]);
    expect(transferId).toMatch(/^rt-[0-9a-z]{8,32}$/);
    expect(transfer(world, BILL, transferId)).toEqual({
      Arn: `arn:aws:organizations::${BILL}:transfer/o-payerorg001/billing/inbound/${transferId}`,
      Name: 'Source bill',
      Id: transferId,
      Type: 'BILLING',
      Status: 'REQUESTED',
      Source: { ManagementAccountId: SOURCE },
      Target: { ManagementAccountId: BILL, ManagementAccountEmail: 'payer@example.com' },
      StartTimestamp: JAN_1,
      ActiveHandshakeId: handshake.Id,
    });
    // The bill-source sees the same transfer under its own organization, outbound, with the name.
    expect(transfer(world, SOURCE, transferId).Arn).toBe(`arn:aws:organizations::${SOURCE}:transfer/o-sourceorg01/billing/outbound/${transferId}`);
    expect(transfer(world, SOURCE, transferId).Name).toBe('Source bill');
    expect(world.call('ListOutboundResponsibilityTransfers', SOURCE, { Type: 'BILLING' }).ResponsibilityTransfers.map((t: { Id: string }) => t.Id)).toEqual([transferId]);
    expect(world.call('ListOutboundResponsibilityTransfers', BILL, { Type: 'BILLING' }).ResponsibilityTransfers).toEqual([]);
    expect(world.call('ListInboundResponsibilityTransfers', SOURCE, { Type: 'BILLING' }).ResponsibilityTransfers).toEqual([]);
  });

  it('is seen by the sender through its organization and by the invited management account through its own list (R-123)', () => {
    const world = billingWorld();
    const { handshakeId } = invited(world);
    world.invite({ Id: SUSAN, Type: 'ACCOUNT' });
    const ids = (op: string, caller: string, input = {}) => world.call(op, caller, input).Handshakes.map((h: { Id: string }) => h.Id);
    const filter = { Filter: { ActionType: 'TRANSFER_RESPONSIBILITY' } };
    expect(ids('ListHandshakesForOrganization', BILL, filter)).toEqual([handshakeId]);
    expect(ids('ListHandshakesForAccount', SOURCE)).toEqual([handshakeId]);
    expect(ids('ListHandshakesForAccount', SOURCE, filter)).toEqual([handshakeId]);
    expect(world.call('DescribeHandshake', SOURCE, { HandshakeId: handshakeId }).Handshake.Id).toBe(handshakeId);
    expect(world.outcome('DescribeHandshake', ANIKA, { HandshakeId: handshakeId })).toBe('AccessDeniedException');
  });
});

describe('answering the invitation', () => {
  it('only the invited management account accepts; the transfer follows (R-124, R-125)', () => {
    const world = billingWorld();
    const { handshakeId, transferId } = invited(world, {}, { Id: 'source@example.com', Type: 'EMAIL' });
    expect(world.outcome('AcceptHandshake', ANIKA, { HandshakeId: handshakeId })).toBe('AccessDeniedException');
    expect(world.outcome('AcceptHandshake', JUAN, { HandshakeId: handshakeId })).toBe('AccessDeniedException');
    const accepted = world.call('AcceptHandshake', SOURCE, { HandshakeId: handshakeId }).Handshake;
    expect(accepted.State).toBe('ACCEPTED');
    expect(accepted.Parties[1]).toEqual({ Id: SOURCE, Type: 'ACCOUNT' });
    expect(transfer(world, BILL, transferId)).toEqual(
      expect.objectContaining({ Status: 'ACCEPTED', Source: { ManagementAccountId: SOURCE, ManagementAccountEmail: 'source@example.com' }, StartTimestamp: JAN_1 }),
    );
    expect(transfer(world, BILL, transferId).ActiveHandshakeId).toBeUndefined();
    expect(world.outcome('AcceptHandshake', SOURCE, { HandshakeId: handshakeId })).toBe('HandshakeAlreadyInStateException');
  });

  it('a member or a standalone account named by the invitation cannot accept; either may decline (R-124, proposals)', () => {
    const world = billingWorld();
    world.state.Organizations[0]!.Quotas.InboundResponsibilityTransfers = 5;
    const toAnika = invited(world, {}, { Id: ANIKA, Type: 'ACCOUNT' });
    const toSusan = invited(world, {}, { Id: 'susan@example.com', Type: 'EMAIL' });
    expect(world.outcome('AcceptHandshake', ANIKA, { HandshakeId: toAnika.handshakeId })).toBe('AccessDeniedException');
    expect(world.outcome('AcceptHandshake', SUSAN, { HandshakeId: toSusan.handshakeId })).toBe('AWSOrganizationsNotInUseException');
    expect(world.call('ListHandshakesForAccount', ANIKA).Handshakes.map((h: { Id: string }) => h.Id)).toEqual([toAnika.handshakeId]);
    world.call('DeclineHandshake', SUSAN, { HandshakeId: toSusan.handshakeId });
    expect(transfer(world, BILL, toSusan.transferId).Status).toBe('DECLINED');
  });

  it('an invitation sent to its own address is accepted by nobody (R-117, R-124)', () => {
    const world = billingWorld();
    const { handshakeId } = invited(world, {}, { Id: 'payer@example.com', Type: 'EMAIL' });
    expect(world.outcome('AcceptHandshake', BILL, { HandshakeId: handshakeId })).toBe('HandshakeConstraintViolationException:SOURCE_AND_TARGET_CANNOT_MATCH');
  });

  it('decline, cancel and expiry end the transfer as they end the handshake, and give the slot back (R-120, R-126)', () => {
    const declined = billingWorld();
    const a = invited(declined);
    expect(declined.outcome('CancelHandshake', SOURCE, { HandshakeId: a.handshakeId })).toBe('AccessDeniedException');
    declined.call('DeclineHandshake', SOURCE, { HandshakeId: a.handshakeId });
    expect(transfer(declined, BILL, a.transferId).Status).toBe('DECLINED');
    expect(declined.outcome('InviteOrganizationToTransferResponsibility', BILL, invitation())).toBe('ok');

    const canceled = billingWorld();
    const b = invited(canceled);
    canceled.call('CancelHandshake', BILL, { HandshakeId: b.handshakeId });
    expect(transfer(canceled, SOURCE, b.transferId).Status).toBe('CANCELED');
    expect(canceled.outcome('AcceptHandshake', SOURCE, { HandshakeId: b.handshakeId })).toBe('InvalidHandshakeTransitionException');

    const expired = billingWorld();
    const c = invited(expired);
    expired.now = acceptanceDeadline(JAN_1) * 1000 - 1000;
    expect(transfer(expired, BILL, c.transferId).Status).toBe('REQUESTED');
    expired.now += 1000;
    expect(transfer(expired, BILL, c.transferId).Status).toBe('EXPIRED');
    expect(expired.call('DescribeHandshake', BILL, { HandshakeId: c.handshakeId }).Handshake.State).toBe('EXPIRED');
    expect(expired.outcome('AcceptHandshake', SOURCE, { HandshakeId: c.handshakeId })).toBe('InvalidHandshakeTransitionException');
    expect(expired.outcome('InviteOrganizationToTransferResponsibility', BILL, invitation(undefined, { StartTimestamp: FEB_1 }))).toBe('ok');
  });

  it('an unaccepted transfer goes with its handshake 30 days after it ended; an accepted one stays (R-123)', () => {
    const world = billingWorld();
    world.state.Organizations[0]!.Quotas.InboundResponsibilityTransfers = 5;
    const declined = invited(world);
    world.call('DeclineHandshake', SOURCE, { HandshakeId: declined.handshakeId });
    const accepted = invited(world);
    world.call('AcceptHandshake', SOURCE, { HandshakeId: accepted.handshakeId });
    world.advanceDays(31);
    expect(world.outcome('DescribeResponsibilityTransfer', BILL, { Id: declined.transferId })).toBe('ResponsibilityTransferNotFoundException');
    expect(world.outcome('DescribeHandshake', BILL, { HandshakeId: accepted.handshakeId })).toBe('HandshakeNotFoundException');
    expect(transfer(world, BILL, accepted.transferId).Status).toBe('ACCEPTED');
  });

  it('quotas at acceptance: one outbound transfer, the chain length (R-124, R-133)', () => {
    const world = billingWorld();
    world.state.Organizations[0]!.Quotas.InboundResponsibilityTransfers = 5;
    // A third organization, susan's, that pays for bill's organization.
    world.call('CreateOrganization', SUSAN, { FeatureSet: 'ALL' });
    world.state.Organizations.find((o) => o.MasterAccountId === SUSAN)!.Quotas.InboundResponsibilityTransfers = 5;
    const first = invited(world);
    world.call('AcceptHandshake', SOURCE, { HandshakeId: first.handshakeId });
    const fromSusan = world.call('InviteOrganizationToTransferResponsibility', SUSAN, invitation()).Handshake.Id;
    expect(world.outcome('AcceptHandshake', SOURCE, { HandshakeId: fromSusan })).toBe('ConstraintViolationException:RESPONSIBILITY_TRANSFER_MAX_OUTBOUND_QUOTA_VIOLATION');
    // bill pays for source: susan paying for bill would make a chain of two.
    const forBill = world.call('InviteOrganizationToTransferResponsibility', SUSAN, invitation({ Id: BILL, Type: 'ACCOUNT' })).Handshake.Id;
    expect(world.outcome('AcceptHandshake', BILL, { HandshakeId: forBill })).toBe('ConstraintViolationException:RESPONSIBILITY_TRANSFER_MAX_LEVEL_VIOLATION');
    world.state.Organizations.find((o) => o.MasterAccountId === SUSAN)!.Quotas.TransferChainLength = 2;
    world.call('AcceptHandshake', BILL, { HandshakeId: forBill });
    // Two levels: susan sees, through her transfer from bill, the one bill pays for.
    const susans = world.call('ListInboundResponsibilityTransfers', SUSAN, { Type: 'BILLING' }).ResponsibilityTransfers;
    const viaBill = susans.find((t: { Source: { ManagementAccountId: string } }) => t.Source.ManagementAccountId === BILL).Id;
    expect(world.call('ListInboundResponsibilityTransfers', SUSAN, { Type: 'BILLING', Id: viaBill }).ResponsibilityTransfers.map((t: { Id: string }) => t.Id)).toEqual([first.transferId]);
    expect(world.outcome('ListInboundResponsibilityTransfers', SUSAN, { Type: 'BILLING', Id: first.transferId })).toBe('ResponsibilityTransferNotFoundException');
    // bill gives its own bill away now: taking over another's would lengthen the chain.
    expect(world.outcome('InviteOrganizationToTransferResponsibility', BILL, invitation({ Id: 'anika@example.com', Type: 'EMAIL' }))).toBe('ConstraintViolationException:RESPONSIBILITY_TRANSFER_MAX_LEVEL_VIOLATION');
  });
});

describe('the transfer itself', () => {
  function acceptedWorld() {
    const world = billingWorld();
    const ids = invited(world);
    world.call('AcceptHandshake', SOURCE, { HandshakeId: ids.handshakeId });
    return { world, ...ids };
  }

  it('is described and listed to its two management accounts only (R-130)', () => {
    const { world, transferId } = acceptedWorld();
    world.call('CreateOrganization', SUSAN, { FeatureSet: 'ALL' });
    expect(world.outcome('DescribeResponsibilityTransfer', SUSAN, { Id: transferId })).toBe('ResponsibilityTransferNotFoundException');
    expect(world.outcome('DescribeResponsibilityTransfer', ANIKA, { Id: transferId })).toBe('AccessDeniedException');
    expect(world.outcome('DescribeResponsibilityTransfer', BILL, { Id: 'transfer-1' })).toBe('InvalidInputException:INVALID_PATTERN:ID');
    expect(world.outcome('DescribeResponsibilityTransfer', BILL, { Id: 'rt-00000000' })).toBe('ResponsibilityTransferNotFoundException');
    expect(world.outcome('ListInboundResponsibilityTransfers', BILL, { Type: 'SUPPORT' })).toBe('InvalidInputException:INVALID_ENUM:TYPE');
    expect(world.outcome('ListOutboundResponsibilityTransfers', ANIKA, { Type: 'BILLING' })).toBe('AccessDeniedException');
    expect(world.outcome('ListOutboundResponsibilityTransfers', BILL, { Type: 'BILLING', MaxResults: 21 })).toBe('InvalidInputException:MAX_VALUE_EXCEEDED:MAX_RESULTS');
  });

  it('lists newest start first, a page at a time, every status (R-130)', () => {
    const world = billingWorld();
    world.state.Organizations[0]!.Quotas.InboundResponsibilityTransfers = 5;
    const first = invited(world);
    world.call('CancelHandshake', BILL, { HandshakeId: first.handshakeId });
    const second = invited(world, { StartTimestamp: DEC_1 });
    const third = invited(world, {}, { Id: SUSAN, Type: 'ACCOUNT' });
    const all = world.call('ListInboundResponsibilityTransfers', BILL, { Type: 'BILLING' }).ResponsibilityTransfers.map((t: { Id: string }) => t.Id);
    // January's two (ties by id), then December's.
    expect(all).toEqual([...[first.transferId, third.transferId].sort(), second.transferId]);
    const pages: string[] = [];
    let NextToken: string | undefined;
    do {
      const page = world.call('ListInboundResponsibilityTransfers', BILL, { Type: 'BILLING', MaxResults: 1, ...(NextToken ? { NextToken } : {}) });
      pages.push(...page.ResponsibilityTransfers.map((t: { Id: string }) => t.Id));
      NextToken = page.NextToken;
    } while (NextToken);
    expect(pages).toEqual(all);
    expect(world.outcome('ListOutboundResponsibilityTransfers', BILL, { Type: 'BILLING', NextToken: 'bogus' })).toBe('InvalidInputException:INVALID_NEXT_TOKEN');
  });

  it('is withdrawn from ACCEPTED only, by either side, to the end of a month (R-129, R-131)', () => {
    const { world, transferId } = acceptedWorld();
    const terminate = (caller: string, EndTimestamp?: number) => world.outcome('TerminateResponsibilityTransfer', caller, EndTimestamp === undefined ? { Id: transferId } : { Id: transferId, EndTimestamp });
    expect(terminate(SOURCE, utc(2027, 1, 30, 23, 59, 59))).toBe('InvalidInputException:END_DATE_NOT_END_OF_MONTH');
    expect(terminate(SOURCE, utc(2026, 11, 30, 23, 59, 59))).toBe('InvalidInputException:END_DATE_TOO_EARLY');
    // Starting in January, it cannot end in December.
    expect(terminate(SOURCE, utc(2026, 12, 31, 23, 59, 59))).toBe('InvalidInputException:END_DATE_TOO_EARLY');
    expect(terminate(SOURCE, utc(2027, 2, 28, 23, 59, 59))).toBe('InvalidInputException:END_DATE_TOO_LATE');
    expect(terminate(ANIKA)).toBe('AccessDeniedException');
    const withdrawn = world.call('TerminateResponsibilityTransfer', SOURCE, { Id: transferId, EndTimestamp: utc(2027, 1, 31, 23, 59, 59) + 0.999 }).ResponsibilityTransfer;
    expect(withdrawn).toMatchObject({ Status: 'WITHDRAWN', EndTimestamp: utc(2027, 1, 31, 23, 59, 59) + 0.999 });
    expect(terminate(BILL)).toBe('ResponsibilityTransferAlreadyInStatusException');
    const other = billingWorld();
    const pending = invited(other);
    expect(other.outcome('TerminateResponsibilityTransfer', BILL, { Id: pending.transferId })).toBe('InvalidResponsibilityTransferTransitionException');
    // The outbound slot is free again: source may accept another payer (R-131, a proposal).
    world.call('CreateOrganization', SUSAN, { FeatureSet: 'ALL' });
    world.state.Organizations.find((o) => o.MasterAccountId === SUSAN)!.Quotas.InboundResponsibilityTransfers = 1;
    const again = world.call('InviteOrganizationToTransferResponsibility', SUSAN, invitation()).Handshake.Id;
    expect(world.outcome('AcceptHandshake', SOURCE, { HandshakeId: again })).toBe('ok');
  });

  it('ends, by default, at the end of this month or of the month it starts in (R-131)', () => {
    const now = utc(2027, 1, 10);
    expect(checkEnd(undefined, JAN_1, now)).toBe(endOfMonth(now));
    expect(checkEnd(undefined, FEB_1, now)).toBe(utc(2027, 2, 28, 23, 59, 59));
    expect(checkEnd(utc(2027, 2, 28, 23, 59, 59), JAN_1, now)).toBe(utc(2027, 2, 28, 23, 59, 59));
    expect(() => checkEnd(utc(2027, 3, 31, 23, 59, 59), JAN_1, now)).toThrow(/too late/);
  });

  it('is renamed by the paying side only (R-132)', () => {
    const { world, transferId } = acceptedWorld();
    expect(world.call('UpdateResponsibilityTransfer', BILL, { Id: transferId, Name: 'Source, Inc.' }).ResponsibilityTransfer.Name).toBe('Source, Inc.');
    expect(world.outcome('UpdateResponsibilityTransfer', SOURCE, { Id: transferId, Name: 'Mine' })).toBe('InvalidInputException:UNSUPPORTED_ACTION_IN_RESPONSIBILITY_TRANSFER');
    expect(world.outcome('UpdateResponsibilityTransfer', BILL, { Id: transferId, Name: '\u00e9' })).toBe('InvalidInputException:INVALID_PATTERN:NAME');
    expect(transfer(world, SOURCE, transferId).Name).toBe('Source, Inc.');
  });

  it('keeps either organization from being deleted while it is live (R-134)', () => {
    const { world, transferId } = acceptedWorld();
    world.call('RemoveAccountFromOrganization', BILL, { AccountId: JUAN });
    world.call('RemoveAccountFromOrganization', SOURCE, { AccountId: ANIKA });
    expect(world.outcome('DeleteOrganization', BILL)).toBe('ConstraintViolationException:ACTIVE_RESPONSIBILITY_TRANSFER_PROCESS');
    expect(world.outcome('DeleteOrganization', SOURCE)).toBe('ConstraintViolationException:ACTIVE_RESPONSIBILITY_TRANSFER_PROCESS');
    world.call('TerminateResponsibilityTransfer', BILL, { Id: transferId });
    expect(world.outcome('DeleteOrganization', SOURCE)).toBe('ok');
  });

  it('a delegated administrator reads the handshakes but touches no transfer (R-139 to R-141)', () => {
    const { world, transferId, handshakeId } = acceptedWorld();
    world.call('EnableAWSServiceAccess', BILL, { ServicePrincipal: 'sso.amazonaws.com' });
    world.call('RegisterDelegatedAdministrator', BILL, { AccountId: JUAN, ServicePrincipal: 'sso.amazonaws.com' });
    expect(world.call('DescribeHandshake', JUAN, { HandshakeId: handshakeId }).Handshake.Action).toBe('TRANSFER_RESPONSIBILITY');
    expect(world.outcome('DescribeResponsibilityTransfer', JUAN, { Id: transferId })).toBe('AccessDeniedException');
    expect(world.outcome('InviteOrganizationToTransferResponsibility', JUAN, invitation())).toBe('AccessDeniedException');
    expect(world.outcome('TerminateResponsibilityTransfer', JUAN, { Id: transferId })).toBe('AccessDeniedException');
  });

  it('every step is an API-call event in the caller\u2019s management account (R-135)', () => {
    const { world, transferId } = acceptedWorld();
    world.call('UpdateResponsibilityTransfer', BILL, { Id: transferId, Name: 'renamed' });
    world.call('TerminateResponsibilityTransfer', SOURCE, { Id: transferId });
    const events = world.state.Events.filter((e) => e.eventType === 'AwsApiCall').map((e) => [e.eventName, e.recipientAccountId]);
    expect(events).toEqual([
      ['InviteOrganizationToTransferResponsibility', BILL],
      ['AcceptHandshake', BILL],
      ['UpdateResponsibilityTransfer', BILL],
      ['TerminateResponsibilityTransfer', SOURCE],
    ]);
  });
});

describe("a transfer's tags", () => {
  it('are the invitation\u2019s once accepted, and the paying side\u2019s to read and change (R-113, R-119, proposals)', () => {
    const world = billingWorld();
    const { handshakeId, transferId } = invited(world, { Tags: [{ Key: 'team', Value: 'finance' }] });
    expect(world.outcome('ListTagsForResource', BILL, { ResourceId: transferId })).toBe('TargetNotFoundException');
    world.call('AcceptHandshake', SOURCE, { HandshakeId: handshakeId });
    expect(world.call('ListTagsForResource', BILL, { ResourceId: transferId }).Tags).toEqual([{ Key: 'team', Value: 'finance' }]);
    world.call('TagResource', BILL, { ResourceId: transferId, Tags: [{ Key: 'cost', Value: '42' }] });
    world.call('UntagResource', BILL, { ResourceId: transferId, TagKeys: ['team'] });
    expect(world.call('ListTagsForResource', BILL, { ResourceId: transferId }).Tags).toEqual([{ Key: 'cost', Value: '42' }]);
    expect(world.outcome('ListTagsForResource', SOURCE, { ResourceId: transferId })).toBe('TargetNotFoundException');
    expect(world.outcome('TagResource', SOURCE, { ResourceId: transferId, Tags: [{ Key: 'a', Value: 'b' }] })).toBe('TargetNotFoundException');
  });
});
