// `orgsim responders [set ACCOUNT ANSWER | mix | clear [ACCOUNT]]`: accounts that answer the
// handshakes sent to them by themselves, in world time (service/responders.ts), so that a
// script that polls until accounts have answered can be rehearsed.
import { ArgParseError } from '../../errors/classes.js';
import { RESPONDER_ANSWERS, type Responder, type ResponderAnswer } from '../../model/rehearsal.js';
import type { OrgState } from '../../model/types.js';
import { rehearsalSeconds } from '../../service/clock.js';
import { nameOf } from '../../service/names.js';
import { mixResponders } from '../../service/responders.js';
import { accountOfProfile } from '../../app/local-client.js';
import type { Session } from '../../app/session.js';
import { recordsTable } from '../../output/records.js';
import type { Answer, OwnCommand } from './command.js';

function seconds(text: string): number {
  const after = rehearsalSeconds(text);
  if (after === undefined) throw new Error(`'${text}' is not a duration such as 5h, 2d or 1d12h (at most 366d)`);
  return after;
}

function window(text: string): [number, number] {
  const [low, high = low] = text.split('-') as [string, string?];
  const range: [number, number] = [seconds(low), seconds(high)];
  if (range[0] > range[1]) throw new Error(`'${text}' runs backwards: give the shorter time first, as in 1d-5d`);
  return range;
}

const count = (value: string): number => {
  if (!/^\d+$/.test(value) || Number(value) > 100_000) throw new Error('expected a whole number of accounts');
  return Number(value);
};

/** An account named by its id or by a profile that stands for it. */
function accountNamed(state: OrgState, name: string): string {
  if (/^\d{12}$/.test(name)) {
    if (!state.Accounts.some((a) => a.Id === name)) throw new ArgParseError(`there is no account ${name} in the world`);
    return name;
  }
  return accountOfProfile(state, name);
}

function show(session: Session, state: OrgState = session.fileStore().read()): Answer {
  const responders: Responder[] = state.Responders ?? [];
  const rows = responders.map((r) => ({ Account: nameOf(state, r.AccountId), Answer: r.Answer, After: r.Answer === 'NEVER' ? '' : `${r.AfterSeconds}s`, Answered: r.Answered.length }));
  return {
    value: { Responders: responders },
    human: () => (responders.length ? recordsTable(rows, ['Account', 'Answer', 'After', 'Answered'], session.width()) : 'No account answers by itself.\n'),
  };
}

function change(session: Session, edit: (state: OrgState, responders: Responder[]) => Responder[]): Answer {
  const changed = session.edit((state) => {
    const next = edit(state, state.Responders ?? []);
    if (next.length) state.Responders = next;
    else delete state.Responders;
    return state;
  });
  return show(session, changed);
}

const set: OwnCommand = {
  name: 'set',
  summary: 'make one account answer by itself: accept or decline this long after a handshake is sent to it, or never',
  arguments: [
    { name: 'account', required: true },
    { name: 'answer', required: true, complete: () => RESPONDER_ANSWERS.map((a) => a.toLowerCase()) },
  ],
  options: [{ flags: '--after <duration>', description: 'how long after the handshake was sent (e.g. 2d, 5h); default at once', parse: seconds }],
  run({ session }, [account, answer], options: { after?: number }) {
    const chosen = answer!.toUpperCase() as ResponderAnswer;
    if (!RESPONDER_ANSWERS.includes(chosen)) throw new ArgParseError(`argument answer: invalid choice: '${answer}' (choose from 'accept', 'decline', 'never')`);
    return change(session, (state, responders) => {
      const id = accountNamed(state, account!);
      return [...responders.filter((r) => r.AccountId !== id), { AccountId: id, Answer: chosen, AfterSeconds: options.after ?? 0, Answered: [] }];
    });
  },
};

const mix: OwnCommand = {
  name: 'mix',
  summary: 'responders for the accounts outside every organization, drawn from the seed: so many accept, so many decline, the rest of those asked for never answer',
  options: [
    { flags: '--accept <n>', description: 'how many accept', parse: count },
    { flags: '--decline <n>', description: 'how many decline', parse: count },
    { flags: '--never <n>', description: 'how many never answer', parse: count },
    { flags: '--within <range>', description: 'when they answer, after the invitation: e.g. 1d-5d (drawn for each)', default: '1d-5d' },
    { flags: '--seed <seed>', description: 'what the accounts and times are drawn from (default ORGSIM_REPLAY or ORGSIM_SEED, else a new one)' },
  ],
  run({ session }, _args, options: { accept?: number; decline?: number; never?: number; within: string; seed?: string }) {
    let within: [number, number];
    try {
      within = window(options.within);
    } catch (error) {
      throw new ArgParseError(`argument --within: ${(error as Error).message}`);
    }
    const wanted = { accept: options.accept ?? 0, decline: options.decline ?? 0, never: options.never ?? 0, within };
    const seed = session.seedOr(options.seed);
    return change(session, (state, responders) => {
      const managers = new Set(state.Organizations.map((o) => o.MasterAccountId));
      const outside = state.Accounts.filter((a) => !a.OrganizationId && !managers.has(a.Id) && a.State === 'ACTIVE').map((a) => a.Id);
      const asked = wanted.accept + wanted.decline + wanted.never;
      if (asked > outside.length) throw new ArgParseError(`${asked} responders asked for, but only ${outside.length} account(s) are outside every organization`);
      const drawn = mixResponders(outside, wanted, seed);
      const mixed = new Set(drawn.map((r) => r.AccountId));
      return [...responders.filter((r) => !mixed.has(r.AccountId)), ...drawn];
    });
  },
};

const clear: OwnCommand = {
  name: 'clear',
  summary: 'no account answers by itself any more (or this one)',
  arguments: [{ name: 'account', required: false }],
  run({ session }, [account]) {
    return change(session, (state, responders) => {
      if (account === undefined) return [];
      const id = accountNamed(state, account);
      return responders.filter((r) => r.AccountId !== id);
    });
  },
};

export const responders: OwnCommand = {
  name: 'responders',
  summary: 'accounts that answer by themselves in world time: per account, or a mix drawn from the seed',
  subcommands: [set, mix, clear],
  run: ({ session }) => show(session),
};
