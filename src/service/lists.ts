// ListHandshakesForOrganization and ListHandshakesForAccount.
import { ActionType } from '../model/enums.js';
import { invalidInput } from '../model/errors.js';
import { HANDSHAKE_ID_PATTERN } from '../model/ids.js';
import type { Handshake, HandshakeRecord, OrgState } from '../model/types.js';
import type { ServiceContext } from './context.js';
import type { Request } from './input.js';
import { compareNewestFirst, Paging, type Cursor } from './pages.js';
import type { Peek } from '../model/table.js';
import { eachWhere, scan, type Question } from './table.js';
import { recall, remember, remembered } from './memo.js';
import { findAccount, isManagementAccount, isRecipient, parentHandshakeId, readableOrganization } from './world.js';

export interface ListHandshakesOutput {
  Handshakes: Handshake[];
  NextToken?: string;
}

type Filter = { ActionType?: string; ParentHandshakeId?: string } | undefined;

const ACTION_TYPES: readonly string[] = Object.values(ActionType);

function checkFilter(filter: unknown): Filter {
  if (filter === undefined || filter === null) return undefined;
  if (typeof filter !== 'object' || Array.isArray(filter)) throw invalidInput('INVALID_PATTERN', 'FILTER');
  const { ActionType: action, ParentHandshakeId: parent } = filter as Record<string, unknown>;
  if (action !== undefined && parent !== undefined) throw invalidInput('MAX_LIMIT_EXCEEDED_FILTER');
  if (action !== undefined && (typeof action !== 'string' || !ACTION_TYPES.includes(action))) {
    throw invalidInput('INVALID_ENUM', 'FILTER_ACTION_TYPE');
  }
  if (parent !== undefined && (typeof parent !== 'string' || !HANDSHAKE_ID_PATTERN.test(parent))) {
    throw invalidInput('INVALID_PATTERN', 'FILTER_PARENT_HANDSHAKE_ID');
  }
  const checked: Filter = {};
  if (action !== undefined) checked.ActionType = action as string;
  if (parent !== undefined) checked.ParentHandshakeId = parent as string;
  return checked;
}

function matches(record: HandshakeRecord, filter: Filter): boolean {
  if (filter?.ActionType !== undefined && record.Handshake.Action !== filter.ActionType) return false;
  if (filter?.ParentHandshakeId !== undefined && parentHandshakeId(record) !== filter.ParentHandshakeId) return false;
  return true;
}

const handshakeKey = (r: HandshakeRecord): [number, string] => [r.Handshake.RequestedTimestamp, r.Handshake.Id];

/** Who may see a handshake: a question the store can narrow down (see service/table.ts), then the rule itself. */
interface Visibility {
  /** Names the caller's view, for remembering a listing's order between pages. */
  id: string;
  question: Omit<Question, 'keys' | 'test'> & { keys: string[]; test: (peek: Peek) => boolean };
  visible: (record: HandshakeRecord) => boolean;
}

// The Arn ends in the handshake's id (model/ids.ts handshakeArn): it orders ties without parsing.
const ORDER_KEYS = ['RequestedTimestamp', 'Action', 'Arn'];
const idInArn = (arn: unknown) => (typeof arn === 'string' ? arn.slice(arn.lastIndexOf('/') + 1) : '');

/**
 * The handshakes visible and matching, newest first, after `cursor`: at least `wanted` of them
 * when there are that many. Candidates are ordered by their peeked request time and parsed a
 * time at a time, so the first page of a large world parses little more than that page.
 */
function firstAfter(state: OrgState, who: Visibility, filter: Filter, cursor: Cursor | undefined, wanted: number): HandshakeRecord[] {
  const question = {
    ...who.question,
    keys: [...who.question.keys, ...ORDER_KEYS],
    test: (peek: Peek) => who.question.test(peek) && (filter?.ActionType === undefined || peek.Action === filter.ActionType),
  };
  const accept = (record: HandshakeRecord) => who.visible(record) && matches(record, filter) && (!cursor || compareNewestFirst(handshakeKey(record), cursor.after) > 0);
  // Every candidate in order, worked out once per world and listing: for a later page, a
  // server's next request, or a first page whose best few did not pass the full check.
  const memo = `list:${who.id}:${JSON.stringify(filter ?? null)}`;
  const ordered = () => remembered(state.Handshakes, memo, () => inOrder(scan(state.Handshakes, question)));
  if (cursor || recall<boolean>(state.Handshakes, `${memo}:asked`) || wanted > 1000) return firstAccepted(ordered(), cursor, accept, wanted);
  remember(state.Handshakes, `${memo}:asked`, true);
  // The first ask of a single page keeps the best `wanted` candidates as they go by, never
  // ordering (or keeping a peek of) the rest.
  const best: Ordered = [];
  let candidates = 0;
  eachWhere(state.Handshakes, question, (peek, item) => {
    candidates++;
    const time = timeOf(peek, item);
    const worst = best.length === wanted ? best[wanted - 1]!.key : undefined;
    if (worst && time < worst[0]) return;
    const key: [number, string] = [time, idInArn(peek.Arn)];
    if (worst && compareNewestFirst(key, worst) >= 0) return;
    best.splice(firstAfterKey(best, key), 0, { key, item });
    if (best.length > wanted) best.pop();
  });
  const passed = firstAccepted(best, undefined, accept, wanted);
  return passed.length >= wanted || best.length === candidates ? passed : firstAccepted(ordered(), cursor, accept, wanted);
}

