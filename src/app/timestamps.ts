// Wire timestamps (epoch seconds) as the AWS CLI v2 prints them: ISO-8601 in the local time
// zone (TZ), microseconds only when non-zero, like Python's datetime.isoformat().

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function isoLocal(epochSeconds: number): string {
  const ms = Math.round(epochSeconds * 1000);
  const date = new Date(ms);
  const offset = -date.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const micros = (((ms % 1000) + 1000) % 1000) * 1000;
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    (micros ? `.${pad(micros, 6)}` : '') +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/** The same in UTC (`+00:00`), as botocore keeps a time the wire gave in UTC. */
export function isoUtc(epochSeconds: number): string {
  const ms = Math.round(epochSeconds * 1000);
  const date = new Date(ms);
  const micros = (((ms % 1000) + 1000) % 1000) * 1000;
  return (
    `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}` +
    `T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}` +
    (micros ? `.${pad(micros, 6)}` : '') +
    '+00:00'
  );
}

const ISO_INPUT = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6})\d*)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * A timestamp parameter as botocore reads one (epoch seconds): a number, a string of one, or an
 * ISO-8601 date or time, UTC unless it names an offset. Undefined when it is none of these.
 * botocore's date parser takes more forms still ("Jan 1 2027"); scripts use these.
 */
export function parseTimestampInput(value: unknown): number | undefined {
  if (typeof value === 'boolean') return Number(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (/^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i.test(text)) return Number(text);
  const m = ISO_INPUT.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const date = new Date(ms);
  if (Number.isNaN(ms) || date.getUTCDate() !== Number(d) || date.getUTCMonth() !== Number(mo) - 1 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return undefined;
  let offset = 0;
  if (zone && zone.toUpperCase() !== 'Z') {
    const digits = zone.replace(':', '');
    offset = (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || '0')) * (digits[0] === '-' ? -1 : 1);
  }
  return ms / 1000 + Number(`0.${frac || '0'}`) - offset * 60;
}
