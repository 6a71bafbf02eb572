// `orgsim clock [advance <duration> | set <time> | reset]`.
import { ArgParseError } from '../../errors/classes.js';
import type { OrgState } from '../../model/types.js';
import { MAX_WORLD_TIME_MS } from '../../model/limits.js';
import { advanceClock, describeOffset, parseDuration, resetClock, setClock } from '../../service/clock.js';
import { worldNow } from '../../service/context.js';
import { sweep } from '../../service/lifecycle.js';
import type { Session } from '../../app/session.js';
import type { Answer, OwnCommand } from './command.js';

function change(session: Session, apply: (state: OrgState) => void): Answer {
  const clock = session.clock();
  const state = session.fileStore().transact((s) => {
    apply(s);
    // Checked before anything is stored: a time with no ISO-8601 form would break every later command.
    const worldTime = worldNow(s, clock);
    if (!Number.isSafeInteger(s.ClockOffsetMs) || !(worldTime >= 0 && worldTime <= MAX_WORLD_TIME_MS)) {
      throw new ArgParseError(`the world time would be ${worldTime > 0 ? 'after 9999-12-31T23:59:59Z' : 'before 1970-01-01T00:00:00Z'}; orgsim keeps times between those`);
    }
    // Time has moved: what expired or must be deleted by now goes at once.
    sweep(s, worldNow(s, clock) / 1000, session.ids());
    return { write: true, result: s };
  });
  return show(session, state);
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