type Candidate = { peek: Peek; item: () => HandshakeRecord };
type Ordered = { key: [number, string]; item: () => HandshakeRecord }[];

const timeOf = (peek: Peek, item: () => HandshakeRecord) => {
  const peeked = peek.RequestedTimestamp;
  return typeof peeked === 'number' ? peeked : item().Handshake.RequestedTimestamp;
};

function inOrder(found: Candidate[]): Ordered {
  return found.map((f) => ({ key: [timeOf(f.peek, f.item), idInArn(f.peek.Arn)] as [number, string], item: f.item })).sort((a, b) => compareNewestFirst(a.key, b.key));
}

/** The first `wanted` entries of `ordered` after `cursor` that pass `accept`, in their true order whatever their Arns said. */
function firstAccepted(ordered: Ordered, cursor: Cursor | undefined, accept: (record: HandshakeRecord) => boolean, wanted: number): HandshakeRecord[] {
  const selected: HandshakeRecord[] = [];
  for (let i = cursor ? firstAfterKey(ordered, cursor.after) : 0; i < ordered.length && selected.length < wanted; i++) {
    const record = ordered[i]!.item();
    if (accept(record)) selected.push(record);
  }
  return selected.sort((a, b) => compareNewestFirst(handshakeKey(a), handshakeKey(b)));
}

/** The index of the first entry of `sorted` (newest first) that comes after `key`. */
function firstAfterKey(sorted: readonly { key: [number, string] }[], key: [number, string]): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareNewestFirst(sorted[mid]!.key, key) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}


function listHandshakes(state: OrgState, input: Request, op: string, who: () => Visibility): ListHandshakesOutput {
  const paging = new Paging(op, input);
  const filter = checkFilter(input.Filter);
  const cursor = paging.cursor(filter);
  const visibility = who();
  const selected = firstAfter(state, visibility, filter, cursor, paging.size === Number.MAX_SAFE_INTEGER ? paging.size : paging.size + 1);
  return paging.respond(selected, handshakeKey, cursor, filter, (r) => structuredClone(r.Handshake)) as unknown as ListHandshakesOutput;
}

export function listHandshakesForOrganization(state: OrgState, input: Request, ctx: ServiceContext): ListHandshakesOutput {
  return listHandshakes(state, input, 'ListHandshakesForOrganization', () => {
    // The management account, or a delegated administrator, sees every handshake the organization owns.
    const org = readableOrganization(state, ctx.caller);
    return {
      id: `organization:${org.Id}`,
      question: { keys: ['OrganizationId'], test: (peek) => peek.OrganizationId === org.Id },
      visible: (r) => r.OrganizationId === org.Id,
    };
  });
}

export function listHandshakesForAccount(state: OrgState, input: Request, ctx: ServiceContext): ListHandshakesOutput {
  // A management account sees no received handshakes, not even one sent to its own e-mail address,
  // except the billing transfers only a management account can accept (transfer-and-delegation.md R-123).
  const management = isManagementAccount(state, ctx.caller);
  const seen = (action: unknown) => !management || action === ActionType.TRANSFER_RESPONSIBILITY;
  return listHandshakes(state, input, 'ListHandshakesForAccount', () => {
    const email = findAccount(state, ctx.caller)?.Email;
    return {
      id: `account:${ctx.caller}`,
      // A recipient is named by its account id or its e-mail address (service/world.ts isRecipient).
      question: { keys: ['Action'], test: (peek) => seen(peek.Action), mentions: email ? [ctx.caller, email] : [ctx.caller] },
      visible: (r) => seen(r.Handshake.Action) && isRecipient(state, r, ctx.caller),
    };
  });
}
