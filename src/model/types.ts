// The API's shapes as TypeScript types. The state file stores these same shapes,
// with timestamps in wire form (epoch seconds), so there is one representation.
import type { Responder, WorldFaults } from './rehearsal.js';
import type * as Wire from './generated/organizations-types.js';
import type {
  AccountJoinedMethod,
  AccountState,
  AccountStatus,
  ActionType,
  CreateAccountFailureReason,
  CreateAccountState,
  PolicyType,
  HandshakePartyType,
  HandshakeResourceType,
  HandshakeState,
  OrganizationFeatureSet,
  ResponsibilityTransferStatus,
  ResponsibilityTransferType,
} from './enums.js';

/** Seconds since the epoch, with a millisecond fraction, as on the wire. */
export type EpochSeconds = number;

export interface HandshakeParty {
  Id: string;
  Type: HandshakePartyType;
}

export interface HandshakeResource {
  Value: string;
  Type: HandshakeResourceType;
  Resources?: HandshakeResource[];
}

export interface Handshake {
  Id: string;
  Arn: string;
  Parties: HandshakeParty[];
  State: HandshakeState;
  RequestedTimestamp: EpochSeconds;
  ExpirationTimestamp: EpochSeconds;
  Action: ActionType;
  Resources: HandshakeResource[];
}

export interface Tag {
  Key: string;
  Value: string;
}

/** A handshake plus what the service knows about it but never shows. */
export interface HandshakeRecord {
  Handshake: Handshake;
  OrganizationId: string;
  /** Tags staged by the invitation, attached when the account joins. */
  Tags: Tag[];
  /** When the handshake left a pending state; retention counts from here. */
  EndedTimestamp?: EpochSeconds;
}

export interface Quotas {
  /** Maximum accounts in the organization; pending invitations count. */
  Accounts: number;
  /** Invitations not accepted that may be sent in any 24 hours. */
  InvitationsPerDay: number;
  /** Billing transfers the organization may take over; AWS's default is 0 (absent: the default). */
  InboundResponsibilityTransfers?: number;
  /** How long a chain of billing transfers may be: 1, or 2 for two-level transfers (absent: 1). */
  TransferChainLength?: number;
}

/** An organizational unit; its ARN and path are worked out from the organization and its parents. */
export interface OrganizationalUnitRecord {
  Id: string;
  Name: string;
  /** The root's or another OU's id. */
  ParentId: string;
  Tags: Tag[];
  /** The world's id sequence when it was made: lists show OUs in the order they were created. */
  Sequence: number;
}

export interface OrganizationRecord {
  Id: string;
  Arn: string;
  FeatureSet: OrganizationFeatureSet;
  MasterAccountId: string;
  RootId: string;
  CreatedTimestamp: EpochSeconds;
  Quotas: Quotas;
  /** The OUs, in the order they were created (absent: none yet). */
  OrganizationalUnits?: OrganizationalUnitRecord[];
  /** The root's tags (absent: none). */
  RootTags?: Tag[];
  /** The policy types enabled in the root, in the order they were enabled (absent: none). */
  PolicyTypes?: PolicyType[];
  /** The organization's own policies (AWS-managed ones are not stored; absent: none). */
  Policies?: PolicyRecord[];
  /** Which policy is attached directly to which root, OU or account (absent: none). */
  Attachments?: PolicyAttachment[];
  /** The AWS services with trusted access, in the order they got it (organization.md R-236; absent: none). */
  ServiceAccess?: { ServicePrincipal: string; DateEnabled: EpochSeconds }[];
  /** Which member is a delegated administrator for which service, since when (R-149; absent: none). */
  DelegatedAdministrators?: { AccountId: string; ServicePrincipal: string; DelegationEnabledDate: EpochSeconds }[];
  /** Accounts closed in the last 90 days, and when (organization.md; absent: none). */
  Closures?: { AccountId: string; RequestedTimestamp: EpochSeconds; CompletesTimestamp: EpochSeconds }[];
  /** CreateAccount's requests, kept with no way to delete them (organization.md R-199; absent: none). */
  CreateAccountRequests?: CreateAccountRequestRecord[];
}

