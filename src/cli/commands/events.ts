// `orgsim events`: the world's CloudTrail-style log.
import { ArgParseError } from '../../errors/cli-errors.js';
import type { WorldEvent } from '../../model/types.js';
import { parseDuration } from '../../service/clock.js';
import type { Session } from '../main.js';
import { ownCommand } from './command.js';
import { printRecords } from './print.js';

function since(session: Session, text: string): number {
  const duration = parseDuration(text);
  if (duration !== undefined) {
    const clock = session.clock();
    clock.attach(session.fileStore().read());
    return clock.now() - duration;
  }
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new ArgParseError(`argument --since: expected an ISO-8601 time or a duration such as 2d, not '${text}'`);
  return ms;
}

function concerns(event: WorldEvent, account: string): boolean {
  return event.userIdentity?.accountId === account || event.recipientAccountId === account || event.serviceEventDetails?.accountId === account;
}

function summary(event: WorldEvent): string {
  const details = event.serviceEventDetails;
  if (details) return `${String(details.accountId)} ${String(details.joinedMethod ?? details.departedMethod)} (${String(details.organizationId)})`;
  const request = event.requestParameters ?? {};
  const handshake = (event.responseElements?.handshake as { id?: string; state?: string } | undefined) ?? {};
  return [request.handshakeId ?? handshake.id, handshake.state, request.accountId, event.errorCode].filter(Boolean).join(' ');
}

export function eventsCommand(session: Session) {
  return ownCommand(session, 'events', 'the CloudTrail-style log of the world')
    .option('--since <time>', 'only events at or after this time (ISO-8601, or a duration back from now such as 2d)')
    .option('--account <id>', 'only events that concern this account')
    .action(async (options: { since?: string; account?: string }) => {
      let events = session.fileStore().read().Events;
      if (options.since) {
        const from = since(session, options.since);
        events = events.filter((e) => Date.parse(e.eventTime) >= from);
      }
      if (options.account) events = events.filter((e) => concerns(e, options.account!));
      const rows = events.map((e) => ({ Time: e.eventTime, Event: e.eventName, Caller: e.userIdentity?.accountId ?? 'AWS', Details: summary(e) }));
      await printRecords(session, { Events: events }, rows, ['Time', 'Event', 'Caller', 'Details']);
    });
}
