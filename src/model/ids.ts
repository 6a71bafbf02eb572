// Identifier formats (the model's patterns) and ARNs of the Organizations API.

import { patternOf, shapeOf } from './shapes.js';

export const HANDSHAKE_ID_PATTERN = patternOf('HandshakeId');
export const ACCOUNT_ID_PATTERN = patternOf('AccountId');
export const EMAIL_PATTERN = patternOf('Email');
const email = shapeOf('Email') as { min: number; max: number };
export const EMAIL_MIN = email.min;
export const EMAIL_MAX = email.max;
export const ROOT_ID_PATTERN = patternOf('RootId');
export const OU_ID_PATTERN = patternOf('OrganizationalUnitId');
export const PARENT_ID_PATTERN = patternOf('ParentId');
export const CHILD_ID_PATTERN = patternOf('ChildId');
export const TAGGABLE_ID_PATTERN = patternOf('TaggableResourceId');
/**
 * The tag patterns are made when a tag is first checked: their \p{...} classes take V8 about 0.2 ms
 * each to build, which a command without tags need not pay at start-up.
 */
const lazyPattern = (name: string) => {
  let pattern: RegExp | undefined;
  return () => (pattern ??= patternOf(name));
};
export const tagValuePattern = lazyPattern('TagValue');
export const tagKeyPattern = lazyPattern('TagKey');
/** A pattern the model leaves unanchored, as the service applies it: to the whole value. */
const whole = (name: string) => new RegExp(`^(?:${patternOf(name).source})$`, 'u');
export const ROLE_NAME_PATTERN = whole('RoleName');
export const POLICY_ID_PATTERN = patternOf('PolicyId');
export const CREATE_ACCOUNT_REQUEST_ID_PATTERN = patternOf('CreateAccountRequestId');
export const RESPONSIBILITY_TRANSFER_ID_PATTERN = patternOf('ResponsibilityTransferId');
export const RESPONSIBILITY_TRANSFER_NAME_PATTERN = patternOf('ResponsibilityTransferName');
/** The AWS-managed SCP every all-features organization shares (organization.md R-216). */
export const FULL_AWS_ACCESS_ID = 'p-FullAWSAccess';
export const ROOT_ID_ONLY_PATTERN = patternOf('RootId');
/** The model's PolicyTargetId pattern groups its alternatives loosely; the service takes a whole root, account or OU id. */
export const POLICY_TARGET_PATTERN = /^(?:r-[0-9a-z]{4,32}|\d{12}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$/;
export const CREATE_ACCOUNT_NAME_PATTERN = whole('CreateAccountName');
const ouName = shapeOf('OrganizationalUnitName') as { min: number; max: number };
export const OU_NAME_MIN = ouName.min;
export const OU_NAME_MAX = ouName.max;

/** The ORGANIZATION party id is the organization id without its `o-` prefix. */
export function organizationPartyId(organizationId: string): string {
  return organizationId.replace(/^o-/, '');
}

export function organizationArn(managementAccountId: string, organizationId: string): string {
  return `arn:aws:organizations::${managementAccountId}:organization/${organizationId}`;
}

export function accountArn(managementAccountId: string, organizationId: string, accountId: string): string {
  return `arn:aws:organizations::${managementAccountId}:account/${organizationId}/${accountId}`;
}

export function handshakeArn(
  managementAccountId: string,
  organizationId: string,
  action: string,
  handshakeId: string,
): string {
  return `arn:aws:organizations::${managementAccountId}:handshake/${organizationId}/${action.toLowerCase()}/${handshakeId}`;
}

/**
 * A 20-character access key id for a profile: AKIAORGSIM, the profile name in capitals, zeros;
 * a numbered variant when another profile already has that one.
 */
export function accessKeyIdFor(profileName: string, taken: ReadonlySet<string>): string {
  const stem = ('AKIAORGSIM' + profileName.toUpperCase().replace(/[^A-Z0-9]/g, '')).slice(0, 20);
  let candidate = stem.padEnd(20, '0');
  for (let n = 1; taken.has(candidate); n++) candidate = (stem.slice(0, 20 - String(n).length) + String(n)).padEnd(20, '0');
  return candidate;
}

export function rootArn(managementAccountId: string, organizationId: string, rootId: string): string {
  return `arn:aws:organizations::${managementAccountId}:root/${organizationId}/${rootId}`;
}

/** A customer policy's ARN; an AWS-managed policy's names the account `aws` and no organization (organization.md R-164). */
export function policyArn(managementAccountId: string, organizationId: string, type: string, policyId: string): string {
  return `arn:aws:organizations::${managementAccountId}:policy/${organizationId}/${type.toLowerCase()}/${policyId}`;
}

export function awsManagedPolicyArn(type: string, policyId: string): string {
  return `arn:aws:organizations::aws:policy/${type.toLowerCase()}/${policyId}`;
}

export function organizationalUnitArn(managementAccountId: string, organizationId: string, unitId: string): string {
  return `arn:aws:organizations::${managementAccountId}:ou/${organizationId}/${unitId}`;
}

/**
 * A transfer's ARN as one side sees it: under the viewer's own organization, `inbound` for the
 * organization that takes the bill over, `outbound` for the one whose bill moves
 * (transfer-and-delegation.md R-111, a proposal: one transfer, two ARNs).
 */
export function responsibilityTransferArn(managementAccountId: string, organizationId: string, type: string, direction: 'inbound' | 'outbound', transferId: string): string {
  return `arn:aws:organizations::${managementAccountId}:transfer/${organizationId}/${type.toLowerCase()}/${direction}/${transferId}`;
}

/** The management account an Organizations ARN is under (`arn:aws:organizations::<account>:…`). */
export const managementAccountOfArn = (arn: string) => /^arn:aws:organizations::(\d{12}):/.exec(arn)?.[1];

/** The organization an Organizations resource ARN names (`…:<type>/o-…/…`). */
export const organizationOfArn = (arn: string) => /^arn:aws:organizations::\d{12}:[a-z_]+\/(o-[a-z0-9]+)\//.exec(arn)?.[1];
