// Picks the formatter for --output; each is loaded only when asked for.
import { ParamValidationError } from '../errors/cli-errors.js';
import { formatJson } from './json.js';

export const OUTPUT_FORMATS = ['json', 'text', 'table', 'yaml', 'yaml-stream'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface RenderOptions {
  format: OutputFormat;
  /** The operation name, the table title. */
  title: string;
}

export function render(value: unknown, options: RenderOptions): string {
  if (options.format === 'json') return formatJson(value);
  throw new ParamValidationError(`--output ${options.format} is not available in this version of orgsim; use --output json`);
}
