// `orgsim world export` and `orgsim world import FILE`: a whole world, checked before it replaces one.
import { readBounded } from '../../store/read-file.js';
import { MAX_STATE_BYTES } from '../../store/limits.js';
import { join, resolve } from 'node:path';
import { STATE_FILE } from '../../store/paths.js';
import type { OrgState } from '../../model/types.js';
import { loadWorld } from '../../store/schema.js';
import { ConfigurationError } from '../../errors/classes.js';
import type { OwnCommand } from './command.js';
import { MAX_DELAY_SECONDS } from '../../model/limits.js';

async function checkWorld(text: string, file: string): Promise<OrgState> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ConfigurationError(`${file} is not valid JSON (${(error as Error).message}); nothing was imported.`);
  }
  const { state } = loadWorld(parsed, file);
  const { worldSchema, referenceProblems } = await import('../../store/world-schema.js');
  const result = worldSchema.safeParse(state);
  if (!result.success) {
    const problems = result.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`);
    throw new ConfigurationError(`${file} is not a valid orgsim world; nothing was imported:\n  ${problems.join('\n  ')}`);
  }
  const broken = referenceProblems(result.data);
  if (broken.length) throw new ConfigurationError(`${file} is not a consistent orgsim world; nothing was imported:\n  ${broken.slice(0, 5).join('\n  ')}`);
  return state;
}

function delay(value: string): number {
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(n >= 0 && n <= MAX_DELAY_SECONDS)) throw new Error(`'${value}' is not a whole number of seconds from 0 to ${MAX_DELAY_SECONDS}`);
  return n;
}

export const world: OwnCommand = {
  name: 'world',
  summary: 'where the world is, how long accounts take to create and close, and export or import it whole',
  subcommands: [
    {
      name: 'path',
      summary: 'print where the state file is (ORGSIM_HOME chooses the directory)',
      run({ session }) {
        session.io.stdout(join(session.home, STATE_FILE) + '\n');
      },
    },
    {
      name: 'delays',
      summary: 'show or set how long, in world time, account creation and closure take (default 0: done by the next call)',
      options: [
        { flags: '--create-account <seconds>', description: `seconds until a create-account request SUCCEEDs or FAILs (0 to ${MAX_DELAY_SECONDS})`, parse: delay },
        { flags: '--close-account <seconds>', description: `seconds until a closed account is CLOSED (0 to ${MAX_DELAY_SECONDS})`, parse: delay },
      ],
      run({ session }, _args, options: { createAccount?: number; closeAccount?: number }) {
        const change = options.createAccount !== undefined || options.closeAccount !== undefined;
        const delays = change
          ? session.edit((state) => {
              const next = { ...state.Delays };
              if (options.createAccount !== undefined) next.CreateAccountSeconds = options.createAccount;
              if (options.closeAccount !== undefined) next.CloseAccountSeconds = options.closeAccount;
              return (state.Delays = next);
            })
          : (session.fileStore().read().Delays ?? {});
        const value = { Delays: { CreateAccountSeconds: delays.CreateAccountSeconds ?? 0, CloseAccountSeconds: delays.CloseAccountSeconds ?? 0 } };
        return { value, human: () => `create-account takes ${value.Delays.CreateAccountSeconds} s, close-account ${value.Delays.CloseAccountSeconds} s of world time.\n` };
      },
    },
    {
      name: 'export',
      summary: 'print the world as JSON',
      run({ session }) {
        session.io.stdout(JSON.stringify(session.fileStore().read(), null, 2) + '\n');
      },
    },
    {
      name: 'import',
      summary: 'replace the world with one exported before (checked first; all or nothing)',
      arguments: [{ name: 'file', required: true }],
      async run({ session }, [file]) {
        let text: string;
        try {
          text = readBounded(resolve(session.io.cwd, file!), { maxBytes: MAX_STATE_BYTES }).toString('utf8');
        } catch (error) {
          throw new ConfigurationError(`Cannot read ${file}: ${(error as Error).message}`);
        }
        const state = await checkWorld(text, file!);
        session.fileStore().overwrite(state);
        session.io.stdout(`Imported ${file}: ${state.Organizations.length} organization(s), ${state.Accounts.length} account(s), ${state.Handshakes.length} handshake(s).\n`);
      },
    },
  ],
};
