// `orgsim world export` and `orgsim world import FILE`: a whole world, checked before it replaces one.
import { readBounded } from '../../store/read-file.js';
import { MAX_STATE_BYTES } from '../../store/limits.js';
import { join, resolve } from 'node:path';
import { STATE_FILE } from '../../store/paths.js';
import type { OrgState } from '../../model/types.js';
import { loadWorld } from '../../store/schema.js';
import { ConfigurationError } from '../../errors/classes.js';
import type { OwnCommand } from './command.js';
import type { Session } from '../../app/session.js';
import type { WorldChange } from '../../model/diff.js';
import { diffWorlds } from '../../service/diff.js';
import { checkCheckpointName, listCheckpoints, readCheckpoint, saveCheckpoint } from '../../store/checkpoints.js';
import { recordsTable } from '../../output/records.js';
import { MAX_DELAY_SECONDS } from '../../model/limits.js';

async function checkWorld(text: string, file: string, outcome: string): Promise<OrgState> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ConfigurationError(`${file} is not valid JSON (${(error as Error).message}); ${outcome}.`);
  }
  const { state } = loadWorld(parsed, file);
  const { worldSchema, referenceProblems } = await import('../../store/world-schema.js');
  const result = worldSchema.safeParse(state);
  if (!result.success) {
    const problems = result.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`);
    throw new ConfigurationError(`${file} is not a valid orgsim world; ${outcome}:\n  ${problems.join('\n  ')}`);
  }
  const broken = referenceProblems(result.data);
  if (broken.length) throw new ConfigurationError(`${file} is not a consistent orgsim world; ${outcome}:\n  ${broken.slice(0, 5).join('\n  ')}`);
  return state;
}

function delay(value: string): number {
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(n >= 0 && n <= MAX_DELAY_SECONDS)) throw new Error(`'${value}' is not a whole number of seconds from 0 to ${MAX_DELAY_SECONDS}`);
  return n;
}

/** A world in a file, checked whole; `outcome` says what a bad one means for the command. */
async function worldFile(session: Session, file: string, outcome: string): Promise<OrgState> {
  let text: string;
  try {
    text = readBounded(resolve(session.io.cwd, file), { maxBytes: MAX_STATE_BYTES }).toString('utf8');
  } catch (error) {
    throw new ConfigurationError(`Cannot read ${file}: ${(error as Error).message}`);
  }
  return checkWorld(text, file, outcome);
}

/** A world named on the command line: `current` (as of now), a checkpoint, or a file (a path with a / or ending .json). */
async function namedWorld(session: Session, name: string): Promise<OrgState> {
  if (name === 'current') return session.world();
  if (name.includes('/') || name.endsWith('.json')) return worldFile(session, name, 'nothing was compared');
  return readCheckpoint(session.home, name);
}

function diffLine(change: WorldChange): string {
  const arrow = change.Before === null ? `(none) -> ${change.After}` : change.After === null ? `${change.Before} -> (none)` : `${change.Before} -> ${change.After}`;
  return `${change.Change}: ${change.Subject}: ${arrow}`;
}

const checkpoint = { name: 'name', required: true, complete: (home: string) => listCheckpoints(home).map((c) => c.Name) };

export const world: OwnCommand = {
  name: 'world',
  summary: 'where the world is, how long accounts take to create and close, export or import it whole, checkpoints and their differences',
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
        const state = await worldFile(session, file!, 'nothing was imported');
        session.fileStore().overwrite(state);
        session.io.stdout(`Imported ${file}: ${state.Organizations.length} organization(s), ${state.Accounts.length} account(s), ${state.Handshakes.length} handshake(s).\n`);
      },
    },
    {
      name: 'save',
      summary: 'keep the world as it is now as a checkpoint of this name (replacing one of that name)',
      arguments: [checkpoint],
      run({ session }, [name]) {
        checkCheckpointName(name!);
        // As of now: what time has done by now (expiry, the responders' answers) is in it.
        const state = session.world();
        saveCheckpoint(session.home, name!, state);
        return { value: { Saved: name }, human: () => `Saved the world as checkpoint ${name}.\n` };
      },
    },
    {
      name: 'restore',
      summary: 'replace the world with a checkpoint (all or nothing)',
      arguments: [checkpoint],
      run({ session }, [name]) {
        const state = readCheckpoint(session.home, name!);
        session.fileStore().overwrite(state);
        return { value: { Restored: name }, human: () => `Restored checkpoint ${name}: ${state.Organizations.length} organization(s), ${state.Accounts.length} account(s), ${state.Handshakes.length} handshake(s).\n` };
      },
    },
    {
      name: 'list',
      summary: 'the checkpoints kept',
      async run({ session }) {
        const checkpoints = listCheckpoints(session.home);
        return { value: { Checkpoints: checkpoints }, human: async () => (checkpoints.length ? recordsTable(checkpoints, ['Name', 'SavedAt', 'Bytes'], session.width()) : 'No checkpoints (orgsim world save NAME keeps one).\n') };
      },
    },
    {
      name: 'diff',
      summary: "what changed from one world to another, in the service's terms: checkpoints, files, or current (the default second)",
      arguments: [
        { name: 'before', required: true, complete: checkpoint.complete },
        { name: 'after', required: false, complete: checkpoint.complete },
      ],
      options: [
        { flags: '--ids', description: 'compare ids too (by default new ids of a rerun are no change)' },
        { flags: '--times', description: 'compare times too (by default a rerun at another time is no change)' },
      ],
      async run({ session }, [before, after = 'current'], options: { ids?: boolean; times?: boolean }) {
        const changes = diffWorlds(await namedWorld(session, before!), await namedWorld(session, after), options);
        return { value: { Changes: changes }, human: () => (changes.length ? changes.map(diffLine).join('\n') + '\n' : `No differences between ${before} and ${after}.\n`) };
      },
    },
  ],
};
