// `orgsim configure set|get <key>`: preferences kept in config.json with conf.
import { ArgParseError, ConfigurationError } from '../../errors/classes.js';
import { OUTPUT_FORMATS } from '../../output/render.js';
import { makeDirectory } from '../../store/make-dir.js';
import { CONFIG_FILE } from '../../store/paths.js';
import type { Session } from '../../app/session.js';
import type { OwnCommand } from './command.js';

const KEYS = ['output', 'profile'] as const;

function checkKey(key: string): void {
  if (!(KEYS as readonly string[]).includes(key)) throw new ArgParseError(`unknown preference '${key}' (known: ${KEYS.join(', ')})`);
}

async function openConfig(session: Session) {
  // conf would create the directory with the default mode; orgsim's home is private.
  try {
    makeDirectory(session.home, 0o700);
  } catch (error) {
    throw new ConfigurationError(`Cannot use ${session.home} as orgsim's home: ${(error as Error).message}`);
  }
  const { default: Conf } = await import('conf');
  return new Conf<Record<string, string>>({ cwd: session.home, configName: CONFIG_FILE.replace(/\.json$/, ''), projectName: 'orgsim', configFileMode: 0o600 });
}

const key = { name: 'key', required: true, complete: () => [...KEYS] };

export const configure: OwnCommand = {
  name: 'configure',
  summary: 'store default preferences (output format, profile)',
  subcommands: [
    {
      name: 'set',
      summary: 'set a preference',
      arguments: [key, { name: 'value', required: true }],
      async run({ session }, [name, value]) {
        checkKey(name!);
        if (name === 'output' && !(OUTPUT_FORMATS as readonly string[]).includes(value!)) {
          throw new ArgParseError(`output must be one of: ${OUTPUT_FORMATS.join(', ')}`);
        }
        (await openConfig(session)).set(name!, value!);
      },
    },
    {
      name: 'get',
      summary: 'print a preference',
      arguments: [key],
      async run({ session }, [name]) {
        checkKey(name!);
        const value = (await openConfig(session)).get(name!);
        if (value !== undefined) session.io.stdout(`${value}\n`);
      },
    },
  ],
};
