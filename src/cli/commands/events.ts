// `orgsim events [--since T] [--account ID]`: the world's CloudTrail-style log.
import { ArgParseError } from '../../errors/classes.js';
import type { WorldEvent } from '../../model/types.js';
import { eventRows } from '../../output/events.js';
import { recordsTable } from '../../output/records.js';
import { parseDuration } from '../../service/clock.js';
import { worldNow } from '../../service/context.js';
import type { OrgState } from '../../model/types.js';
import type { Session } from '../../app/session.js';
import type { OwnCommand } from './command.js';

function since(session: Session, state: OrgState, text: string): number {
  const duration = parseDuration(text);
  if (duration !== undefined) return worldNow(state, session.clock()) - duration;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new ArgParseError(`argument --since: expected an ISO-8601 time or a duration such as 2d, not '${text}'`);
  return ms;
}

/** The account acted, received, joined or left, was acted on (accountId), or was sent the handshake (a party). */
function concerns(event: WorldEvent, account: string): boolean {
  if (event.userIdentity?.accountId === account || event.recipientAccountId === account || event.serviceEventDetails?.accountId === account) return true;
  const request = event.requestParameters ?? {};
  const parties = ((event.responseElements?.handshake as { parties?: { id?: string }[] } | undefined)?.parties ?? []).map((p) => p.id);
  return request.accountId === account || (request.target as { id?: string } | undefined)?.id === account || parties.includes(account);
}

export const events: OwnCommand = {
  name: 'events',
  summary: 'the CloudTrail-style log of the world',
  options: [
    { flags: '--since <time>', description: 'only events at or after this time (ISO-8601, or a duration back from now such as 2d)' },
    { flags: '--account <id>', description: 'only events that concern this account' },
  ],
  async run({ session }, _args, options: { since?: string; account?: string }) {
    const state = session.fileStore().read();
    let found = state.Events;
    if (options.since) {
      const from = since(session, state, options.since);
      found = found.filter((e) => Date.parse(e.eventTime) >= from);
    }
    if (options.account) found = found.filter((e) => concerns(e, options.account!));
    return { value: { Events: found }, human: () => recordsTable(eventRows(found), ['Time', 'Event', 'Caller', 'Details'], session.width()) };
  },
};
