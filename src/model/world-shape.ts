// The shape of the world in the state file, once, as data. The store's quick check on every read
// (store/schema.ts) and the full check of a world from outside (store/world-schema.ts, zod) are
// both built from it; model/types.ts checks at compile time that OrgState agrees with it.
import { AccountJoinedMethod, AccountState, ActionType, CreateAccountFailureReason, CreateAccountState, PolicyType, HandshakePartyType, HandshakeResourceType, HandshakeState, OrganizationFeatureSet, ResponsibilityTransferStatus, ResponsibilityTransferType } from './enums.js';
import { FAULT_KINDS, RESPONDER_ANSWERS } from './rehearsal.js';
import { ACCOUNT_ID_PATTERN, CREATE_ACCOUNT_REQUEST_ID_PATTERN, HANDSHAKE_ID_PATTERN, OU_ID_PATTERN, PARENT_ID_PATTERN, POLICY_ID_PATTERN, RESPONSIBILITY_TRANSFER_ID_PATTERN, ROLE_NAME_PATTERN } from './ids.js';
import { MAX_DELAY_SECONDS, MAX_LATENCY_MS, MAX_QUOTA, MAX_REHEARSAL_SECONDS, MAX_SESSION_SECONDS, MAX_WORLD_TIME_MS, MIN_SESSION_SECONDS, TRANSFER_QUOTAS } from './limits.js';

export type Field =
  | { kind: 'string'; optional?: boolean; enum?: readonly string[]; pattern?: RegExp; min?: number }
  | { kind: 'number'; optional?: boolean; min?: number; max?: number }
  | { kind: 'integer'; optional?: boolean; min?: number; max?: number }
  | { kind: 'object'; optional?: boolean; fields: Record<string, Field>; open?: boolean }
  | { kind: 'array'; optional?: boolean; of: () => Field; min?: number };

const string = (more: Omit<Extract<Field, { kind: 'string' }>, 'kind'> = {}): Field => ({ kind: 'string', ...more });
// A time of the world, in epoch seconds, that an ISO-8601 time can name.
const epoch = (optional = false): Field => ({ kind: 'number', optional, min: 0, max: MAX_WORLD_TIME_MS / 1000 });
const object = (fields: Record<string, Field>, open = false): Field => ({ kind: 'object', fields, open });
const list = (of: () => Field): Field => ({ kind: 'array', of });
const oneOf = (e: Record<string, string>, optional = false): Field => ({ kind: 'string', enum: Object.values(e), optional });

const ORGANIZATION_ID = /^o-[a-z0-9]{10,32}$/;
const accountId = (optional = false) => string({ pattern: ACCOUNT_ID_PATTERN, optional });
const organizationId = (optional = false) => string({ pattern: ORGANIZATION_ID, optional });
const TAG = object({ Key: string(), Value: string() });
const RESOURCE: Field = object({ Value: string(), Type: oneOf(HandshakeResourceType), Resources: { kind: 'array', of: () => RESOURCE, optional: true } });

