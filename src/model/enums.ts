// Enumerations of the Organizations API, as data (values in the service model's order).

export const ActionType = {
  INVITE: 'INVITE',
  ENABLE_ALL_FEATURES: 'ENABLE_ALL_FEATURES',
  APPROVE_ALL_FEATURES: 'APPROVE_ALL_FEATURES',
  ADD_ORGANIZATIONS_SERVICE_LINKED_ROLE: 'ADD_ORGANIZATIONS_SERVICE_LINKED_ROLE',
  TRANSFER_RESPONSIBILITY: 'TRANSFER_RESPONSIBILITY',
} as const;
export type ActionType = (typeof ActionType)[keyof typeof ActionType];

export const HandshakeState = {
  REQUESTED: 'REQUESTED',
  OPEN: 'OPEN',
  CANCELED: 'CANCELED',
  ACCEPTED: 'ACCEPTED',
  DECLINED: 'DECLINED',
  EXPIRED: 'EXPIRED',
} as const;
export type HandshakeState = (typeof HandshakeState)[keyof typeof HandshakeState];

export const HandshakePartyType = {
  ACCOUNT: 'ACCOUNT',
  ORGANIZATION: 'ORGANIZATION',
  EMAIL: 'EMAIL',
} as const;
export type HandshakePartyType = (typeof HandshakePartyType)[keyof typeof HandshakePartyType];

export const HandshakeResourceType = {
  ACCOUNT: 'ACCOUNT',
  ORGANIZATION: 'ORGANIZATION',
  ORGANIZATION_FEATURE_SET: 'ORGANIZATION_FEATURE_SET',
  EMAIL: 'EMAIL',
  MASTER_EMAIL: 'MASTER_EMAIL',
  MASTER_NAME: 'MASTER_NAME',
  NOTES: 'NOTES',
  PARENT_HANDSHAKE: 'PARENT_HANDSHAKE',
  RESPONSIBILITY_TRANSFER: 'RESPONSIBILITY_TRANSFER',
  TRANSFER_START_TIMESTAMP: 'TRANSFER_START_TIMESTAMP',
  TRANSFER_TYPE: 'TRANSFER_TYPE',
  MANAGEMENT_ACCOUNT: 'MANAGEMENT_ACCOUNT',
  MANAGEMENT_EMAIL: 'MANAGEMENT_EMAIL',
  MANAGEMENT_NAME: 'MANAGEMENT_NAME',
} as const;
export type HandshakeResourceType = (typeof HandshakeResourceType)[keyof typeof HandshakeResourceType];

export const OrganizationFeatureSet = {
  ALL: 'ALL',
  CONSOLIDATED_BILLING: 'CONSOLIDATED_BILLING',
} as const;
export type OrganizationFeatureSet = (typeof OrganizationFeatureSet)[keyof typeof OrganizationFeatureSet];

export const AccountState = {
  PENDING_ACTIVATION: 'PENDING_ACTIVATION',
  ACTIVE: 'ACTIVE',
  SUSPENDED: 'SUSPENDED',
  PENDING_CLOSURE: 'PENDING_CLOSURE',
  CLOSED: 'CLOSED',
} as const;
export type AccountState = (typeof AccountState)[keyof typeof AccountState];

export const AccountJoinedMethod = {
  INVITED: 'INVITED',
  CREATED: 'CREATED',
} as const;
export type AccountJoinedMethod = (typeof AccountJoinedMethod)[keyof typeof AccountJoinedMethod];

export const PENDING_STATES: readonly HandshakeState[] = [HandshakeState.REQUESTED, HandshakeState.OPEN];

export function isPending(state: HandshakeState): boolean {
  return PENDING_STATES.includes(state);
}
