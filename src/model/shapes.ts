// The input and output shapes of the operations orgsim implements, as data.
// Member order is the service model's order: the CLI prints and validates in it.
// Documentation strings are orgsim's own words (used by skeleton comments and help).
import { AccountJoinedMethod, AccountState, ActionType, HandshakePartyType, HandshakeResourceType, HandshakeState, OrganizationFeatureSet } from './enums.js';

export interface MemberRef {
  shape: string;
  doc: string;
}

export type Shape =
  | { type: 'string'; enum?: readonly string[]; min?: number; max?: number }
  | { type: 'integer'; min?: number; max?: number }
  | { type: 'timestamp' }
  | { type: 'structure'; members: Record<string, MemberRef>; required?: readonly string[] }
  | { type: 'list'; member: string };

const values = <T extends Record<string, string>>(e: T): string[] => Object.values(e);

export const SHAPES: Record<string, Shape> = {
  // Scalars
  HandshakeId: { type: 'string', max: 34 },
  NextToken: { type: 'string', max: 100000 },
  MaxResults: { type: 'integer', min: 1, max: 20 },
  ActionType: { type: 'string', enum: values(ActionType) },
  HandshakeState: { type: 'string', enum: values(HandshakeState) },
  HandshakePartyId: { type: 'string', min: 1, max: 64 },
  HandshakePartyType: { type: 'string', enum: values(HandshakePartyType) },
  HandshakeResourceType: { type: 'string', enum: values(HandshakeResourceType) },
  HandshakeResourceValue: { type: 'string' },
  HandshakeArn: { type: 'string' },
  HandshakeNotes: { type: 'string', max: 1024 },
  TagKey: { type: 'string', min: 1, max: 128 },
  TagValue: { type: 'string', min: 0, max: 256 },
  Timestamp: { type: 'timestamp' },
  AccountId: { type: 'string', max: 12 },
  AccountArn: { type: 'string' },
  AccountName: { type: 'string', min: 1, max: 128 },
  Email: { type: 'string', min: 6, max: 64 },
  AccountStatus: { type: 'string', enum: ['ACTIVE', 'SUSPENDED', 'PENDING_CLOSURE'] },
  AccountState: { type: 'string', enum: values(AccountState) },
  AccountJoinedMethod: { type: 'string', enum: values(AccountJoinedMethod) },
  Path: { type: 'string' },
  OrganizationId: { type: 'string' },
  OrganizationArn: { type: 'string' },
  OrganizationFeatureSet: { type: 'string', enum: values(OrganizationFeatureSet) },
  PolicyType: { type: 'string' },
  PolicyTypeStatus: { type: 'string', enum: ['ENABLED', 'PENDING_ENABLE', 'PENDING_DISABLE'] },

  // Structures and lists
  HandshakeFilter: {
    type: 'structure',
    members: {
      ActionType: { shape: 'ActionType', doc: 'Only handshakes of this type. Valid values are: ' + values(ActionType).join(', ') + '.' },
      ParentHandshakeId: { shape: 'HandshakeId', doc: 'Only the children of this all-features handshake.' },
    },
  },
  HandshakeParty: {
    type: 'structure',
    members: {
      Id: { shape: 'HandshakePartyId', doc: 'The account ID or e-mail address of the party.' },
      Type: { shape: 'HandshakePartyType', doc: 'What kind of identifier Id is. Valid values are: ' + values(HandshakePartyType).join(', ') + '.' },
    },
    required: ['Id', 'Type'],
  },
  HandshakeParties: { type: 'list', member: 'HandshakeParty' },
  HandshakeResource: {
    type: 'structure',
    members: {
      Value: { shape: 'HandshakeResourceValue', doc: 'The value of the resource.' },
      Type: { shape: 'HandshakeResourceType', doc: 'What the value describes.' },
      Resources: { shape: 'HandshakeResources', doc: 'Resources nested under this one.' },
    },
  },
  HandshakeResources: { type: 'list', member: 'HandshakeResource' },
  Handshake: {
    type: 'structure',
    members: {
      Id: { shape: 'HandshakeId', doc: 'The handshake ID (h- followed by 8 to 32 lowercase letters or digits).' },
      Arn: { shape: 'HandshakeArn', doc: 'The ARN of the handshake.' },
      Parties: { shape: 'HandshakeParties', doc: 'The two sides of the handshake.' },
      State: { shape: 'HandshakeState', doc: 'Where the handshake is in its lifecycle.' },
      RequestedTimestamp: { shape: 'Timestamp', doc: 'When the handshake was sent.' },
      ExpirationTimestamp: { shape: 'Timestamp', doc: 'When an unanswered handshake expires.' },
      Action: { shape: 'ActionType', doc: 'What the handshake asks for.' },
      Resources: { shape: 'HandshakeResources', doc: 'What the handshake is about.' },
    },
  },
  Handshakes: { type: 'list', member: 'Handshake' },
  Tag: {
    type: 'structure',
    members: {
      Key: { shape: 'TagKey', doc: 'The name of the tag.' },
      Value: { shape: 'TagValue', doc: 'The value of the tag; may be empty.' },
    },
    required: ['Key', 'Value'],
  },
  Tags: { type: 'list', member: 'Tag' },
  PolicyTypeSummary: {
    type: 'structure',
    members: {
      Type: { shape: 'PolicyType', doc: 'The policy type.' },
      Status: { shape: 'PolicyTypeStatus', doc: 'Whether the policy type is enabled.' },
    },
  },
  PolicyTypes: { type: 'list', member: 'PolicyTypeSummary' },
  Organization: {
    type: 'structure',
    members: {
      Id: { shape: 'OrganizationId', doc: 'The organization ID (o- followed by 10 to 32 characters).' },
      Arn: { shape: 'OrganizationArn', doc: 'The ARN of the organization.' },
      FeatureSet: { shape: 'OrganizationFeatureSet', doc: 'ALL or CONSOLIDATED_BILLING.' },
      MasterAccountArn: { shape: 'AccountArn', doc: 'The ARN of the management account.' },
      MasterAccountId: { shape: 'AccountId', doc: 'The ID of the management account.' },
      MasterAccountEmail: { shape: 'Email', doc: 'The e-mail address of the management account.' },
      AvailablePolicyTypes: { shape: 'PolicyTypes', doc: 'Deprecated; kept for old scripts.' },
    },
  },
  Paths: { type: 'list', member: 'Path' },
  Account: {
    type: 'structure',
    members: {
      Id: { shape: 'AccountId', doc: 'The 12-digit account ID.' },
      Arn: { shape: 'AccountArn', doc: 'The ARN of the account.' },
      Email: { shape: 'Email', doc: 'The e-mail address of the account owner.' },
      Name: { shape: 'AccountName', doc: 'The friendly name of the account.' },
      Status: { shape: 'AccountStatus', doc: 'Retired; see State.' },
      State: { shape: 'AccountState', doc: 'The lifecycle state of the account.' },
      Paths: { shape: 'Paths', doc: 'Where the account sits in the organization tree.' },
      JoinedMethod: { shape: 'AccountJoinedMethod', doc: 'INVITED or CREATED.' },
      JoinedTimestamp: { shape: 'Timestamp', doc: 'When the account joined the organization.' },
    },
  },
  Accounts: { type: 'list', member: 'Account' },

  // Requests
  Empty: { type: 'structure', members: {} },
  HandshakeIdRequest: {
    type: 'structure',
    members: { HandshakeId: { shape: 'HandshakeId', doc: 'The ID of the handshake to act on (h- followed by 8 to 32 lowercase letters or digits).' } },
    required: ['HandshakeId'],
  },
  ListHandshakesRequest: {
    type: 'structure',
    members: {
      Filter: { shape: 'HandshakeFilter', doc: 'Narrows the list by action type or by parent handshake.' },
      NextToken: { shape: 'NextToken', doc: 'Where to resume, as returned by the previous page.' },
      MaxResults: { shape: 'MaxResults', doc: 'How many items one page may hold (1 to 20).' },
    },
  },
  ListAccountsRequest: {
    type: 'structure',
    members: {
      NextToken: { shape: 'NextToken', doc: 'Where to resume, as returned by the previous page.' },
      MaxResults: { shape: 'MaxResults', doc: 'How many items one page may hold (1 to 20).' },
    },
  },
  InviteAccountToOrganizationRequest: {
    type: 'structure',
    members: {
      Target: { shape: 'HandshakeParty', doc: 'Who to invite: an account ID or an e-mail address.' },
      Notes: { shape: 'HandshakeNotes', doc: 'A message for the invited account owner (up to 1024 characters).' },
      Tags: { shape: 'Tags', doc: 'Tags to put on the account once it joins.' },
    },
    required: ['Target'],
  },

  AccountIdRequest: {
    type: 'structure',
    members: { AccountId: { shape: 'AccountId', doc: 'The 12-digit ID of the account.' } },
    required: ['AccountId'],
  },

  // Responses
  HandshakeResponse: {
    type: 'structure',
    members: { Handshake: { shape: 'Handshake', doc: 'The handshake after the call.' } },
  },
  ListHandshakesResponse: {
    type: 'structure',
    members: {
      Handshakes: { shape: 'Handshakes', doc: 'The handshakes on this page, newest first.' },
      NextToken: { shape: 'NextToken', doc: 'Present when more pages follow.' },
    },
  },
  DescribeOrganizationResponse: {
    type: 'structure',
    members: { Organization: { shape: 'Organization', doc: 'The organization of the caller.' } },
  },
  DescribeAccountResponse: {
    type: 'structure',
    members: { Account: { shape: 'Account', doc: 'The account.' } },
  },
  ListAccountsResponse: {
    type: 'structure',
    members: {
      Accounts: { shape: 'Accounts', doc: 'The accounts on this page.' },
      NextToken: { shape: 'NextToken', doc: 'Present when more pages follow.' },
    },
  },
};

export function shapeOf(name: string): Shape {
  const shape = SHAPES[name];
  if (!shape) throw new Error(`unknown shape ${name}`);
  return shape;
}
