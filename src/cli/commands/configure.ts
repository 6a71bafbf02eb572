// `orgsim configure set|get <key>`: preferences kept in config.json with conf.
import { makeDirectory } from '../../store/make-dir.js';
import { StoreError } from '../../store/store-error.js';
import { ArgParseError } from '../../errors/cli-errors.js';
import { OUTPUT_FORMATS } from '../../output/render.js';
import { CONFIG_FILE } from '../../store/paths.js';
import type { Session } from '../main.js';
import { ownCommand } from './command.js';

const KEYS = ['output', 'profile'] as const;

function checkKey(key: string): void {
  if (!(KEYS as readonly string[]).includes(key)) throw new ArgParseError(`unknown preference '${key}' (known: ${KEYS.join(', ')})`);
}

async function openConfig(session: Session) {
  // conf would create the directory with the default mode; orgsim's home is private.
  try {
    makeDirectory(session.home, 0o700);
  } catch (error) {
    throw new StoreError(`Cannot use ${session.home} as orgsim's home: ${(error as Error).message}`);
  }
  const { default: Conf } = await import('conf');
  return new Conf<Record<string, string>>({ cwd: session.home, configName: CONFIG_FILE.replace(/\.json$/, ''), projectName: 'orgsim', configFileMode: 0o600 });
}

export function configureCommand(session: Session) {
  const configure = ownCommand(session, 'configure', 'store default preferences (output format, profile)');
  configure.addCommand(
    ownCommand(session, 'set', 'set a preference')
      .argument('<key>')
      .argument('<value>')
      .action(async (key: string, value: string) => {
        checkKey(key);
        if (key === 'output' && !(OUTPUT_FORMATS as readonly string[]).includes(value)) {
          throw new ArgParseError(`output must be one of: ${OUTPUT_FORMATS.join(', ')}`);
        }
        (await openConfig(session)).set(key, value);
      }),
  );
  configure.addCommand(
    ownCommand(session, 'get', 'print a preference')
      .argument('<key>')
      .action(async (key: string) => {
        checkKey(key);
        const value = (await openConfig(session)).get(key);
        if (value !== undefined) session.io.stdout(`${value}\n`);
      }),
  );
  return configure;
}
