// `orgsim faults [set KIND ... | clear [KIND]]`: the faults a rehearsal switches on, kept in the
// world so that the CLI and orgsim serve obey the same ones (ORGSIM_FAULTS replaces them for one
// process). Changing them starts the count of calls again: the same seed and the same calls
// give the same faults.
import { ArgParseError } from '../../errors/classes.js';
import { FAULT_KINDS, ruleKey, type FaultRule, type WorldFaults } from '../../model/rehearsal.js';
import { describeRule, faultRule, FaultSpecError } from '../../service/faults.js';
import type { Session } from '../../app/session.js';
import type { Answer, OwnCommand } from './command.js';

function show(session: Session, faults: WorldFaults | undefined = session.fileStore().read().Faults): Answer {
  const fromEnv = session.processFaults();
  const rules = faults?.Rules ?? [];
  const value = {
    Seed: fromEnv?.seed ?? faults?.Seed ?? null,
    Rules: rules.map((rule) => ({ ...rule, Spec: describeRule(rule) })),
    CallsCounted: faults?.Calls ?? 0,
    ...(fromEnv ? { FromOrgsimFaults: fromEnv.rules.map(describeRule) } : {}),
  };
  const human = () => {
    const lines = rules.length ? [`Faults (seed ${faults!.Seed}, ${faults!.Calls} call(s) counted since they were set):`, ...rules.map((r) => `  ${describeRule(r)}`)] : ['No faults are switched on in the world.'];
    if (fromEnv) lines.push(`ORGSIM_FAULTS replaces them in this process: ${fromEnv.rules.map(describeRule).join('; ') || '(none)'}`);
    return lines.join('\n') + '\n';
  };
  return { value, human };
}

/** The world's faults with `change` made to their rules, counted again from the first call. */
function change(session: Session, seed: string | undefined, edit: (rules: FaultRule[]) => FaultRule[]): Answer {
  const faults = session.edit((state) => {
    const rules = edit(state.Faults?.Rules ?? []);
    const kept = session.seedOr(seed ?? state.Faults?.Seed);
    if (rules.length) state.Faults = { Seed: kept, Rules: rules, Calls: 0, Matched: {} };
    else delete state.Faults;
    return state.Faults;
  });
  return show(session, faults);
}

const set: OwnCommand = {
  name: 'set',
  summary: `switch a fault on, or change it: ${FAULT_KINDS.join(', ')}`,
  arguments: [{ name: 'kind', required: true, complete: () => [...FAULT_KINDS] }],
  options: [
    { flags: '--rate <share>', description: 'strike this share of the calls it applies to (0 to 1), drawn from the seed' },
    { flags: '--every <n>', description: 'strike every Nth call it applies to' },
    { flags: '--operations <names>', description: 'only these operations (comma-separated; CLI or API names); default all it can apply to' },
    { flags: '--type <type>', description: "throttle: the Type member of TooManyRequestsException (the service's is not documented)" },
    { flags: '--ms <milliseconds>', description: 'latency: how long orgsim serve waits before it answers' },
    { flags: '--seed <seed>', description: 'what rates are drawn from (default: the one kept, ORGSIM_REPLAY or ORGSIM_SEED, else a new one)' },
  ],
  run({ session }, [kind], options: { rate?: string; every?: string; operations?: string; type?: string; ms?: string; seed?: string }) {
    let rule: FaultRule;
    try {
      rule = faultRule(kind!, { rate: options.rate, every: options.every, operations: options.operations, type: options.type, latency: options.ms });
    } catch (error) {
      if (error instanceof FaultSpecError) throw new ArgParseError(error.message);
      throw error;
    }
    return change(session, options.seed, (rules) => [...rules.filter((r) => ruleKey(r) !== ruleKey(rule)), rule]);
  },
};

const clear: OwnCommand = {
  name: 'clear',
  summary: 'switch every fault off, or those of one kind',
  arguments: [{ name: 'kind', required: false, complete: () => [...FAULT_KINDS] }],
  run({ session }, [kind]) {
    if (kind !== undefined && !(FAULT_KINDS as readonly string[]).includes(kind)) throw new ArgParseError(`unknown fault '${kind}' (one of: ${FAULT_KINDS.join(', ')})`);
    return change(session, undefined, (rules) => (kind === undefined ? [] : rules.filter((r) => r.Kind !== kind)));
  },
};

export const faults: OwnCommand = {
  name: 'faults',
  summary: 'show, switch on or clear the faults a rehearsal injects: throttling, conflicts, service errors, empty pages, repeated tokens, latency',
  subcommands: [set, clear],
  run: ({ session }) => show(session),
};
