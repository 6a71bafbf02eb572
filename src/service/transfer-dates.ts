// The calendar of a billing transfer, in UTC (transfer-and-delegation.md ): it
// starts at the first instant of a month and ends at the last second of one.
import { invalidInput } from '../model/errors.js';
import { TRANSFER_START_MONTHS_AHEAD } from '../model/limits.js';
import { acceptanceDeadline } from './transfer-records.js';

/** Months since the epoch of the instant (epoch seconds), UTC. */
const monthIndex = (seconds: number) => {
  const d = new Date(seconds * 1000);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
};
const monthStart = (index: number) => Date.UTC(Math.floor(index / 12), index % 12, 1) / 1000;

/** The last whole second of the month the instant falls in (23:59:59 on its last day). */
export const endOfMonth = (seconds: number, monthsLater = 0) => monthStart(monthIndex(seconds) + monthsLater + 1) - 1;


/** R-116's checks, in its proposed order: the day's start, the month's first day, then too early or too late. */
export function checkStart(start: number, now: number): void {
  const d = new Date(start * 1000);
  if (d.getUTCHours() || d.getUTCMinutes() || d.getUTCSeconds() || d.getUTCMilliseconds()) throw invalidInput('START_DATE_NOT_BEGINNING_OF_DAY');
  if (d.getUTCDate() !== 1) throw invalidInput('START_DATE_NOT_BEGINNING_OF_MONTH');
  const ahead = monthIndex(start) - monthIndex(now);
  if (ahead < 1 || now >= acceptanceDeadline(start)) throw invalidInput('START_DATE_TOO_EARLY');
  if (ahead > TRANSFER_START_MONTHS_AHEAD) throw invalidInput('START_DATE_TOO_LATE');
}

/**
 * Where a withdrawn transfer ends (R-131, proposals): the last second of the current or the next
 * month, and never before the month the transfer starts in; without one, the earliest such end.
 * The AWS CLI sends whole seconds, so any instant of the day's last second counts as its end.
 */
export function checkEnd(end: number | undefined, start: number, now: number): number {
  const earliest = Math.max(endOfMonth(now), endOfMonth(start));
  if (end === undefined) return earliest;
  if (end < endOfMonth(end)) throw invalidInput('END_DATE_NOT_END_OF_MONTH');
  if (end < earliest) throw invalidInput('END_DATE_TOO_EARLY');
  if (end >= Math.max(endOfMonth(now, 1), endOfMonth(start)) + 1) throw invalidInput('END_DATE_TOO_LATE');
  return end;
}
