// `orgsim world export` and `orgsim world import FILE`: a whole world, checked before it replaces one.
import { readBounded } from '../../store/read-file.js';
import { MAX_STATE_BYTES } from '../../store/limits.js';
import { join, resolve } from 'node:path';
import { STATE_FILE } from '../../store/paths.js';
import type { OrgState } from '../../model/types.js';
import { loadWorld } from '../../store/schema.js';
import { ConfigurationError } from '../../errors/classes.js';
import type { OwnCommand } from './command.js';

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

export const world: OwnCommand = {
  name: 'world',
  summary: 'export or import the whole world',
  subcommands: [
    {
      name: 'path',
      summary: 'print where the state file is (ORGSIM_HOME chooses the directory)',
      run({ session }) {
        session.io.stdout(join(session.home, STATE_FILE) + '\n');
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
