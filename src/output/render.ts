// Picks the formatter for --output; each is loaded only when asked for.
import { formatJson } from './json.js';

export const OUTPUT_FORMATS = ['json', 'text', 'table', 'yaml', 'yaml-stream'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface RenderOptions {
  format: OutputFormat;
  /** The operation name, the table title. */
  title: string;
}

export function render(value: unknown, options: RenderOptions): string {
  switch (options.format) {
    case 'json':
    default:
      return formatJson(value);
  }
}