export const WORLD_SHAPE: Record<string, Field> = {
  SchemaVersion: { kind: 'integer' },
  Organizations: list(() =>
    object({
      Id: organizationId(),
      Arn: string(),
      FeatureSet: oneOf(OrganizationFeatureSet),
      MasterAccountId: accountId(),
      RootId: string({ pattern: /^r-[0-9a-z]{4,32}$/ }),
      CreatedTimestamp: epoch(),
      Quotas: object({
        Accounts: { kind: 'integer', min: 1, max: MAX_QUOTA },
        InvitationsPerDay: { kind: 'integer', min: 1, max: MAX_QUOTA },
        InboundResponsibilityTransfers: { kind: 'integer', optional: true, min: 0, max: TRANSFER_QUOTAS.InboundResponsibilityTransfers.max },
        TransferChainLength: { kind: 'integer', optional: true, min: 1, max: TRANSFER_QUOTAS.TransferChainLength.max },
      }),
      OrganizationalUnits: {
        kind: 'array',
        optional: true,
        of: () => object({ Id: string({ pattern: OU_ID_PATTERN }), Name: string({ min: 1 }), ParentId: string({ pattern: PARENT_ID_PATTERN }), Tags: list(() => TAG), Sequence: { kind: 'integer', min: 0 } }),
      },
      RootTags: { kind: 'array', optional: true, of: () => TAG },
      PolicyTypes: { kind: 'array', optional: true, of: () => oneOf(PolicyType) },
      Policies: {
        kind: 'array',
        optional: true,
        of: () =>
          object({
            Id: string({ pattern: POLICY_ID_PATTERN }),
            Name: string({ min: 1 }),
            Description: string(),
            Type: oneOf(PolicyType),
            Content: string({ min: 1 }),
            Tags: list(() => TAG),
            Sequence: { kind: 'integer', min: 0 },
          }),
      },
      Attachments: { kind: 'array', optional: true, of: () => object({ PolicyId: string({ pattern: POLICY_ID_PATTERN }), TargetId: string({ min: 1 }) }) },
      ServiceAccess: { kind: 'array', optional: true, of: () => object({ ServicePrincipal: string({ min: 1 }), DateEnabled: epoch() }) },
      DelegatedAdministrators: { kind: 'array', optional: true, of: () => object({ AccountId: accountId(), ServicePrincipal: string({ min: 1 }), DelegationEnabledDate: epoch() }) },
      Closures: { kind: 'array', optional: true, of: () => object({ AccountId: accountId(), RequestedTimestamp: epoch(), CompletesTimestamp: epoch() }) },
      CreateAccountRequests: {
        kind: 'array',
        optional: true,
        of: () =>
          object({
            Id: string({ pattern: CREATE_ACCOUNT_REQUEST_ID_PATTERN }),
            AccountName: string({ min: 1 }),
            Email: string({ min: 6 }),
            RoleName: string({ pattern: ROLE_NAME_PATTERN }),
            Tags: list(() => TAG),
            State: oneOf(CreateAccountState),
            RequestedTimestamp: epoch(),
            CompletesTimestamp: epoch(),
            AccountId: accountId(true),
            FailureReason: oneOf(CreateAccountFailureReason, true),
            Sequence: { kind: 'integer', min: 0 },
          }),
      },
    }),
  ),
  Accounts: list(() =>
    object({
      Id: accountId(),
      Name: string({ min: 1 }),
      Email: string({ min: 6 }),
      State: oneOf(AccountState),
      CreatedTimestamp: epoch(),
      OrganizationId: organizationId(true),
      JoinedMethod: oneOf(AccountJoinedMethod, true),
      JoinedTimestamp: epoch(true),
      ParentId: string({ pattern: OU_ID_PATTERN, optional: true }),
      Tags: list(() => TAG),
    }),
  ),
  Handshakes: list(() =>
    object({
      Handshake: object({
        Id: string({ pattern: HANDSHAKE_ID_PATTERN }),
        Arn: string(),
        Parties: list(() => object({ Id: string({ min: 1 }), Type: oneOf(HandshakePartyType) })),
        State: oneOf(HandshakeState),
        RequestedTimestamp: epoch(),
        ExpirationTimestamp: epoch(),
        Action: oneOf(ActionType),
        Resources: list(() => RESOURCE),
      }),
      OrganizationId: organizationId(),
      Tags: list(() => TAG),
      EndedTimestamp: epoch(true),
    }),
  ),
  Profiles: list(() => object({ Name: string({ min: 1 }), AccountId: accountId(), AccessKeyId: string({ min: 16 }), RoleName: string({ min: 1, optional: true }) })),
  Delays: { kind: 'object', optional: true, fields: { CreateAccountSeconds: { kind: 'integer', optional: true, min: 0, max: MAX_DELAY_SECONDS }, CloseAccountSeconds: { kind: 'integer', optional: true, min: 0, max: MAX_DELAY_SECONDS } } },
  Roles: {
    kind: 'array',
    optional: true,
    of: () =>
      object({
        AccountId: accountId(),
        RoleName: string({ pattern: ROLE_NAME_PATTERN }),
        RoleId: string({ min: 1 }),
        Trust: list(() => string({ min: 1 })),
        MaxSessionDuration: { kind: 'integer', min: MIN_SESSION_SECONDS, max: MAX_SESSION_SECONDS },
        CreatedTimestamp: epoch(),
      }),
  },
  Sessions: {
    kind: 'array',
    optional: true,
    of: () =>
      object({
        AccessKeyId: string({ min: 16 }),
        SecretAccessKey: string({ min: 1 }),
        SessionToken: string({ min: 1 }),
        AccountId: accountId(),
        RoleName: string({ pattern: ROLE_NAME_PATTERN }),
        RoleId: string({ min: 1 }),
        SessionName: string({ min: 2 }),
        Expiration: epoch(),
      }),
  },
  ResponsibilityTransfers: {
    kind: 'array',
    optional: true,
    of: () =>
      object({
        Id: string({ pattern: RESPONSIBILITY_TRANSFER_ID_PATTERN }),
        Type: oneOf(ResponsibilityTransferType),
        Name: string({ min: 1 }),
        Status: oneOf(ResponsibilityTransferStatus),
        StartTimestamp: epoch(),
        EndTimestamp: epoch(true),
        HandshakeId: string({ pattern: HANDSHAKE_ID_PATTERN }),
        TargetOrganizationId: organizationId(),
        TargetAccountId: accountId(),
        Invited: object({ Id: string({ min: 1 }), Type: oneOf(HandshakePartyType) }),
        SourceAccountId: accountId(true),
        SourceOrganizationId: organizationId(true),
        Tags: list(() => TAG),
        RequestedTimestamp: epoch(),
      }),
  },
  // Events keep what CloudTrail records; only these members are relied on.
  Events: list(() => object({ eventName: string(), eventTime: string() }, true)),
  Faults: {
    kind: 'object',
    optional: true,
    fields: {
      Seed: string(),
      Rules: list(() =>
        object({
          Kind: { kind: 'string', enum: FAULT_KINDS },
          Operations: { kind: 'array', optional: true, of: () => string({ min: 1 }) },
          Rate: { kind: 'number', optional: true, min: 0, max: 1 },
          Every: { kind: 'integer', optional: true, min: 1, max: MAX_QUOTA },
          Type: string({ optional: true }),
          LatencyMs: { kind: 'integer', optional: true, min: 0, max: MAX_LATENCY_MS },
        }),
      ),
      Calls: { kind: 'integer', min: 0 },
      Matched: { kind: 'object', fields: {}, open: true },
      LastPageFault: { kind: 'integer', optional: true, min: 0 },
    },
  },
  Responders: {
    kind: 'array',
    optional: true,
    of: () =>
      object({
        AccountId: accountId(),
        Answer: { kind: 'string', enum: RESPONDER_ANSWERS },
        AfterSeconds: { kind: 'integer', min: 0, max: MAX_REHEARSAL_SECONDS },
        Answered: list(() => string({ pattern: HANDSHAKE_ID_PATTERN })),
      }),
  },
  ClockStepSeconds: { kind: 'integer', optional: true, min: 0, max: MAX_REHEARSAL_SECONDS },
  ClockOffsetMs: { kind: 'number', min: -MAX_WORLD_TIME_MS, max: MAX_WORLD_TIME_MS },
  IdSequence: { kind: 'integer', min: 0 },
};
