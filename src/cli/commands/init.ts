import { ArgParseError } from '../../errors/cli-errors.js';
import { buildScenario, SCENARIOS, type ScenarioName } from '../../service/scenarios.js';
import type { Session } from '../main.js';
import { ownCommand } from './command.js';

export function initCommand(session: Session) {
  return ownCommand(session, 'init', 'create the sample world, or a scenario')
    .option('--force', 'replace an existing world')
    .option('--scenario <name>', `one of: ${Object.keys(SCENARIOS).join(', ')}`, 'sample')
    .action((options: { force?: boolean; scenario: string }) => {
      if (!(options.scenario in SCENARIOS)) {
        throw new ArgParseError(`argument --scenario: Found invalid choice '${options.scenario}' (choose from ${Object.keys(SCENARIOS).join(', ')})\n`);
      }
      const store = session.fileStore();
      if (store.exists() && !options.force) {
        throw new ArgParseError(`a world already exists in ${store.file}; use --force to replace it`);
      }
      const world = buildScenario(options.scenario as ScenarioName, session.serviceContext(''));
      store.overwrite(world);
      session.io.stdout(`Created the ${options.scenario} world in ${store.file}: ${SCENARIOS[options.scenario as ScenarioName]}.\n`);
      session.io.stdout(`Profiles: ${world.Profiles.map((p) => p.Name).join(', ')} (see orgsim profiles).\n`);
    });
}
