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
