// The service's modeled exceptions: their codes, HTTP status and whether the shape declares a
// Reason (the CLI prints it under "Additional error details") are generated from the model;
// their messages are what the service was seen to send.
import { EXCEPTION_SHAPES, type ExceptionCode } from './generated/errors.js';

export type { ExceptionCode } from './generated/errors.js';

/**
 * The message the service sends with each exception when no more particular one applies (as
 * captured in real responses); the exceptions whose message depends on the case (those with a
 * Reason) have none here.
 */
export const DEFAULT_MESSAGES: Partial<Record<ExceptionCode, string>> = {
  AccessDeniedException: "You don't have permissions to access this resource.",
  AWSOrganizationsNotInUseException: 'Your account is not a member of an organization.',
  HandshakeNotFoundException: "You specified a handshake that doesn't exist.",
  HandshakeAlreadyInStateException: 'The handshake is already in the requested state.',
  InvalidHandshakeTransitionException: 'You cannot perform this operation on a handshake in its current state, such as attempting to cancel a handshake that was previously accepted or attempting to accept a handshake that was declined.',
  DuplicateHandshakeException: 'A handshake with the specified type and parameters already exists for the given parties.',
  ConcurrentModificationException: "AWS Organizations can't complete your request because it conflicts with another attempt to modify the same entity. Try again later.",
  MasterCannotLeaveOrganizationException: "You can't remove a management account from an organization. If you want the management account to become a member account in another organization, you must first delete the current organization of the management account.",
  // Seen on the wire (organization.md §29.1), in place of the documented sentence semantics.md §10 gives.
  AccountNotFoundException: "You specified an account that doesn't exist.",
  TooManyRequestsException: 'You have sent too many requests in too short a period of time. Try again later.',
  // organization.md §29.1: the exceptions' documented sentences where no real message is known.
  ParentNotFoundException: "We can't find a root or OU with the ParentId that you specified.",
  OrganizationalUnitNotFoundException: "We can't find an OU with the OrganizationalUnitId that you specified.",
  OrganizationalUnitNotEmptyException:
    'The specified OU is not empty. Move all accounts to another root or to other OUs, remove all child OUs, and try the operation again.',
  DuplicateOrganizationalUnitException: 'An OU with the same name already exists.',
  ChildNotFoundException: "We can't find an organizational unit (OU) or AWS account with the ChildId that you specified.",
  SourceParentNotFoundException: "We can't find a source root or OU with the ParentId that you specified.",
  DestinationParentNotFoundException: "We can't find a destination container (a root or OU) with the ParentId that you specified.",
  DuplicateAccountException: 'That account is already present in the specified destination.',
  AlreadyInOrganizationException: 'This account is already a member of an organization. An account can belong to only one organization at a time.',
  TargetNotFoundException: "We can't find a root, OU, account, or policy with the TargetId that you specified.",
  OrganizationNotEmptyException: "The organization isn't empty. To delete an organization, you must first remove all accounts except the management account.",
  CreateAccountStatusNotFoundException: "We can't find an create account request with the CreateAccountRequestId that you specified.",
  AccountAlreadyClosedException: 'You attempted to close an account that is already closed.',
  ConflictException: 'The request failed because it conflicts with the current state of the specified resource.',
  MalformedPolicyDocumentException: 'The provided policy document does not meet the requirements of the specified policy type.',
  DuplicatePolicyException: 'A policy with the same name already exists.',
  DuplicatePolicyAttachmentException: 'The selected policy is already attached to the specified target.',
  PolicyNotFoundException: "We can't find a policy with the PolicyId that you specified.",
  PolicyInUseException: 'The policy is attached to one or more entities. You must detach it from all roots, OUs, and accounts before performing this operation.',
  PolicyNotAttachedException: "The policy isn't attached to the specified target in the specified root.",
  PolicyTypeNotEnabledException:
    "The specified policy type isn't currently enabled in this root. You can't attach policies of the specified type to entities in a root until you enable that type in the root.",
  PolicyTypeAlreadyEnabledException: 'The specified policy type is already enabled in the specified root.',
  PolicyTypeNotAvailableForOrganizationException:
    "You can't use the specified policy type with the feature set currently enabled for this organization. For example, you can enable SCPs only after you enable all features in the organization.",
  RootNotFoundException: "We can't find a root with the RootId that you specified.",
  AccountAlreadyRegisteredException: 'The provided account is already a delegated administrator for your organization.',
  AccountNotRegisteredException: 'The provided account is not a registered delegated administrator for your organization.',
  // The exceptions' documented sentences (transfer-and-delegation.md R-129; no wire message is known).
  ResponsibilityTransferNotFoundException: "We can't find a transfer that you specified.",
  ResponsibilityTransferAlreadyInStatusException: 'The responsibility transfer is already in the status that you specified.',
  InvalidResponsibilityTransferTransitionException: "The responsibility transfer can't transition to the requested state because it's not in a valid state for this operation.",
  ServiceException: 'AWS Organizations can\u2019t complete your request because of an internal service error. Try again later.',
};

