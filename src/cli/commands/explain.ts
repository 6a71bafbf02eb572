// `orgsim explain [<handshake-id>] [--format text|mermaid]`.
import { ArgParseError, GeneralError } from '../../errors/classes.js';
import { OrganizationsError } from '../../model/errors.js';
import { isPending } from '../../model/enums.js';
import { explainMermaid, explainText, explainTransferMermaid, explainTransferText, plain, type Paint } from '../../output/explain.js';
import { explainTransfer } from '../../service/explain-transfer.js';
import { loadHandlers } from '../../service/operations.js';
import { transferView, transfersOf, sideOf } from '../../service/transfer-records.js';
import { explainHandshake, nameOf } from '../../service/explain.js';
import { isRecipient, organizationOf } from '../../service/world.js';
import { worldNow } from '../../service/context.js';
import type { Session } from '../../app/session.js';
import { peekWorld } from '../../store/peek.js';
import type { OwnCommand } from './command.js';

async function painter(session: Session): Promise<Paint> {
  if (!session.color()) return plain;
  const { Chalk } = await import('chalk');
  // The decision to colour is taken above (terminal, --color, NO_COLOR), not by chalk's detection.
  const c = new Chalk({ level: 1 });
  return { current: (t) => c.bold.inverse(t), dim: (t) => c.dim(t), good: (t) => c.green(t), bad: (t) => c.red(t) };
}

const FORMATS = ['text', 'mermaid'];

/** An id explain cannot find is the learner's mistake, said plainly, not a service call that failed. */
function unknownAs<T>(message: string, explainIt: () => T): T {
  try {
    return explainIt();
  } catch (error) {
    if (error instanceof OrganizationsError && /NotFoundException$/.test(error.code)) throw new GeneralError(message);
    throw error;
  }
}

export const explain: OwnCommand = {
  name: 'explain',
  summary: 'explain a handshake or a billing transfer (or every one the organization has) for a learner',
  arguments: [
    {
      name: 'handshake-id',
      required: false,
      complete: (home) => {
        const world = peekWorld(home);
        return [...(world?.Handshakes ?? []).map((r) => r.Handshake.Id), ...(world?.ResponsibilityTransfers ?? []).map((t) => t.Id)];
      },
    },
  ],
  options: [{ flags: '--format <format>', description: 'text or mermaid', default: 'text', values: FORMATS }],
  async run({ session }, [handshakeId], options: { format: string }) {
    if (!FORMATS.includes(options.format)) throw new ArgParseError(`argument --format: Found invalid choice '${options.format}'\n`);
    const client = session.client();
    const caller = client.callerAccount();
    const state = client.world();
    const ctx = { caller, clock: session.clock(), ids: session.ids() };
    // What may be done to a transfer is tried with its own operations.
    await loadHandlers();
    const credentials = session.credentials();
    const profile = 'profile' in credentials ? credentials.profile : undefined;
    if (handshakeId?.startsWith('rt-')) {
      const x = unknownAs(`There is no billing transfer ${handshakeId} your organization is a party to.`, () => explainTransfer(state, handshakeId, ctx));
      if (options.format === 'mermaid') return void session.io.stdout(explainTransferMermaid(x));
      const paint = await painter(session);
      return { value: x, human: () => explainTransferText(x, paint, profile, session.width()) };
    }
    if (handshakeId) {
      const x = unknownAs(`There is no handshake ${handshakeId} in this world, and its event log does not name one.`, () => explainHandshake(state, handshakeId, ctx));
      if (options.format === 'mermaid') return void session.io.stdout(explainMermaid(x));
      // With --output (or --query), the explanation itself, for a page or a script to draw.
      const paint = await painter(session);
      return { value: x, human: () => explainText(x, paint, profile, session.width()) };
    }
    const org = organizationOf(state, caller);
    const management = org !== undefined && org.MasterAccountId === caller;
    const now = worldNow(state, ctx.clock) / 1000;
    const mine = state.Handshakes.filter((r) => (management ? r.OrganizationId === org.Id : isRecipient(state, r, caller)));
    mine.sort((a, b) => b.Handshake.RequestedTimestamp - a.Handshake.RequestedTimestamp);
    const rows = mine.map((r) => {
      const h = r.Handshake;
      const party = h.Parties.find((p) => p.Type !== 'ORGANIZATION');
      return { Id: h.Id, Action: h.Action, State: h.State, Party: party ? party.Id : '', ExpiresInDays: isPending(h.State) ? Math.max(0, Math.ceil((h.ExpirationTimestamp - now) / 86400)) : null };
    });
    const lines = [`${mine.length} handshake(s) ${management ? `of ${org.Id}` : `for ${nameOf(state, caller)}`}:`];
    for (const row of rows) {
      const left = row.ExpiresInDays === null ? '' : `expires in ${row.ExpiresInDays}d`;
      lines.push(`  ${row.Id}  ${row.Action.padEnd(23)} ${row.State.padEnd(9)} ${row.Party.padEnd(24)} ${left}`.trimEnd());
    }
    const transfers = org && management ? transfersOf(state).filter((t) => sideOf(state, t, org) !== undefined) : [];
    if (transfers.length) lines.push(`${transfers.length} billing transfer(s):`);
    for (const t of transfers) lines.push(`  ${t.Id}  ${sideOf(state, t, org!)!.padEnd(8)} ${t.Status.padEnd(9)} starts ${new Date(t.StartTimestamp * 1000).toISOString().slice(0, 10)}`);
    lines.push(`Run \`orgsim explain <handshake-id>\`${transfers.length ? ' or `orgsim explain <rt-id>`' : ''} for one of them.`);
    const Transfers = org ? transfers.map((t) => transferView(state, t, org)) : [];
    return { value: transfers.length ? { Handshakes: rows, ResponsibilityTransfers: Transfers } : { Handshakes: rows }, human: () => lines.join('\n') + '\n' };
  },
};
