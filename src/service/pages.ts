// Service-side pagination: a NextToken is a cursor naming the last item returned plus
// the request it belongs to, so new items cannot shift a page and a token cannot be
// reused with another operation or filter.
import { invalidInput } from '../model/errors.js';
import { operationByName, type Paginator } from '../model/operations.js';
import { shapeOf } from '../model/shapes.js';
import type { Request } from './input.js';

export interface Cursor {
  after: [number, string];
}

interface TokenBody extends Cursor {
  op: string;
  filter: unknown;
}

// The prefix keeps the decoded token from being JSON, so the AWS CLI passes it through unchanged.
const PREFIX = 'orgsim1|';

export function encodeToken(op: string, filter: unknown, after: [number, string]): string {
  return btoa(PREFIX + JSON.stringify({ op, filter: filter ?? null, after } satisfies TokenBody));
}

export function decodeToken(token: unknown, op: string, filter: unknown): Cursor | undefined {
  if (token === undefined || token === null) return undefined;
  const fail = () => invalidInput('INVALID_NEXT_TOKEN');
  if (typeof token !== 'string') throw fail();
  let body: TokenBody;
  try {
    const text = atob(token);
    if (!text.startsWith(PREFIX)) throw fail();
    body = JSON.parse(text.slice(PREFIX.length)) as TokenBody;
  } catch {
    throw fail();
  }
  const after = body?.after;
  if (
    body.op !== op ||
    JSON.stringify(body.filter) !== JSON.stringify(filter ?? null) ||
    !Array.isArray(after) ||
    typeof after[0] !== 'number' ||
    typeof after[1] !== 'string'
  ) {
    throw fail();
  }
  return { after: [after[0], after[1]] };
}

/** Orders newest first, ties by id; `key` gives (timestamp, id). */
export function compareNewestFirst(a: [number, string], b: [number, string]): number {
  if (a[0] !== b[0]) return b[0] - a[0];
  return a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
}

/** One page of `items` (already sorted by compareNewestFirst on `key`) after the cursor. */
export function page<T>(
  items: T[],
  key: (item: T) => [number, string],
  cursor: Cursor | undefined,
  size: number,
  op: string,
  filter: unknown,
): { items: T[]; nextToken?: string } {
  const start = cursor ? items.findIndex((item) => compareNewestFirst(key(item), cursor.after) > 0) : 0;
  const rest = start < 0 ? [] : items.slice(start);
  const taken = rest.slice(0, size);
  if (rest.length <= size) return { items: taken };
  return { items: taken, nextToken: encodeToken(op, filter, key(taken[taken.length - 1]!)) };
}

/** The field suffix of a reason for a member: MaxResults → MAX_RESULTS. */
const fieldName = (member: string) => member.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();

/**
 * The paging of one list operation, as its paginator entry in the model states it: which member
 * carries the token and the page size (and that size's limit), and where the items go.
 */
export class Paging {
  readonly size: number;
  private readonly paginator: Paginator;

  /** `paginator` for a list the model gives no paginator (its clients page by hand), else the model's. */
  constructor(
    private readonly operation: string,
    private readonly input: Request,
    paginator?: Paginator,
  ) {
    const op = operationByName(operation);
    const found = paginator ?? op?.paginator;
    if (!found) throw new Error(`${operation} has no paginator`);
    this.paginator = found;
    this.size = this.pageSize();
  }

  private pageSize(): number {
    const { limitKey } = this.paginator;
    const input = shapeOf(operationByName(this.operation)!.input);
    const limit = limitKey !== undefined && input.type === 'structure' ? shapeOf(input.members[limitKey]!.shape) : undefined;
    const max = limit?.type === 'integer' && limit.max !== undefined ? limit.max : Number.MAX_SAFE_INTEGER;
    const asked = limitKey === undefined ? undefined : this.input[limitKey];
    if (asked === undefined || asked === null) return max;
    const field = fieldName(limitKey!);
    if (typeof asked !== 'number' || !Number.isInteger(asked)) throw invalidInput('INVALID_PATTERN', field);
    if (limit?.type === 'integer' && asked < (limit.min ?? 1)) throw invalidInput('MIN_VALUE_EXCEEDED', field);
    if (asked > max) throw invalidInput('MAX_VALUE_EXCEEDED', field);
    return asked;
  }

  /** Where the request resumes (its token belongs to this operation and `filter`). */
  cursor(filter: unknown): Cursor | undefined {
    return decodeToken(this.input[this.paginator.inputToken], this.operation, filter);
  }

  /** The response: one page of `items` (sorted newest first on `key`) after `cursor`, and the token for the next. */
  respond<T>(items: T[], key: (item: T) => [number, string], cursor: Cursor | undefined, filter: unknown, view: (item: T) => unknown): Record<string, unknown> {
    const result = page(items, key, cursor, this.size, this.operation, filter);
    const out: Record<string, unknown> = { [this.paginator.resultKey]: result.items.map(view) };
    if (result.nextToken) out[this.paginator.outputToken] = result.nextToken;
    return out;
  }

  /**
   * The response for `items` already in the order the list shows them (not by time): each is keyed
   * by its place, counted down so that the newest-first paging keeps that order, and by its id.
   */
  respondInOrder<T>(items: readonly T[], idOf: (item: T) => string, cursor: Cursor | undefined, filter: unknown, view: (item: T) => unknown): Record<string, unknown> {
    const keyed = items.map((item, i) => ({ item, key: [items.length - i, idOf(item)] as [number, string] }));
    return this.respond(keyed, (e) => e.key, cursor, filter, (e) => view(e.item));
  }
}