/** Reasons with their exact wire messages. */
export const REASONS = {
  INVALID_PARTY_TYPE_TARGET: 'You specified an invalid party type as the target parameter.',
  INVALID_PATTERN: 'You provided a value that does not match the required pattern.',
  INVALID_EMAIL_ADDRESS_TARGET: 'You specified an invalid email address for the invited account owner.',
  MAX_LENGTH_EXCEEDED: 'You provided a string that exceeds that maximum length.',
  MIN_LENGTH_EXCEEDED: 'You provided a string parameter that is shorter than allowed.',
  INVALID_SYSTEM_TAGS_PARAMETER: 'You specified a tag key that is a system tag. You can\u2019t add, edit, or delete system tag keys because they\'re reserved for Amazon Web Services use. System tags don\u2019t count against your tags per resource limit.',
  DUPLICATE_TAG_KEY: 'Your request includes duplicate tag keys.',
  INPUT_REQUIRED: 'You must provide a value for the parameter.',
  MAX_LIMIT_EXCEEDED_FILTER: 'You specified too many filter parameters.',
  INVALID_ENUM: 'You specified an invalid value.',
  INVALID_NEXT_TOKEN:
    'You specified an invalid value for nextToken. You must get the value from the response to a previous call to the API.',
  MIN_VALUE_EXCEEDED: 'You provided a numeric parameter that has a smaller value than allowed.',
  MAX_VALUE_EXCEEDED: 'You provided a numeric parameter that has a larger value than allowed.',
  ALREADY_IN_AN_ORGANIZATION: 'The AWS account is already a member of an organization.',
  ORGANIZATION_ALREADY_HAS_ALL_FEATURES: 'All features are already enabled on this organization.',
  ACCOUNT_NUMBER_LIMIT_EXCEEDED: 'You have exceeded the allowed number of AWS accounts',
  HANDSHAKE_RATE_LIMIT_EXCEEDED: 'You attempted to exceed the number of handshakes that you can send in one day.',
  MAX_TAG_LIMIT_EXCEEDED: 'You have exceeded the number of tags allowed on this resource.',
  OU_DEPTH_LIMIT_EXCEEDED: 'You cannot add an organizational unit to the specified parent because it would exceed the max depth allowed.',
  OU_NUMBER_LIMIT_EXCEEDED: 'You attempted to exceed the number of OUs that you can have in an organization.',
  ORGANIZATION_IS_ALREADY_PENDING_ALL_FEATURES_MIGRATION:
    'The handshake request is invalid because the organization has already started the process to enable all features.',
  WAIT_PERIOD_ACTIVE:
    'After you create an Amazon Web Services account, you must wait until at least four days after the account was created. Invited accounts aren\'t subject to this waiting period.',
  INVALID_ROLE_NAME: "You provided a role name that isn't valid. A role name can't begin with the reserved prefix AWSServiceRoleFor.",
  INVALID_LIST_MEMBER: 'You provided a list to a parameter that contains at least one invalid value.',
  CANNOT_CLOSE_MANAGEMENT_ACCOUNT:
    'You attempted to close the management account. To close the management account for the organization, you must first either remove or close all member accounts in the organization. Follow standard account closure process using root credentials.',
  CLOSE_ACCOUNT_REQUESTS_LIMIT_EXCEEDED: 'You attempted to exceed the number of accounts that you can close at a time.',
  CLOSE_ACCOUNT_QUOTA_EXCEEDED: 'You have exceeded close account quota for the past 30 days.',
  ORGANIZATION_NOT_IN_ALL_FEATURES_MODE:
    "You attempted to perform an operation that requires the organization to be configured to support all features. An organization that supports only consolidated billing features can't perform this operation.",
  INVALID_ENUM_POLICY_TYPE: 'You specified an invalid policy type.',
  POLICY_CONTENT_LIMIT_EXCEEDED: 'You have exceeded the maximum policy size.',
  POLICY_NUMBER_LIMIT_EXCEEDED: 'You attempted to exceed the number of policies that you can have in an organization.',
  MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED: 'You have attached the maximum number of policies to the specified target.',
  MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED:
    'You attempted to detach a policy from an entity that would cause the entity to have fewer than the minimum number of policies of a certain type required.',
  IMMUTABLE_POLICY: "You specified a policy that is managed by AWS and can't be modified.",
  INVALID_PATTERN_TARGET_ID: "You specified a policy target ID that doesn't match the required pattern.",
  SERVICE_ACCESS_NOT_ENABLED: 'You must enable service access before you delegate an administrator for this service. Call the AWS API EnableAWSServiceAccess first.',
  UNRECOGNIZED_SERVICE_PRINCIPAL: 'You specified an unrecognized service principal.',
  CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR: 'You cannot register management account/yourself as delegated administrator for your organization.',
  CANNOT_REGISTER_SUSPENDED_ACCOUNT_AS_DELEGATED_ADMINISTRATOR: 'You cannot register a suspended account as a delegated administrator.',
  MAX_DELEGATED_ADMINISTRATORS_FOR_SERVICE_LIMIT_EXCEEDED: 'You attempted to register more delegated administrators than allowed for the service principal.',
  DELEGATED_ADMINISTRATOR_EXISTS_FOR_THIS_SERVICE: 'You have delegated administrator/s for this service. De-register them in order to disable service access.',
  POLICY_TYPE_ENABLED_FOR_THIS_SERVICE:
    'You attempted to disable service access before you disabled the policy type (for example, SECURITYHUB_POLICY). To complete this operation, you must first disable the policy type.',
  CANNOT_REMOVE_DELEGATED_ADMINISTRATOR_FROM_ORG: 'You cannot remove a delegated administrator from the organization without de-registering the account.',
  ACCOUNT_CANNOT_LEAVE_ORGANIZATION:
    "You attempted to remove the management account from the organization. You can't remove the management account. Instead, after you remove all member accounts, delete the organization itself.",
  // Billing transfers (transfer-and-delegation.md §16): the model's sentences for each reason.
  START_DATE_NOT_BEGINNING_OF_DAY: 'You provided an invalid start date. The start date must be the beginning of the day (00:00:00.000).',
  START_DATE_NOT_BEGINNING_OF_MONTH: 'You provided an invalid start date. The start date must be the first day of the month.',
  START_DATE_TOO_EARLY: 'You provided an invalid start date. The start date is too early.',
  START_DATE_TOO_LATE: 'You provided an invalid start date. The start date is too late.',
  END_DATE_NOT_END_OF_MONTH: 'You provided an invalid end date. The end date must be the end of the last day of the month (23.59.59.999).',
  END_DATE_TOO_EARLY: 'You provided an invalid end date. It is too early for the transfer to end.',
  // Not in the model's reason list; worded as its neighbour (R-131, a proposal).
  END_DATE_TOO_LATE: 'You provided an invalid end date. It is too late for the transfer to end.',
  UNSUPPORTED_ACTION_IN_RESPONSIBILITY_TRANSFER: 'You provided a value that is not supported by this operation.',
  SOURCE_AND_TARGET_CANNOT_MATCH: "An account can't accept a transfer invitation if it is both the sender and recipient of the invitation.",
  RESPONSIBILITY_TRANSFER_ALREADY_EXISTS: 'You cannot perform this operation with the current transfer.',
  RESPONSIBILITY_TRANSFER_MAX_INBOUND_QUOTA_VIOLATION: 'You have exceeded your inbound transfers limit.',
  RESPONSIBILITY_TRANSFER_MAX_OUTBOUND_QUOTA_VIOLATION: 'You have exceeded your outbound transfers limit.',
  RESPONSIBILITY_TRANSFER_MAX_LEVEL_VIOLATION: 'You have exceeded the maximum length of your transfer chain.',
  RESPONSIBILITY_TRANSFER_MAX_TRANSFERS_QUOTA_VIOLATION: 'You have exceeded the maximum number of inbound transfers allowed in a transfer chain.',
  ACTIVE_RESPONSIBILITY_TRANSFER_PROCESS:
    'You cannot delete organization due to an ongoing responsibility transfer process. For example, a pending invitation or an in-progress transfer. To delete the organization, you must resolve the current transfer process.',
} as const;

