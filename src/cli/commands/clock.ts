// `orgsim clock [advance <duration> | set <time> | reset]`.
import { ArgParseError } from '../../errors/cli-errors.js';
import { advanceClock, describeOffset, parseDuration, resetClock, setClock } from '../../service/clock.js';
import { sweep } from '../../service/lifecycle.js';
import type { Session } from '../main.js';
import { ownCommand } from './command.js';

function change(session: Session, apply: (state: Parameters<typeof advanceClock>[0]) => void): void {
  const clock = session.clock();
  session.fileStore().transact((state) => {
    apply(state);
    clock.attach(state);
    // Time has moved: what expired or must be deleted by now goes at once.
    sweep(state, clock.now() / 1000);
    return { write: true, result: undefined };
  });
  show(session);
}

function show(session: Session): void {
  const clock = session.clock();
  const state = session.fileStore().read();
  clock.attach(state);
  const world = new Date(clock.now()).toISOString();
  if (session.chosenOutput() === 'json') {
    session.io.stdout(JSON.stringify({ WorldTime: world, OffsetSeconds: state.ClockOffsetMs / 1000, PinnedByOrgsimNow: clock.isPinned }, null, 4) + '\n');
    return;
  }
  const pinned = clock.isPinned ? ` (pinned by ORGSIM_NOW; the world's own clock is ${describeOffset(state.ClockOffsetMs)})` : ` (${describeOffset(state.ClockOffsetMs)})`;
  session.io.stdout(`World time: ${world}${pinned}\n`);
}

export function clockCommand(session: Session) {
  const clock = ownCommand(session, 'clock', "show or move the world's clock").action(() => show(session));
  clock.addCommand(
    ownCommand(session, 'advance', 'move the clock forward: 16d, 3h, 90m')
      .argument('<duration>')
      .action((duration: string) => {
        const ms = parseDuration(duration);
        if (ms === undefined) throw new ArgParseError(`argument duration: invalid duration '${duration}' (use e.g. 16d, 3h, 90m)`);
        change(session, (state) => advanceClock(state, ms));
      }),
  );
  clock.addCommand(
    ownCommand(session, 'set', 'set the world time, e.g. 2026-12-31T00:00:00Z')
      .argument('<time>')
      .action((time: string) => {
        const ms = Date.parse(time);
        if (Number.isNaN(ms) || !/^\d{4}-\d{2}-\d{2}/.test(time)) throw new ArgParseError(`argument time: invalid ISO-8601 time '${time}'`);
        change(session, (state) => setClock(state, ms, session.clock().realNow()));
      }),
  );
  clock.addCommand(ownCommand(session, 'reset', 'back to real time').action(() => change(session, resetClock)));
  return clock;
}
