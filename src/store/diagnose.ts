// What is wrong with a world file, if anything: JSON, schema version, the full shape, references.
import { statSync } from 'node:fs';
import { FileReadError, readBounded } from './read-file.js';
import { MAX_STATE_BYTES } from './limits.js';
import type { OrgState } from '../model/types.js';
import { loadWorld } from './schema.js';

export interface Diagnosis {
  file: string;
  exists: boolean;
  problems: string[];
  state?: OrgState;
  modified?: Date;
}

/** Reads and checks `file`. The full check needs zod, which is loaded only here (it costs ~90 ms). */
export async function diagnose(file: string): Promise<Diagnosis> {
  let text: string;
  let modified: Date;
  try {
    text = readBounded(file, { maxBytes: MAX_STATE_BYTES, regularOnly: true }).toString('utf8');
    modified = statSync(file).mtime;
  } catch (error) {
    const missing = (error as FileReadError).code === 'ENOENT';
    return { file, exists: !missing, problems: missing ? [] : [`cannot be read: ${(error as Error).message}`] };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const truncated = text.trim().length > 0 && !/[}\]]\s*$/.test(text) ? ' — it looks truncated' : '';
    return { file, exists: true, modified, problems: [`is not valid JSON (${(error as Error).message})${truncated}`] };
  }
  let state: OrgState;
  try {
    state = loadWorld(parsed, file).state;
  } catch (error) {
    return { file, exists: true, modified, problems: [(error as Error).message.replace(`The state file ${file} `, '')] };
  }
  const { referenceProblems, worldSchema } = await import('./world-schema.js');
  const result = worldSchema.safeParse(state);
  if (!result.success) {
    return { file, exists: true, modified, problems: result.error.issues.slice(0, 10).map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`) };
  }
  return { file, exists: true, modified, problems: referenceProblems(result.data), state };
}
