// `orgsim explain [<handshake-id>] [--format text|mermaid]`.
import { ArgParseError } from '../../errors/classes.js';
import { isPending } from '../../model/enums.js';
import { explainMermaid, explainText, plain, type Paint } from '../../output/explain.js';
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

export const explain: OwnCommand = {
  name: 'explain',
  summary: 'explain a handshake (or every handshake of the organization) for a learner',
  arguments: [{ name: 'handshake-id', required: false, complete: (home) => (peekWorld(home)?.Handshakes ?? []).map((r) => r.Handshake.Id) }],
  options: [{ flags: '--format <format>', description: 'text or mermaid', default: 'text', values: FORMATS }],
  async run({ session }, [handshakeId], options: { format: string }) {
    if (!FORMATS.includes(options.format)) throw new ArgParseError(`argument --format: Found invalid choice '${options.format}'\n`);
    const client = session.client();
    const caller = client.callerAccount();
    const state = client.world();
    const ctx = { caller, clock: session.clock(), ids: session.ids() };
    if (handshakeId) {
      const x = explainHandshake(state, handshakeId, ctx);
      session.io.stdout(options.format === 'mermaid' ? explainMermaid(x) : explainText(x, await painter(session)));
      return;
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
      lines.push(`  ${row.Id}  ${row.Action.padEnd(20)} ${row.State.padEnd(9)} ${row.Party.padEnd(24)} ${left}`.trimEnd());
    }
    lines.push('Run `orgsim explain <handshake-id>` for one of them.');
    return { value: { Handshakes: rows }, human: () => lines.join('\n') + '\n' };
  },
};