export type ReasonCode = keyof typeof REASONS;

/** An error a service answers with: a code, a message and an HTTP status (the CLI exits 254 on it). */
export abstract class ServiceError extends Error {
  abstract readonly code: string;
  abstract get httpStatus(): number;
  /** The modeled exceptions' Reason member, where they carry one. */
  readonly reason?: string;
  /** Some failures are recorded anyway (an e-mail invitation accepted by a member). */
  persistChanges = false;
  /** The retries a client made before it gave up (botocore's MaxAttemptsReached with RetryAttempts). */
  retriesReached?: number;

  /** Wire body fields after the code: Message, and what the exception adds. */
  toFields(): Record<string, string> {
    return { Message: this.message };
  }
}

/**
 * An error no operation's definition models: STS's Query errors (organization.md R-243) and the
 * front door's answers to credentials it does not know.
 */
export class UnmodeledError extends ServiceError {
  constructor(
    readonly code: string,
    message: string,
    private readonly status: number,
  ) {
    super(message);
    this.name = code;
  }

  get httpStatus(): number {
    return this.status;
  }
}

/** A modeled exception as the service returns it. */
export class OrganizationsError extends ServiceError {
  readonly kind = 'OrganizationsError';
  readonly code: ExceptionCode;
  override readonly reason: string | undefined;
  /** Members the exception's shape has beyond Message and Reason (TooManyRequestsException's Type). */
  readonly details: Record<string, string> = {};

  constructor(code: ExceptionCode, message?: string, reason?: string) {
    super(message ?? DEFAULT_MESSAGES[code] ?? '');
    this.name = code;
    this.code = code;
    this.reason = reason;
  }

  get httpStatus(): number {
    return EXCEPTION_SHAPES[this.code].httpStatus;
  }

  /** Wire body fields after __type: Message, then Reason where the shape has one. */
  override toFields(): Record<string, string> {
    const fields: Record<string, string> = { Message: this.message };
    if (EXCEPTION_SHAPES[this.code].hasReason && this.reason !== undefined) fields.Reason = this.reason;
    return { ...fields, ...this.details };
  }
}


/** An error whose message comes from its reason; `field` adds the wire's `:FIELD` suffix. */
export function reasonError(
  code: 'InvalidInputException' | 'HandshakeConstraintViolationException' | 'ConstraintViolationException',
  reason: ReasonCode,
  field?: string,
): OrganizationsError {
  return new OrganizationsError(code, REASONS[reason], field ? `${reason}:${field}` : reason);
}

export function invalidInput(reason: ReasonCode, field?: string): OrganizationsError {
  return reasonError('InvalidInputException', reason, field);
}