/** A customer policy; its content is kept exactly as it was sent (organization.md R-218). */
export interface PolicyRecord {
  Id: string;
  Name: string;
  Description: string;
  Type: PolicyType;
  Content: string;
  Tags: Tag[];
  /** The world's id sequence when it was made: lists show policies in the order they were created. */
  Sequence: number;
}

export interface PolicyAttachment {
  PolicyId: string;
  TargetId: string;
}

/**
 * A CreateAccount request. What it comes to is decided when it is made (the account id, or why
 * it fails), so that every look at it before it is stored sees the same account.
 */
export interface CreateAccountRequestRecord {
  Id: string;
  AccountName: string;
  Email: string;
  RoleName: string;
  Tags: Tag[];
  State: CreateAccountState;
  RequestedTimestamp: EpochSeconds;
  /** When it turns SUCCEEDED or FAILED (organization.md R-195). */
  CompletesTimestamp: EpochSeconds;
  AccountId?: string;
  FailureReason?: CreateAccountFailureReason;
  /** The world's id sequence when it was made: lists show the newest first. */
  Sequence: number;
}

export interface AccountRecord {
  Id: string;
  Name: string;
  Email: string;
  State: AccountState;
  CreatedTimestamp: EpochSeconds;
  /** Membership; absent for a standalone account. */
  OrganizationId?: string;
  JoinedMethod?: AccountJoinedMethod;
  JoinedTimestamp?: EpochSeconds;
  /** The OU a member is directly under; absent: the root. */
  ParentId?: string;
  Tags: Tag[];
}

export interface Profile {
  Name: string;
  AccountId: string;
  /** The access key id that selects this profile over the AWS wire (orgsim serve). */
  AccessKeyId: string;
  /** The profile acts as this role of its account (a session named after the profile), not as an IAM user. */
  RoleName?: string;
}

/**
 * A responsibility transfer (transfer-and-delegation.md §16): the Target organization, whose
 * management account sent the invitation, takes over the Source's bill. Who the Source is stays
 * the invitation's party until its management account accepts.
 */
export interface ResponsibilityTransferRecord {
  Id: string;
  Type: ResponsibilityTransferType;
  Name: string;
  Status: ResponsibilityTransferStatus;
  StartTimestamp: EpochSeconds;
  EndTimestamp?: EpochSeconds;
  /** The TRANSFER_RESPONSIBILITY handshake that carries the invitation. */
  HandshakeId: string;
  TargetOrganizationId: string;
  TargetAccountId: string;
  /** Whom the invitation was sent to, as it named them. */
  Invited: HandshakeParty;
  /** The accepting management account and its organization. */
  SourceAccountId?: string;
  SourceOrganizationId?: string;
  /** Staged with the invitation, the transfer's own once it is accepted. */
  Tags: Tag[];
  RequestedTimestamp: EpochSeconds;
}

/** organization.md: AWS takes seconds to minutes; a rehearsal of a poll loop sets how long. */
export interface WorldDelays {
  CreateAccountSeconds?: number;
  CloseAccountSeconds?: number;
}

/** An IAM role of an account, as much of one as AssumeRole needs (organization.md R-248). */
export interface RoleRecord {
  AccountId: string;
  RoleName: string;
  /** `AROA` + 17 characters, stable for the role's life. */
  RoleId: string;
  /** Who may assume it: `arn:aws:iam::<account>:root` admits every principal of that account, any other ARN that principal. */
  Trust: string[];
  MaxSessionDuration: number;
  CreatedTimestamp: EpochSeconds;
}

/** Credentials AssumeRole issued; a request signed with them acts as the role. */
export interface RoleSession {
  AccessKeyId: string;
  SecretAccessKey: string;
  SessionToken: string;
  AccountId: string;
  RoleName: string;
  RoleId: string;
  SessionName: string;
  Expiration: EpochSeconds;
}

