// Accounts that answer by themselves (orgsim responders): an account with a responder accepts or
// declines each handshake sent to it that long after it was sent, as that account's own call in
// the event log. Like expiry, the answer happens when world time passes its moment, whenever the
// world is looked at; a handshake that expires first is not answered.
import { HandshakePartyType, isPending, type HandshakeState } from '../model/enums.js';
import { where } from './table.js';
import { ServiceError } from '../model/errors.js';
import type { Responder, ResponderAnswer } from '../model/rehearsal.js';
import type { HandshakeRecord, OrgState } from '../model/types.js';
import { addSeconds, type IdGenerator, type ServiceContext } from './context.js';
import { recordApiCall } from './events.js';
import { forgetAll } from './memo.js';
import { acceptHandshake, declineHandshake } from './respond.js';
import { organizationOf, recipientParty } from './world.js';
import { draw, drawBetween } from './draw.js';

interface Due {
  at: number;
  responder: Responder;
  record: HandshakeRecord;
}

/** The responders' answers world time has reached by `now` (epoch seconds), oldest first. */
function dueAnswers(state: OrgState, now: number): Due[] {
  const byAccount = new Map<string, Responder>();
  for (const responder of state.Responders ?? []) if (responder.Answer !== 'NEVER') byAccount.set(responder.AccountId, responder);
  if (!byAccount.size) return [];
  const byEmail = new Map<string, Responder>();
  const emails: string[] = [];
  for (const account of state.Accounts) {
    const responder = byAccount.get(account.Id);
    if (!responder) continue;
    byEmail.set(account.Email.toLowerCase(), responder);
    emails.push(account.Email);
  }
  const due: Due[] = [];
  // Only the pending handshakes that name a responder's account or address (in any case) are read.
  const pending = where(state.Handshakes, { keys: ['State'], test: (peek) => isPending(peek.State as HandshakeState), mentions: [...byAccount.keys(), ...emails] });
  for (const record of pending) {
    const h = record.Handshake;
    const party = recipientParty(record);
    if (!party) continue;
    const responder = party.Type === HandshakePartyType.EMAIL ? byEmail.get(party.Id.toLowerCase()) : byAccount.get(party.Id);
    if (!responder || responder.Answered.includes(h.Id)) continue;
    const at = addSeconds(h.RequestedTimestamp, responder.AfterSeconds);
    if (at <= now && at < h.ExpirationTimestamp) due.push({ at, responder, record });
  }
  return due.sort((a, b) => a.at - b.at || (a.record.Handshake.Id < b.record.Handshake.Id ? -1 : 1));
}

const HANDLERS = { ACCEPT: ['AcceptHandshake', acceptHandshake], DECLINE: ['DeclineHandshake', declineHandshake] } as const;

/** Gives the answers that are due; returns whether any was given. */
export function answerDue(state: OrgState, now: number, ids: IdGenerator): boolean {
  if (!state.Responders?.length) return false;
  const due = dueAnswers(state, now);
  for (const { at, responder, record } of due) {
    responder.Answered.push(record.Handshake.Id);
    const [operation, handler] = HANDLERS[responder.Answer as Exclude<ResponderAnswer, 'NEVER'>];
    const ctx: ServiceContext = { caller: responder.AccountId, clock: { now: () => at * 1000, pinned: true }, ids };
    const input = { HandshakeId: record.Handshake.Id };
    const recipientAccountId = organizationOf(state, responder.AccountId)?.MasterAccountId ?? responder.AccountId;
    forgetAll(state);
    try {
      const output = handler(state, input, ctx);
      recordApiCall(state, ctx, { operation, input, output, recipientAccountId });
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      recordApiCall(state, ctx, { operation, input, error, recipientAccountId });
    }
  }
  if (due.length) forgetAll(state);
  return due.length > 0;
}

/** A mix of answers for a rehearsal: so many accept, so many decline, so many never answer. */
export interface ResponderMix {
  accept: number;
  decline: number;
  never: number;
  /** The answers come between these many seconds after the invitation, drawn from the seed. */
  within: [number, number];
}

/**
 * Responders for `candidates` (in a seeded order): the first `accept` accept, the next `decline`
 * decline, the next `never` never answer, each after a time drawn from the seed.
 */
export function mixResponders(candidates: readonly string[], mix: ResponderMix, seed: string): Responder[] {
  const order = [...candidates].sort((a, b) => draw(seed, 'order', a) - draw(seed, 'order', b) || (a < b ? -1 : 1));
  const answers: ResponderAnswer[] = [...Array<ResponderAnswer>(mix.accept).fill('ACCEPT'), ...Array<ResponderAnswer>(mix.decline).fill('DECLINE'), ...Array<ResponderAnswer>(mix.never).fill('NEVER')];
  return answers.map((answer, i) => ({
    AccountId: order[i]!,
    Answer: answer,
    AfterSeconds: answer === 'NEVER' ? 0 : drawBetween(mix.within[0], mix.within[1], seed, 'after', order[i]!),
    Answered: [],
  }));
}
