// Preferences in config.json (written by `orgsim configure` through conf). Reading them is on
// every command's path, so it is a plain file read rather than loading conf.
import { readBounded } from '../store/read-file.js';
import { join } from 'node:path';
import { CONFIG_FILE } from '../store/paths.js';

export interface Preferences {
  output?: string;
  profile?: string;
}

export function readPreferences(home: string): Preferences {
  try {
    const parsed = JSON.parse(readBounded(join(home, CONFIG_FILE), { maxBytes: 1024 * 1024, regularOnly: true }).toString('utf8')) as unknown;
    if (typeof parsed !== 'object' || parsed === null) return {};
    const { output, profile } = parsed as Record<string, unknown>;
    return { output: typeof output === 'string' ? output : undefined, profile: typeof profile === 'string' ? profile : undefined };
  } catch {
    return {};
  }
}
