// `orgsim status [--watch]`: the rollout at a glance, per organization; --watch draws it again
// whenever the world changes (from another shell, or through orgsim serve) or time moves it on.
import { fileIdentity } from '../../store/file-identity.js';
import { statusText } from '../../output/status.js';
import { worldNow } from '../../service/context.js';
import { rolloutStatus } from '../../service/status.js';
import type { Session } from '../../app/session.js';
import type { Answer, CommandContext, OwnCommand } from './command.js';

/** How often --watch looks at the state file, and how often it redraws anyway (time left moves). */
const LOOK_MS = 250;
const REDRAW_MS = 30_000;

function answer(session: Session): Answer {
  const state = session.world();
  const value = rolloutStatus(state, worldNow(state, session.clock()) / 1000);
  return { value, human: () => statusText(value, session.width()) };
}

async function watch(ctx: CommandContext): Promise<void> {
  const { session, out } = ctx;
  const file = session.fileStore().file;
  let stopped = false;
  const stop = () => (stopped = true);
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    while (!stopped) {
      const seen = fileIdentity(file);
      const a = answer(session);
      if (!out.asked) session.io.stdout((session.io.stdoutIsTTY ? '\x1b[2J\x1b[H' : '') + (await a.human!()));
      else await out.print(a.value);
      session.io.flush?.();
      for (let waited = 0; !stopped && waited < REDRAW_MS && fileIdentity(file) === seen; waited += LOOK_MS) await new Promise((r) => setTimeout(r, LOOK_MS));
    }
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

export const status: OwnCommand = {
  name: 'status',
  summary: 'the rollout at a glance: members, invitations and who has not answered, the all-features migration, transfers',
  options: [{ flags: '--watch', description: 'draw it again whenever the world changes, until interrupted' }],
  async run(ctx, _args, options: { watch?: boolean }) {
    if (options.watch) return watch(ctx);
    return answer(ctx.session);
  },
};
