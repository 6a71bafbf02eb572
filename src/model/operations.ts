// One entry per operation: the CLI, the service and (later) the server are all generated from this table.
import type { ExceptionCode } from './errors.js';

export interface Paginator {
  inputToken: string;
  outputToken: string;
  limitKey: string;
  resultKey: string;
}

export interface Operation {
  name: string;
  /** The CLI sub-command: kebab-case of the name. */
  cliName: string;
  input: string;
  output: string;
  mutates: boolean;
  paginator?: Paginator;
  errors: readonly ExceptionCode[];
  summary: string;
}

const handshakePages: Paginator = { inputToken: 'NextToken', outputToken: 'NextToken', limitKey: 'MaxResults', resultKey: 'Handshakes' };
const accountPages: Paginator = { inputToken: 'NextToken', outputToken: 'NextToken', limitKey: 'MaxResults', resultKey: 'Accounts' };

const common: ExceptionCode[] = ['ConcurrentModificationException', 'ServiceException', 'TooManyRequestsException'];

const table: Omit<Operation, 'cliName'>[] = [
  {
    name: 'AcceptHandshake',
    input: 'HandshakeIdRequest',
    output: 'HandshakeResponse',
    mutates: true,
    errors: ['AccessDeniedException', 'AWSOrganizationsNotInUseException', 'HandshakeConstraintViolationException', 'HandshakeNotFoundException', 'InvalidHandshakeTransitionException', 'HandshakeAlreadyInStateException', 'InvalidInputException', 'ConstraintViolationException', 'MasterCannotLeaveOrganizationException', ...common],
    summary: 'Accept a handshake sent to the calling account.',
  },
  {
    name: 'DeclineHandshake',
    input: 'HandshakeIdRequest',
    output: 'HandshakeResponse',
    mutates: true,
    errors: ['AccessDeniedException', 'HandshakeNotFoundException', 'InvalidHandshakeTransitionException', 'HandshakeAlreadyInStateException', 'InvalidInputException', ...common],
    summary: 'Decline a handshake sent to the calling account.',
  },
  {
    name: 'CancelHandshake',
    input: 'HandshakeIdRequest',
    output: 'HandshakeResponse',
    mutates: true,
    errors: ['AccessDeniedException', 'HandshakeNotFoundException', 'InvalidHandshakeTransitionException', 'HandshakeAlreadyInStateException', 'InvalidInputException', ...common],
    summary: 'Cancel a handshake the calling account sent.',
  },
  {
    name: 'DescribeHandshake',
    input: 'HandshakeIdRequest',
    output: 'HandshakeResponse',
    mutates: false,
    errors: ['AccessDeniedException', 'HandshakeNotFoundException', 'InvalidInputException', ...common],
    summary: 'Show one handshake to its sender or its recipient.',
  },
  {
    name: 'ListHandshakesForOrganization',
    input: 'ListHandshakesRequest',
    output: 'ListHandshakesResponse',
    mutates: false,
    paginator: handshakePages,
    errors: ['AccessDeniedException', 'AWSOrganizationsNotInUseException', 'InvalidInputException', ...common],
    summary: "List the handshakes the caller's organization sent (management account only).",
  },
  {
    name: 'ListHandshakesForAccount',
    input: 'ListHandshakesRequest',
    output: 'ListHandshakesResponse',
    mutates: false,
    paginator: handshakePages,
    errors: ['AccessDeniedException', 'InvalidInputException', ...common],
    summary: 'List the handshakes sent to the calling account.',
  },
  {
    name: 'InviteAccountToOrganization',
    input: 'InviteAccountToOrganizationRequest',
    output: 'HandshakeResponse',
    mutates: true,
    errors: ['AccessDeniedException', 'AWSOrganizationsNotInUseException', 'HandshakeConstraintViolationException', 'DuplicateHandshakeException', 'ConstraintViolationException', 'InvalidInputException', ...common],
    summary: "Invite an account, by ID or e-mail address, to join the caller's organization.",
  },
  {
    name: 'DescribeOrganization',
    input: 'Empty',
    output: 'DescribeOrganizationResponse',
    mutates: false,
    errors: ['AccessDeniedException', 'AWSOrganizationsNotInUseException', ...common],
    summary: 'Show the organization the caller belongs to.',
  },
  {
    name: 'ListAccounts',
    input: 'ListAccountsRequest',
    output: 'ListAccountsResponse',
    mutates: false,
    paginator: accountPages,
    errors: ['AccessDeniedException', 'AWSOrganizationsNotInUseException', 'InvalidInputException', ...common],
    summary: "List the accounts of the caller's organization (management account only).",
  },
  {
    name: 'EnableAllFeatures',
    input: 'Empty',
    output: 'HandshakeResponse',
    mutates: true,
    errors: ['AccessDeniedException', 'AWSOrganizationsNotInUseException', 'ConstraintViolationException', 'HandshakeConstraintViolationException', 'InvalidInputException', ...common],
    summary: 'Start the migration of a consolidated-billing organization to all features (management account only).',
  },
  {
    name: 'LeaveOrganization',
    input: 'Empty',
    output: 'Empty',
    mutates: true,
    errors: ['AccessDeniedException', 'AccountNotFoundException', 'AWSOrganizationsNotInUseException', 'ConstraintViolationException', 'InvalidInputException', 'MasterCannotLeaveOrganizationException', ...common],
    summary: 'The calling member account leaves its organization.',
  },
  {
    name: 'RemoveAccountFromOrganization',
    input: 'AccountIdRequest',
    output: 'Empty',
    mutates: true,
    errors: ['AccessDeniedException', 'AccountNotFoundException', 'AWSOrganizationsNotInUseException', 'ConstraintViolationException', 'InvalidInputException', 'MasterCannotLeaveOrganizationException', ...common],
    summary: 'Remove a member account from the organization (management account only).',
  },
  {
    name: 'DescribeAccount',
    input: 'AccountIdRequest',
    output: 'DescribeAccountResponse',
    mutates: false,
    errors: ['AccessDeniedException', 'AccountNotFoundException', 'AWSOrganizationsNotInUseException', 'InvalidInputException', ...common],
    summary: 'Show one account of the organization (management account only).',
  },
];

export function kebabCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

export const OPERATIONS: readonly Operation[] = table.map((op) => ({ ...op, cliName: kebabCase(op.name) }));

export function operationByCliName(cliName: string): Operation | undefined {
  return OPERATIONS.find((op) => op.cliName === cliName);
}

export function operationByName(name: string): Operation | undefined {
  return OPERATIONS.find((op) => op.name === name);
}
