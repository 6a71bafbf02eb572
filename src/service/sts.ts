// The two STS operations a migration script calls (organization.md §28): GetCallerIdentity and
// AssumeRole into a role of another account, with the role's trust deciding.
import { AccountState } from '../model/enums.js';
import { UnmodeledError } from '../model/errors.js';
import { shapeOf } from '../model/shapes.js';
import { CHAINED_SESSION_SECONDS, DEFAULT_SESSION_SECONDS } from '../model/limits.js';
import type { OrgState, RoleSession } from '../model/types.js';
import { callerPrincipal, nowSeconds, type ServiceContext } from './context.js';
import { accountRootArn, findRole, sessionPrincipal } from './identity.js';
import { nextSequence } from './ids.js';
import type { Request } from './input.js';
import { findAccount } from './world.js';

export function getCallerIdentity(_state: OrgState, _input: Request, ctx: ServiceContext): object {
  const { UserId, Account, Arn } = callerPrincipal(ctx);
  return { UserId, Account, Arn };
}

/**
 * STS's input errors: every broken constraint of the request's shape, one sentence each, a member
 * at a time in the model's order, named as STS names it (camelCase) (R-243).
 */
function constraintErrors(input: Request, shapeName: string): string[] {
  const shape = shapeOf(shapeName);
  if (shape.type !== 'structure') return [];
  const broken: string[] = [];
  for (const [member, ref] of Object.entries(shape.members)) {
    const value = input[member];
    const rule = shapeOf(ref.shape);
    const at = `Value '${String(value)}' at '${member[0]!.toLowerCase()}${member.slice(1)}' failed to satisfy constraint: Member must`;
    if (rule.type === 'string' && typeof value === 'string') {
      const length = Array.from(value).length;
      if (rule.pattern !== undefined && !new RegExp(`^(?:${rule.pattern})$`, 'u').test(value)) broken.push(`${at} satisfy regular expression pattern: ${rule.pattern}`);
      if (rule.max !== undefined && length > rule.max) broken.push(`${at} have length less than or equal to ${rule.max}`);
      if (rule.min !== undefined && length < rule.min) broken.push(`${at} have length greater than or equal to ${rule.min}`);
    } else if (rule.type === 'integer' && typeof value === 'number') {
      if (rule.min !== undefined && value < rule.min) broken.push(`${at} have value greater than or equal to ${rule.min}`);
      if (rule.max !== undefined && value > rule.max) broken.push(`${at} have value less than or equal to ${rule.max}`);
    }
  }
  return broken;
}

const validationError = (message: string) => new UnmodeledError('ValidationError', message, 400);

const ROLE_ARN = /^arn:aws:iam::(\d{12}):role\/(?:[\x21-\x7e]*\/)?([\w+=,.@-]{1,64})$/;

/** Accounts that can no longer be used for anything (R-248: a closed one is refused like a missing role). */
const UNUSABLE: ReadonlySet<string> = new Set([AccountState.CLOSED, AccountState.PENDING_CLOSURE, AccountState.SUSPENDED]);

export function assumeRole(state: OrgState, input: Request, ctx: ServiceContext): object {
  const missing = ['RoleArn', 'RoleSessionName'].filter((m) => typeof input[m] !== 'string');
  if (missing.length) throw validationError(`${missing.length} validation error${missing.length > 1 ? 's' : ''} detected: ${missing.map((m) => `Value null at '${m[0]!.toLowerCase()}${m.slice(1)}' failed to satisfy constraint: Member must not be null`).join('; ')}`);
  const broken = constraintErrors(input, 'sts.AssumeRoleRequest');
  if (broken.length) throw validationError(`${broken.length} validation error${broken.length > 1 ? 's' : ''} detected: ${broken.join('; ')}`);
  const caller = callerPrincipal(ctx);
  const roleArn = input.RoleArn as string;
  const sessionName = input.RoleSessionName as string;
  const denied = () => new UnmodeledError('AccessDenied', `User: ${caller.Arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`, 403);
  const parsed = ROLE_ARN.exec(roleArn);
  const account = parsed ? findAccount(state, parsed[1]!) : undefined;
  const role = parsed && account && !UNUSABLE.has(account.State) ? findRole(state, parsed[1]!, parsed[2]!) : undefined;
  const trusted = role?.Trust.some((t) => t === accountRootArn(caller.Account) || t === caller.Arn || (caller.RoleArn !== undefined && t === caller.RoleArn));
  if (!role || !trusted) throw denied();
  const asked = input.DurationSeconds as number | undefined;
  if (caller.RoleArn !== undefined && asked !== undefined && asked > CHAINED_SESSION_SECONDS) {
    throw validationError('The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.');
  }
  const duration = asked ?? DEFAULT_SESSION_SECONDS;
  if (duration > role.MaxSessionDuration) throw validationError('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
  const now = nowSeconds(ctx);
  // Expired sessions are of no use to anyone: they go when a new one is made.
  state.Sessions = (state.Sessions ?? []).filter((s) => s.Expiration > now);
  const session: RoleSession = {
    ...ctx.ids.credentials(nextSequence(state)),
    AccountId: role.AccountId,
    RoleName: role.RoleName,
    RoleId: role.RoleId,
    SessionName: sessionName,
    // Whole seconds: STS states the expiry to the second.
    Expiration: Math.floor(now) + duration,
  };
  state.Sessions.push(session);
  const who = sessionPrincipal(session);
  const packed = packedPolicySize(input);
  return {
    Credentials: { AccessKeyId: session.AccessKeyId, SecretAccessKey: session.SecretAccessKey, SessionToken: session.SessionToken, Expiration: session.Expiration },
    AssumedRoleUser: { AssumedRoleId: who.UserId, Arn: who.Arn },
    ...(packed === undefined ? {} : { PackedPolicySize: packed }),
  };
}

/**
 * The share (in per cent) of the packed session policies and tags of what a session may carry,
 * reported only when some were passed (R-249). How STS packs them is not published: proposed as
 * their JSON length against 2,048 characters.
 */
function packedPolicySize(input: Request): number | undefined {
  const parts = [input.Policy, input.PolicyArns, input.Tags].filter((p) => p !== undefined);
  if (!parts.length) return undefined;
  const size = parts.reduce<number>((sum, p) => sum + (typeof p === 'string' ? p.length : JSON.stringify(p).length), 0);
  return Math.min(100, Math.max(1, Math.ceil((size * 100) / 2048)));
}
