// `orgsim explain [<handshake-id>] [--format text|mermaid]`.
import { ArgParseError } from '../../errors/cli-errors.js';
import { isPending } from '../../model/enums.js';
import { explainHandshake, nameOf } from '../../service/explain.js';
import { isRecipient, organizationOf } from '../../service/world.js';
import { explainMermaid, explainText, plain, type Paint } from '../explain-render.js';
import type { Session } from '../main.js';
import { ownCommand } from './command.js';

async function painter(session: Session): Promise<Paint> {
  if (!session.tableColor()) return plain;
  const { Chalk } = await import('chalk');
  // The decision to colour is taken above (terminal, --color, NO_COLOR), not by chalk's detection.
  const c = new Chalk({ level: 1 });
  return { current: (t) => c.bold.inverse(t), dim: (t) => c.dim(t), good: (t) => c.green(t), bad: (t) => c.red(t) };
}

export function explainCommand(session: Session) {
  return ownCommand(session, 'explain', 'explain a handshake (or every handshake of the organization) for a learner')
    .argument('[handshake-id]')
    .option('--format <format>', 'text or mermaid', 'text')
    .action(async (handshakeId: string | undefined, options: { format: string }) => {
      if (options.format !== 'text' && options.format !== 'mermaid') throw new ArgParseError(`argument --format: Found invalid choice '${options.format}'\n`);
      const client = session.client();
      const caller = client.callerAccount();
      const ctx = session.serviceContext(caller);
      const { currentWorld } = await import('../../service/runner.js');
      const state = currentWorld(session.fileStore(), ctx.clock);
      if (handshakeId) {
        const x = explainHandshake(state, handshakeId, ctx);
        session.io.stdout(options.format === 'mermaid' ? explainMermaid(x) : explainText(x, await painter(session)));
        return;
      }
      const org = organizationOf(state, caller);
      const mine = state.Handshakes.filter((r) => (org && org.MasterAccountId === caller ? r.OrganizationId === org.Id : isRecipient(state, r, caller)));
      const lines = [`${mine.length} handshake(s) ${org && org.MasterAccountId === caller ? `of ${org.Id}` : `for ${nameOf(state, caller)}`}:`];
      for (const r of mine.sort((a, b) => b.Handshake.RequestedTimestamp - a.Handshake.RequestedTimestamp)) {
        const h = r.Handshake;
        const party = h.Parties.find((p) => p.Type !== 'ORGANIZATION');
        const left = isPending(h.State) ? `expires in ${Math.max(0, Math.ceil((h.ExpirationTimestamp - ctx.clock.now() / 1000) / 86400))}d` : '';
        lines.push(`  ${h.Id}  ${h.Action.padEnd(20)} ${h.State.padEnd(9)} ${(party ? party.Id : '').padEnd(24)} ${left}`.trimEnd());
      }
      lines.push('Run `orgsim explain <handshake-id>` for one of them.');
      session.io.stdout(lines.join('\n') + '\n');
    });
}
