// Which credentials a call is signed with, and who they make the caller: a profile of the world,
// or an access key (a profile's, or a session's that AssumeRole issued, with its token). The CLI
// and the server both resolve them here, inside the world the operation runs on.
import { ProfileNotFoundError } from '../errors/classes.js';
import { UnmodeledError } from '../model/errors.js';
import type { ServiceName } from '../model/operations.js';
import type { OrgState } from '../model/types.js';
import { findSession, profilePrincipal, sessionPrincipal, type Principal } from '../service/identity.js';

export type Credentials = { profile: string } | { accessKeyId: string; sessionToken?: string };

export interface Caller {
  account: string;
  principal: Principal;
  /** The profile the credentials belong to, when they are a profile's (for the server's log). */
  profile?: string;
}

/** Credentials the world does not know, or a session past its expiry. */
export class CredentialsRejected extends Error {
  constructor(readonly why: 'invalid' | 'expired') {
    super(why === 'invalid' ? 'The security token included in the request is invalid' : 'The security token included in the request is expired');
  }
}

/** Who `credentials` are in `state` at world time `now` (epoch seconds). */
export function callerOf(state: OrgState, credentials: Credentials, now: number): Caller {
  if ('profile' in credentials) {
    const profile = state.Profiles.find((p) => p.Name === credentials.profile);
    if (!profile) throw new ProfileNotFoundError(credentials.profile);
    return { account: profile.AccountId, principal: profilePrincipal(state, profile), profile: profile.Name };
  }
  const profile = state.Profiles.find((p) => p.AccessKeyId === credentials.accessKeyId);
  if (profile) return { account: profile.AccountId, principal: profilePrincipal(state, profile), profile: profile.Name };
  const session = findSession(state, credentials.accessKeyId);
  // A session key is only good with its own token (organization.md R-244).
  if (!session || session.SessionToken !== credentials.sessionToken) throw new CredentialsRejected('invalid');
  if (session.Expiration <= now) throw new CredentialsRejected('expired');
  return { account: session.AccountId, principal: sessionPrincipal(session) };
}

/** What each service answers to rejected credentials (organization.md ). */
export function rejection(service: ServiceName, error: CredentialsRejected): UnmodeledError {
  if (service === 'sts') return new UnmodeledError(error.why === 'invalid' ? 'InvalidClientTokenId' : 'ExpiredToken', error.message, 403);
  return error.why === 'invalid'
    ? new UnmodeledError('UnrecognizedClientException', `${error.message}.`, 403)
    : new UnmodeledError('ExpiredTokenException', error.message, 400);
}
