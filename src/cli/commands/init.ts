import { ArgParseError } from '../../errors/cli-errors.js';
import { sampleWorld } from '../../service/sample-world.js';
import type { Session } from '../main.js';
import { ownCommand } from './command.js';

export function initCommand(session: Session) {
  return ownCommand(session, 'init', 'create the sample world')
    .option('--force', 'replace an existing world')
    .action((options: { force?: boolean }) => {
      const store = session.fileStore();
      if (store.exists() && !options.force) {
        throw new ArgParseError(`a world already exists in ${store.file}; use --force to replace it`);
      }
      store.overwrite(sampleWorld(session.clock().now() / 1000));
      session.io.stdout(`Created the sample world in ${store.file}\n`);
    });
}
