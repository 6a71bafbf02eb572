// `orgsim init [--force] [--scenario NAME]`.
import { ArgParseError } from '../../errors/classes.js';
import { buildScenario, SCENARIOS, type ScenarioName } from '../../service/scenarios.js';
import type { OwnCommand } from './command.js';

const NAMES = Object.keys(SCENARIOS);

export const init: OwnCommand = {
  name: 'init',
  summary: 'create the sample world, or a scenario',
  options: [
    { flags: '--force', description: 'replace an existing world' },
    { flags: '--scenario <name>', description: `one of: ${NAMES.join(', ')}`, default: 'sample', values: NAMES },
  ],
  run({ session }, _args, options: { force?: boolean; scenario: string }) {
    if (!(options.scenario in SCENARIOS)) {
      throw new ArgParseError(`argument --scenario: Found invalid choice '${options.scenario}' (choose from ${NAMES.join(', ')})\n`);
    }
    const store = session.fileStore();
    if (store.exists() && !options.force) throw new ArgParseError(`a world already exists in ${store.file}; use --force to replace it`);
    const world = buildScenario(options.scenario as ScenarioName, { caller: '', clock: session.clock(), ids: session.ids() });
    store.overwrite(world);
    session.io.stdout(`Created the ${options.scenario} world in ${store.file}: ${SCENARIOS[options.scenario as ScenarioName]}.\n`);
    session.io.stdout(`Profiles: ${world.Profiles.map((p) => p.Name).join(', ')} (see orgsim profiles).\n`);
  },
};
