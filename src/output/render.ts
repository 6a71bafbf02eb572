// Formats a response for --output, the way each AWS CLI formatter treats whole responses and pages.
import { formatJson } from './json.js';
import type { CompiledQuery } from './query.js';

export const OUTPUT_FORMATS = ['json', 'text', 'table', 'yaml', 'yaml-stream'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface RenderOptions {
  format: OutputFormat;
  /** The operation name, the table's title. */
  title: string;
  query?: CompiledQuery;
  color: boolean;
  /** Terminal width for tables (80 when stdout is not a terminal). */
  width: number;
}

export interface PagedResponse {
  pages: Record<string, unknown>[];
  resumeToken?: string;
  resultKey: string;
  /** The pages merged into one response (json, yaml and table print this). */
  merged: Record<string, unknown>;
}

const isEmptyDict = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0;

function query(value: unknown, options: RenderOptions): unknown {
  return options.query ? options.query.search(value) : value;
}

const formats = () => import('./formats.js');

/** Formats one (possibly merged) response after --query. */
async function formatWhole(value: unknown, options: RenderOptions): Promise<string> {
  const shown = query(value, options);
  if (options.format === 'json') return formatJson(shown, options.query !== undefined);
  const { formatTable, formatText, formatYaml } = await formats();
  switch (options.format) {
    case 'yaml':
      return isEmptyDict(shown) ? '' : formatYaml(shown);
    case 'yaml-stream':
      return isEmptyDict(shown) ? '' : formatYaml([shown]);
    case 'text':
      return formatText(shown);
    case 'table':
      return formatTable(shown, options.title, { width: options.width, color: options.color });
  }
}

export function render(value: unknown, options: RenderOptions): Promise<string> {
  return formatWhole(value, options);
}

/**
 * text and yaml-stream print page by page (the query applies to each page), each page written as
 * soon as it is formatted: a query that fails on a later page leaves the pages before it printed,
 * as with the AWS CLI. The other formats merge the pages and print once.
 */
export async function renderPages(response: PagedResponse, options: RenderOptions, write: (text: string) => void): Promise<void> {
  const { formatText, formatYaml } = options.format === 'text' || options.format === 'yaml-stream' ? await formats() : ({} as Awaited<ReturnType<typeof formats>>);
  if (options.format === 'text') {
    for (const page of response.pages) write(formatText(query({ [response.resultKey]: page[response.resultKey] }, options)));
    if (response.resumeToken) write(formatText(query({ NextToken: { NextToken: response.resumeToken } }, options)));
    return;
  }
  if (options.format === 'yaml-stream') {
    for (const page of response.pages) write(formatYaml([query(page, options)]));
    return;
  }
  write(await formatWhole(response.merged, options));
}
