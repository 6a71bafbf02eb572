// `orgsim clock [advance <duration> | set <time> | reset]`.
import { ArgParseError } from '../../errors/classes.js';
import type { OrgState } from '../../model/types.js';
import { advanceClock, describeOffset, parseDuration, rehearsalSeconds, resetClock, setClock } from '../../service/clock.js';
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
  const step = state.ClockStepSeconds ?? 0;
  return {
    value: { WorldTime: world, OffsetSeconds: state.ClockOffsetMs / 1000, PinnedByOrgsimNow: clock.pinned === true, ...(step ? { StepSeconds: step } : {}) },
    human: () => `World time: ${world}${pinned}\n` + (step ? `Every call moves it on by ${step} s (orgsim clock step off stops that).\n` : ''),
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
        // The offset is from the clock the world runs on: the machine's, or a replay's fixed start
        // (a pinned ORGSIM_NOW is no such clock: the offset stays one from the machine's).
        const clock = session.clock();
        return change(session, (state) => setClock(state, ms, clock.pinned ? Date.now() : clock.now()));
      },
    },
    { name: 'reset', summary: 'back to real time', run: ({ session }) => change(session, resetClock) },
    {
      name: 'step',
      summary: 'let world time run by itself: every call to the service moves it on by this much (off: no more)',
      arguments: [{ name: 'duration', required: true }],
      run({ session }, [duration]) {
        const step = duration === 'off' ? 0 : rehearsalSeconds(duration!);
        if (step === undefined) throw new ArgParseError(`argument duration: invalid step '${duration}' (use e.g. 1h, 6h or 1d, at most 366d, or off)`);
        return change(session, (state) => {
          if (step) state.ClockStepSeconds = step;
          else delete state.ClockStepSeconds;
        });
      },
    },
  ],
};
