// --cli-input-json and --cli-input-yaml: a document whose keys fill what the command line did not set.
import { ParamValidationError, paramError } from '../errors/classes.js';
import { pyJsonLoads } from '../output/python-json.js';
import { resolveParamFile } from './paramfile.js';
import { Bytes, pyType } from '../output/python-repr.js';

/** The largest request body the service (and orgsim serve) accepts. */
export const MAX_DOCUMENT_BYTES = 1024 * 1024;

export const MAX_NESTING = 64;

/** How deep brackets and braces nest, outside quoted strings (an upper bound for JSON and flow YAML). */
function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') max = Math.max(max, ++depth);
    else if (c === ']' || c === '}') depth--;
  }
  return max;
}

export interface CliInputSource {
  json?: string;
  yaml?: string;
}

async function parseYaml(text: string): Promise<unknown> {
  const { parse } = await import('yaml');
  return parse(text, { uniqueKeys: false });
}

/** Loads the input document; undefined when neither option was given. */
export async function loadCliInput(source: CliInputSource, cwd: string): Promise<Record<string, unknown> | undefined> {
  if (source.json !== undefined && source.yaml !== undefined) {
    throw new ParamValidationError('Only one --cli-input- parameter may be specified.');
  }
  const isYaml = source.yaml !== undefined;
  const raw = isYaml ? source.yaml : source.json;
  if (raw === undefined) return undefined;
  const flag = isYaml ? '--cli-input-yaml' : '--cli-input-json';
  // The AWS CLI reads a file:// input twice and keeps the second read: a pipe (file:///dev/stdin)
  // has nothing left by then, so the document is empty and refused as it is there.
  resolveParamFile(flag, raw, cwd);
  const loaded = resolveParamFile(flag, raw, cwd);
  const text = loaded instanceof Bytes ? new TextDecoder().decode(loaded.data) : loaded;
  // No request may carry more than the service accepts; say so before parsing megabytes.
  const size = Buffer.byteLength(text);
  if (size > MAX_DOCUMENT_BYTES) {
    throw paramError(flag, `the document is ${size} bytes; a request can carry at most ${MAX_DOCUMENT_BYTES} bytes`);
  }
  // Hostile nesting would exhaust the YAML parser's memory and the stack of anything that walks it.
  if (nestingDepth(text) > MAX_NESTING) throw paramError(flag, `the document nests deeper than ${MAX_NESTING} levels`);
  let document: unknown;
  try {
    document = isYaml ? await parseYaml(text) : pyJsonLoads(text);
  } catch {
    throw paramError(isYaml ? 'cli-input-yaml' : 'cli-input-json', `Invalid ${isYaml ? 'YAML' : 'JSON'} received.`);
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw paramError(flag, `Invalid type: expecting map, received ${pyType(document)}`);
  }
  return document as Record<string, unknown>;
}

/** Adds the document's keys that the command line did not set (the command line wins). */
export function mergeCliInput(params: Record<string, unknown>, document: Record<string, unknown>): void {
  for (const key of Object.keys(document)) {
    if (Object.prototype.hasOwnProperty.call(params, key)) continue;
    Object.defineProperty(params, key, { value: document[key], enumerable: true, writable: true, configurable: true });
  }
}
