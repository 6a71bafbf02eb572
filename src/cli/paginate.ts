// Automatic pagination as botocore's PageIterator does it: follow NextToken, cap at --max-items,
// resume mid-page from a --starting-token, and hand back a resume token.
import { GeneralError } from '../errors/classes.js';
import type { Paginator } from '../model/operations.js';
import { decodeStartingToken, encodeResumeToken, type TokenDict } from './resume-token.js';

export type Page = Record<string, unknown>;
export type CallPage = (params: Record<string, unknown>) => Promise<Page>;

export interface PagingOptions {
  startingToken?: string;
  maxItems?: number;
  pageSize?: number;
  /** Takes each page as it comes instead of keeping it in `pages` (a listing printed as it is fetched). */
  onPage?: (page: Page) => void;
}

export interface Pages {
  pages: Page[];
  resumeToken?: string;
}

/** Python's list[start:end] (negative indices count from the end). */
function pySlice<T>(items: T[], start: number | undefined, end?: number): T[] {
  return items.slice(start, end);
}

function skipCount(skip: unknown): number {
  if (typeof skip !== 'number' || !Number.isInteger(skip)) {
    throw new GeneralError('slice indices must be integers or None or have an __index__ method');
  }
  return skip;
}

function inject(params: Record<string, unknown>, token: TokenDict): void {
  for (const [name, value] of Object.entries(token)) {
    if (value !== null && value !== undefined && value !== 'None') {
      Object.defineProperty(params, name, { value, enumerable: true, writable: true, configurable: true });
    } else delete params[name];
  }
}

export async function paginate(call: CallPage, base: Record<string, unknown>, paginator: Paginator, options: PagingOptions): Promise<Pages> {
  const params: Record<string, unknown> = { ...base };
  let requestToken: TokenDict = { [paginator.inputToken]: null };
  let startSkip = 0;
  if (options.startingToken !== undefined) {
    const start = decodeStartingToken(options.startingToken, paginator.inputToken);
    requestToken = start.next;
    inject(params, requestToken);
    startSkip = skipCount(start.skip);
  }
  if (options.pageSize !== undefined && paginator.limitKey !== undefined) params[paginator.limitKey] = options.pageSize;

  const pages: Page[] = [];
  const keep = options.onPage ?? ((page: Page) => void pages.push(page));
  let resume: TokenDict | undefined;
  let total = 0;
  let first = true;
  let previous: string | undefined;
  const max = options.maxItems;
  for (;;) {
    const page = await call(params);
    let items = (page[paginator.resultKey] as unknown[] | undefined) ?? [];
    let skipped = 0;
    if (first && options.startingToken !== undefined) {
      skipped = startSkip;
      items = pySlice(items, startSkip);
      page[paginator.resultKey] = items;
    }
    first = false;
    if (max !== undefined && total + items.length - max > 0) {
      const kept = items.length - (total + items.length - max);
      page[paginator.resultKey] = pySlice(items, undefined, kept);
      resume = { ...requestToken, boto_truncate_amount: kept + skipped };
      keep(page);
      break;
    }
    keep(page);
    total += items.length;
    const next = page[paginator.outputToken];
    if (next === undefined || next === null) break;
    const nextToken: TokenDict = { [paginator.inputToken]: next };
    if (max !== undefined && total === max) {
      resume = nextToken;
      break;
    }
    // botocore's PaginationError, as the CLI prints it (transfer-and-delegation.md R-152).
    if (previous !== undefined && previous === next) throw new GeneralError(`Error during pagination: The same next token was received twice: {'${paginator.inputToken}': '${String(next)}'}`);
    inject(params, nextToken);
    previous = next as string;
    requestToken = nextToken;
  }
  return { pages, resumeToken: resume ? encodeResumeToken(resume) : undefined };
}

/** The pages merged into one response, as the AWS CLI prints it for json, yaml and table. */
export function mergePages(result: Pages, paginator: Paginator): Page {
  const merged: Page = { [paginator.resultKey]: [] as unknown[] };
  for (const page of result.pages) {
    const items = page[paginator.resultKey];
    if (Array.isArray(items)) (merged[paginator.resultKey] as unknown[]).push(...items);
  }
  const firstPage = result.pages[0] ?? {};
  for (const [key, value] of Object.entries(firstPage)) {
    if (key !== paginator.resultKey && key !== paginator.outputToken) merged[key] = value;
  }
  if (result.resumeToken !== undefined) merged.NextToken = result.resumeToken;
  return merged;
}
