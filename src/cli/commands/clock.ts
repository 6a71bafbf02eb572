// `orgsim clock [advance <duration> | set <time> | reset]`.
import { ArgParseError } from '../../errors/classes.js';
import type { OrgState } from '../../model/types.js';
import { advanceClock, describeOffset, parseDuration, resetClock, setClock } from '../../service/clock.js';
import { worldNow } from '../../service/context.js';
import { moveClock } from '../../app/world-clock.js';
import type { Session } from '../../app/session.js';
import type { Answer, OwnCommand } from './command.js';

function change(session: Session, apply: (state: OrgState) => void): Answer {
  return show(session, moveClock(session.fileStore(), session.clock(), session.ids(), apply));
}

function show(session: Session, state: OrgState = session.fileStore().read()): Answer {
  const clock = session.clock();
  const world = new Date(worldNow(state, clock)).toISOString();
  const pinned = clock.pinned ? ` (pinned by ORGSIM_NOW; the world's own clock is ${describeOffset(state.ClockOffsetMs)})` : ` (${describeOffset(state.ClockOffsetMs)})`;
  return {
    value: { WorldTime: world, OffsetSeconds: state.ClockOffsetMs / 1000, PinnedByOrgsimNow: clock.pinned === true },
    human: () => `World time: ${world}${pinned}\n`,
  };
}

export const clock: OwnCommand = {
  name: 'clock',
  summary: "show or move the world's clock",
  run: ({ session }) => show(session),
  subcommands: [
    {
      name: 'advance',
      summary: 'move the clock forward: 16d, 3h, 90m',
      arguments: [{ name: 'duration', required: true }],
      run({ session }, [duration]) {
        const ms = parseDuration(duration!);
        if (ms === undefined) throw new ArgParseError(`argument duration: invalid duration '${duration}' (use e.g. 16d, 3h, 90m)`);
        return change(session, (state) => advanceClock(state, ms));
      },
    },
    {
      name: 'set',
      summary: 'set the world time, e.g. 2026-12-31T00:00:00Z',
      arguments: [{ name: 'time', required: true }],
      run({ session }, [time]) {
        const ms = Date.parse(time!);
        if (Number.isNaN(ms) || !/^\d{4}-\d{2}-\d{2}/.test(time!)) throw new ArgParseError(`argument time: invalid ISO-8601 time '${time}'`);
        return change(session, (state) => setClock(state, ms, Date.now()));
      },
    },
    { name: 'reset', summary: 'back to real time', run: ({ session }) => change(session, resetClock) },
  ],
};
