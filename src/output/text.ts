// --output text, as awscli/text.py writes it: scalars of a dict on one tab-joined line in
// sorted key order, prefixed by the upper-cased key the dict was found under; nested values after.
import { isScalar, scalarText, sortKeys } from './scalars.js';

type Dict = Record<string, unknown>;

function allScalarKeys(list: Dict[]): string[] {
  const keys = new Set<string>();
  for (const item of list) for (const [k, v] of Object.entries(item)) if (isScalar(v)) keys.add(k);
  return sortKeys(keys);
}

function formatDict(item: Dict, identifier: string | undefined, scalarKeys: string[] | undefined, out: string[]): void {
  const scalars: string[] = [];
  const nested: [string, unknown][] = [];
  if (scalarKeys === undefined) {
    for (const key of sortKeys(Object.keys(item))) {
      if (isScalar(item[key])) scalars.push(scalarText(item[key]));
      else nested.push([key, item[key]]);
    }
  } else {
    for (const key of scalarKeys) scalars.push(key in item ? scalarText(item[key]) : '');
    for (const key of sortKeys(Object.keys(item).filter((k) => !scalarKeys.includes(k)))) nested.push([key, item[key]]);
  }
  if (scalars.length) out.push((identifier !== undefined ? [identifier.toUpperCase(), ...scalars] : scalars).join('\t') + '\n');
  for (const [key, value] of nested) format(value, key, undefined, out);
}

function formatScalarList(items: unknown[], identifier: string | undefined, out: string[]): void {
  if (identifier !== undefined) for (const item of items) out.push(`${identifier.toUpperCase()}\t${scalarText(item)}\n`);
  else out.push(items.map(scalarText).join('\t') + '\n');
}

function formatList(items: unknown[], identifier: string | undefined, out: string[]): void {
  if (!items.length) return;
  if (items.some((el) => !isScalar(el) && !Array.isArray(el))) {
    const keys = allScalarKeys(items.filter((el): el is Dict => !isScalar(el) && !Array.isArray(el)));
    for (const element of items) format(element, identifier, keys, out);
  } else if (items.some(Array.isArray)) {
    const scalars = items.filter(isScalar);
    if (scalars.length) formatScalarList(scalars, identifier, out);
    for (const element of items.filter((el) => !isScalar(el))) format(element, identifier, undefined, out);
  } else {
    formatScalarList(items, identifier, out);
  }
}

function format(item: unknown, identifier: string | undefined, scalarKeys: string[] | undefined, out: string[]): void {
  if (Array.isArray(item)) formatList(item, identifier, out);
  else if (!isScalar(item)) formatDict(item as Dict, identifier, scalarKeys, out);
  else out.push(scalarText(item) + '\n');
}

export function formatText(value: unknown): string {
  const out: string[] = [];
  format(value, undefined, undefined, out);
  return out.join('');
}
