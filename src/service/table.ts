// Questions the service asks of the world's lists, answered without parsing every item when the
// store keeps a list as stored text (model/table.ts). A plain array answers them by walking its
// items, with the same meaning: a key's value is its first occurrence in the item's JSON order.
import { mentionsAny, peekOf, TABLE, type Peek, type Question, type Table } from '../model/table.js';

export type { Question } from '../model/table.js';

function tableOf<T>(list: T[]): Table<T> | undefined {
  return (list as unknown as { [TABLE]?: Table<T> })[TABLE];
}

/** The items of `list` the question is about, in order. */
export function where<T>(list: T[], question: Question): T[] {
  const table = tableOf(list);
  if (table) return table.where(question);
  return list.filter((item) => asks(question, item));
}

/** How many items of `list` the question is about. */
export function countWhere<T>(list: T[], question: Question): number {
  const table = tableOf(list);
  if (table) return table.count(question);
  let count = 0;
  for (const item of list) if (asks(question, item)) count++;
  return count;
}

/** Calls `found` for each item of `list` the question is about; the peek is only lent for the call. */
export function eachWhere<T>(list: T[], question: Question, found: (peek: Peek, item: () => T) => void): void {
  const table = tableOf(list);
  if (table) return table.each(question, found);
  for (const f of scan(list, question)) found(f.peek, f.item);
}

/** Whether the question is about `item` (a plain array's answer). */
function asks(question: Question, item: unknown): boolean {
  const { equal } = question;
  if (equal && peekOf(item, [equal.key])[equal.key] !== equal.value) return false;
  return question.test(peekOf(item, question.keys)) && (!question.mentions || mentionsAny(item, question.mentions));
}

/** Like `where`, parsing an item only when asked. */
export function scan<T>(list: T[], question: Question): { peek: Peek; item: () => T }[] {
  const table = tableOf(list);
  if (table) return table.scan(question);
  const keys = question.equal ? [...question.keys, question.equal.key] : question.keys;
  return list.filter((item) => asks(question, item)).map((item) => ({ peek: peekOf(item, keys), item: () => item }));
}

/** Removes `items` from `list` in place. */
export function removeItems<T>(list: T[], items: ReadonlySet<T>): void {
  if (items.size === 0) return;
  const table = tableOf(list);
  if (table) return table.remove(items);
  let kept = 0;
  for (const item of list) if (!items.has(item)) list[kept++] = item;
  list.length = kept;
}

/** Removes the first `count` items of `list`. */
export function dropFirst<T>(list: T[], count: number): void {
  if (count <= 0) return;
  const table = tableOf(list);
  if (table) return table.dropFirst(count);
  list.splice(0, count);
}

/** A number kept with `list` while it is unchanged (a store keeps it with the stored items); undefined without one. */
export function notedIn(list: unknown[], key: string): number | undefined {
  return tableOf(list)?.noted(key);
}

export function noteIn(list: unknown[], key: string, value: number): void {
  tableOf(list)?.note(key, value);
}

export function forgetNotesOf(list: unknown[]): void {
  tableOf(list)?.forgetNotes();
}

/** The items of `list` that may have changed since it was read; undefined for a plain array (any may have). */
export function touchedOf<T>(list: T[]): readonly T[] | undefined {
  return tableOf(list)?.touched();
}
