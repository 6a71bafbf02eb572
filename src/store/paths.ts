// Where orgsim keeps its files: ORGSIM_HOME, else the platform's config directory
// (as env-paths names it, without the "-nodejs" suffix).
import { createRequire } from 'node:module';
import { join } from 'node:path';

export function orgsimHome(env: NodeJS.ProcessEnv): string {
  if (env.ORGSIM_HOME) return env.ORGSIM_HOME;
  // node:os is loaded only without HOME: loading it costs every command start-up time.
  const home = env.HOME || (createRequire('/')('node:os') as typeof import('node:os')).homedir();
  if (process.platform === 'darwin') return join(home, 'Library', 'Preferences', 'orgsim');
  if (process.platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), 'orgsim', 'Config');
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'orgsim');
}

export const STATE_FILE = 'state.json';
export const CONFIG_FILE = 'config.json';
