// `orgsim init [--force] [--scenario NAME] [--accounts N] [--members N] [--feature-set SET]`.
import { ArgParseError } from '../../errors/classes.js';
import { OrganizationFeatureSet } from '../../model/enums.js';
import { buildScenario, MAX_SCENARIO_ACCOUNTS, SCENARIOS, SIZED_SCENARIOS, type ScenarioName, type ScenarioParams } from '../../service/scenarios.js';
import type { OwnCommand } from './command.js';

const NAMES = Object.keys(SCENARIOS);
const FEATURE_SETS = Object.values(OrganizationFeatureSet);

function count(value: string): number {
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(n >= 0 && n <= MAX_SCENARIO_ACCOUNTS)) throw new Error(`'${value}' is not a whole number from 0 to ${MAX_SCENARIO_ACCOUNTS}`);
  return n;
}

function featureSet(value: string): OrganizationFeatureSet {
  if (!(FEATURE_SETS as string[]).includes(value)) throw new Error(`'${value}' is not one of ${FEATURE_SETS.join(', ')}`);
  return value as OrganizationFeatureSet;
}

export const init: OwnCommand = {
  name: 'init',
  summary: 'create the sample world, or a scenario',
  options: [
    { flags: '--force', description: 'replace an existing world' },
    { flags: '--scenario <name>', description: `one of: ${NAMES.join(', ')}`, default: 'sample', values: NAMES },
    { flags: '--accounts <count>', description: `rollout: standalone accounts to invite (0 to ${MAX_SCENARIO_ACCOUNTS}; default 50)`, parse: count },
    { flags: '--members <count>', description: `rollout: accounts already in the organization (0 to ${MAX_SCENARIO_ACCOUNTS}; default 0)`, parse: count },
    { flags: '--feature-set <set>', description: 'rollout: ALL (default) or CONSOLIDATED_BILLING', values: FEATURE_SETS, parse: featureSet },
  ],
  run({ session }, _args, options: { force?: boolean; scenario: string } & ScenarioParams) {
    if (!(options.scenario in SCENARIOS)) {
      throw new ArgParseError(`argument --scenario: Found invalid choice '${options.scenario}' (choose from ${NAMES.join(', ')})\n`);
    }
    const params: ScenarioParams = { accounts: options.accounts, members: options.members, featureSet: options.featureSet };
    const given = Object.entries({ '--accounts': params.accounts, '--members': params.members, '--feature-set': params.featureSet }).filter(([, v]) => v !== undefined);
    if (given.length && !SIZED_SCENARIOS.includes(options.scenario as ScenarioName)) {
      throw new ArgParseError(`${given.map(([k]) => k).join(', ')}: only the ${SIZED_SCENARIOS.join(', ')} scenario takes ${given.length > 1 ? 'these' : 'this'}`);
    }
    const store = session.fileStore();
    if (store.exists() && !options.force) throw new ArgParseError(`a world already exists in ${store.file}; use --force to replace it`);
    const world = buildScenario(options.scenario as ScenarioName, { caller: '', clock: session.clock(), ids: session.ids() }, params);
    store.overwrite(world);
    session.io.stdout(`Created the ${options.scenario} world in ${store.file}: ${SCENARIOS[options.scenario as ScenarioName]}.\n`);
    session.io.stdout(`Profiles: ${world.Profiles.map((p) => p.Name).join(', ')} (see orgsim profiles).\n`);
  },
};
