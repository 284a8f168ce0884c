/**
 * Calendar arithmetic on plain year/month/day values. Working on dates (not
 * instants) through UTC keeps daylight-saving shifts from moving "tomorrow"
 * by an hour into the wrong day.
 */

/** A calendar date; month is 1-12. */
export interface CalendarDate {
  y: number;
  m: number;
  d: number;
}

/** The local calendar date of an instant (the shopper's "today" on this server). */
export function calendarDate(instant: Date): CalendarDate {
  return {
    y: instant.getFullYear(),
    m: instant.getMonth() + 1,
    d: instant.getDate(),
  };
}

function toUtc(c: CalendarDate): Date {
  return new Date(Date.UTC(c.y, c.m - 1, c.d));
}

function fromUtc(date: Date): CalendarDate {
  return {
    y: date.getUTCFullYear(),
    m: date.getUTCMonth() + 1,
    d: date.getUTCDate(),
  };
}

/** `c` plus `days` (negative to go back). */
export function addDays(c: CalendarDate, days: number): CalendarDate {
  const date = toUtc(c);
  date.setUTCDate(date.getUTCDate() + days);
  return fromUtc(date);
}

/** `c` plus `months`, clamping the day (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(c: CalendarDate, months: number): CalendarDate {
  const index = c.y * 12 + (c.m - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return { y, m, d: Math.min(c.d, daysInMonth(y, m)) };
}

/** Day of week, 0 = Sunday ... 6 = Saturday. */
export function weekday(c: CalendarDate): number {
  return toUtc(c).getUTCDay();
}

/** The Monday on or before `c` (weeks run Monday to Sunday). */
export function startOfWeek(c: CalendarDate): CalendarDate {
  return addDays(c, -((weekday(c) + 6) % 7));
}

/** Number of days in a month. */
export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Whether y-m-d is a real date. */
export function isValidDate(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Days from `a` to `b`. */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return Math.round((toUtc(b).getTime() - toUtc(a).getTime()) / 86_400_000);
}

/** "YYYY-MM-DD". */
export function isoDate(c: CalendarDate): string {
  const pad = (n: number, w: number): string => String(n).padStart(w, '0');
  return `${pad(c.y, 4)}-${pad(c.m, 2)}-${pad(c.d, 2)}`;
}