export interface OrgState {
  SchemaVersion: number;
  Organizations: OrganizationRecord[];
  Accounts: AccountRecord[];
  Handshakes: HandshakeRecord[];
  Profiles: Profile[];
  /** How long the service takes, in world time, to create or close an account (absent: no time at all). */
  Delays?: WorldDelays;
  /** The accounts' roles (absent: none). */
  Roles?: RoleRecord[];
  /** Sessions AssumeRole issued and that have not expired yet (absent: none). */
  Sessions?: RoleSession[];
  /** Billing transfers between organizations, invited or agreed (absent: none). */
  ResponsibilityTransfers?: ResponsibilityTransferRecord[];
  /** CloudTrail-style log of what changed the world, oldest first, bounded. */
  Events: WorldEvent[];
  /** The faults switched on (orgsim faults; absent: none). */
  Faults?: WorldFaults;
  /** Accounts that answer by themselves (orgsim responders; absent: none). */
  Responders?: Responder[];
  /** World time every call moves on by, in seconds (orgsim clock step; absent: none). */
  ClockStepSeconds?: number;
  /** How far the world's clock runs ahead of real time (orgsim clock). */
  ClockOffsetMs: number;
  /** Counts generated ids, so that a seeded world (ORGSIM_SEED) generates the same ones again. */
  IdSequence: number;
}

/** One CloudTrail-style record: an API call that changed something, or a service event. */
export interface WorldEvent {
  eventVersion: string;
  eventID: string;
  eventTime: string;
  /** `orgsim` for what orgsim notes beyond CloudTrail: handshakes that time or another call ended (events.ts). */
  eventSource: 'organizations.amazonaws.com' | 'orgsim';
  eventName: string;
  eventType: 'AwsApiCall' | 'AwsServiceEvent';
  awsRegion: 'us-east-1';
  userIdentity?: { type: string; accountId: string; principalId: string };
  recipientAccountId: string;
  requestParameters?: Record<string, unknown> | null;
  responseElements?: Record<string, unknown> | null;
  errorCode?: string;
  errorMessage?: string;
  serviceEventDetails?: Record<string, unknown>;
  /** The fault orgsim injected into this call (orgsim faults). */
  orgsimFault?: string;
}

export interface Organization {
  Id: string;
  Arn: string;
  FeatureSet: OrganizationFeatureSet;
  MasterAccountArn: string;
  MasterAccountId: string;
  MasterAccountEmail: string;
  AvailablePolicyTypes: Wire.PolicyTypeSummary[];
}

export interface Account {
  Id: string;
  Arn: string;
  Email: string;
  Name: string;
  /** The retired field, still sent by the service (derived from State). */
  Status: AccountStatus;
  State: AccountState;
  Paths: string[];
  JoinedMethod?: AccountJoinedMethod;
  JoinedTimestamp?: EpochSeconds;
}

export interface OrganizationalUnit {
  Id: string;
  Arn: string;
  Name: string;
  Path: string;
}

/** What the operations that answer with one handshake return (AcceptHandshake, InviteAccountToOrganization, ...). */
export interface HandshakeOutput {
  Handshake: Handshake;
}

// The state keeps the API's own shapes: each wire type above must be one the service's
// definition allows (generated/organizations-types.ts). A member of the wrong type, or one the
// model does not have, fails the type check.
type Conforms<Ours extends Model, Model> = [Ours, Model];
export type ConformsToTheModel = [
  Conforms<HandshakeParty, Wire.HandshakeParty>,
  Conforms<HandshakeResource, Wire.HandshakeResource>,
  Conforms<Handshake, Wire.Handshake>,
  Conforms<Tag, Wire.Tag>,
  Conforms<Organization, Wire.Organization>,
  Conforms<Account, Wire.Account>,
  Conforms<OrganizationalUnit, Wire.OrganizationalUnit>,
  Conforms<HandshakeOutput, Wire.AcceptHandshakeResponse>,
];
