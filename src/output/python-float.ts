// Python keeps 1 (int) and 1.0 (float) apart, and the AWS CLI prints them apart: `1.0` from a
// --query literal or avg() stays `1.0`. JavaScript has one number type, so a float that came out
// of a query is carried in a box of its own; integers stay plain numbers.

export class PyFloat {
  readonly kind = 'PyFloat';
  constructor(readonly value: number) {}
}

export const isPyFloat = (value: unknown): value is PyFloat => value instanceof PyFloat;

/** A float's or an integer's numeric value. */
export const numeric = (value: number | PyFloat): number => (typeof value === 'number' ? value : value.value);

/** Python's repr() of a float: the shortest digits that read back, in exponent form below 1e-4 and from 1e16. */
export function floatRepr(n: number): string {
  if (Number.isNaN(n)) return 'nan';
  if (n === Infinity) return 'inf';
  if (n === -Infinity) return '-inf';
  if (n === 0) return Object.is(n, -0) ? '-0.0' : '0.0';
  const sign = n < 0 ? '-' : '';
  const [mantissa, exponent] = Math.abs(n).toExponential().split('e') as [string, string];
  const digits = mantissa.replace('.', '');
  const e = Number(exponent);
  if (e < -4 || e >= 16) {
    const rest = digits.length > 1 ? `.${digits.slice(1)}` : '';
    return `${sign}${digits[0]}${rest}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  if (e < 0) return `${sign}0.${'0'.repeat(-e - 1)}${digits}`;
  const whole = digits.slice(0, e + 1).padEnd(e + 1, '0');
  return `${sign}${whole}.${digits.slice(e + 1) || '0'}`;
}

/** How Python's json module writes a float (allow_nan, as json.dumps does by default). */
export function floatJson(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return 'Infinity';
  if (n === -Infinity) return '-Infinity';
  return floatRepr(n);
}
