// The AWS CLI's JSON output: Python's json.dump(indent=4, ensure_ascii=False) and a newline;
// an empty response prints nothing. JSON.stringify writes the same bytes for everything but
// floats, which only a --query makes.
import { holdsFloat, pyJsonDumps } from './python-json.js';

/** `queried`: the value came out of a --query, the one source of floats. */
export function formatJson(value: unknown, queried = false): string {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0) return '';
  if (queried && holdsFloat(value)) return pyJsonDumps(value, { indent: 4, ensureAscii: false }) + '\n';
  return JSON.stringify(value, null, 4) + '\n';
}
