// How the AWS CLI's formatters (Python) turn a scalar into text: str() of the value.
import { isNaiveDatetime } from './naive-datetime.js';
import { floatRepr, isPyFloat } from './python-float.js';

export function isScalar(value: unknown): boolean {
  return value === null || value === undefined || typeof value !== 'object' || isNaiveDatetime(value) || isPyFloat(value);
}

export function scalarText(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (isNaiveDatetime(value)) return value.iso.replace('T', ' ');
  if (isPyFloat(value)) return floatRepr(value.value);
  return String(value);
}

/** Python's sorted() on strings: by code point. */
export function sortKeys(keys: Iterable<string>): string[] {
  return [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
