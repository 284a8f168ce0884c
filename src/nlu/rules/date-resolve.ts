/**
 * Turning the pieces the date rules capture into calendar dates. When a
 * date leaves something open (no year, a bare weekday), the word before it
 * decides the direction: "by Friday" / "before Christmas" look ahead,
 * "since Monday" looks back, and otherwise ("on the 3rd") the nearest
 * occurrence wins, because shoppers talk about recent past and near future
 * equally often.
 */
import { addDays, addMonths, daysBetween, daysInMonth, isValidDate, isoDate, startOfWeek, weekday } from './calendar';
import type { CalendarDate } from './calendar';
import { phraseToNumber } from './number-words';

/** The value of a `date` entity: one day, or an inclusive period. */
export type DateValue = { date: string } | { from: string; to: string };

/** Which way an open-ended date points. */
export type Direction = 'future' | 'past' | 'nearest';

const FUTURE_WORDS = new Set(['by', 'before', 'until', 'till', 'til', 'for', 'next', 'coming']);
const PAST_WORDS = new Set(['since', 'last', 'past']);
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** Direction implied by the word before a date. */
export function directionOf(wordBefore: string | undefined): Direction {
  const w = (wordBefore ?? '').toLowerCase();
  if (FUTURE_WORDS.has(w)) return 'future';
  return PAST_WORDS.has(w) ? 'past' : 'nearest';
}

/** A single day as a value. */
export function day(c: CalendarDate | null): DateValue | null {
  return c && { date: isoDate(c) };
}

/** An inclusive period as a value. */
export function range(from: CalendarDate, to: CalendarDate): DateValue {
  return { from: isoDate(from), to: isoDate(to) };
}

/** 1-12 for a month name or abbreviation, 0 if unknown. */
export function monthIndex(name: string): number {
  return MONTHS.indexOf(name.toLowerCase().slice(0, 3)) + 1;
}

/** 0 (Sunday) - 6 for a weekday name or abbreviation. */
export function weekdayIndex(name: string): number {
  return Math.max(0, WEEKDAYS.indexOf(name.toLowerCase().slice(0, 3)));
}

/** "last/past X": before today; "this X": today or later; "next/coming X": after today. */
export function relativeWeekday(today: CalendarDate, rel: string, target: number): CalendarDate {
  const ahead = (target - weekday(today) + 7) % 7;
  if (rel === 'last' || rel === 'past') return addDays(today, ahead === 0 ? -7 : ahead - 7);
  if (rel === 'this') return addDays(today, ahead);
  return addDays(today, ahead === 0 ? 7 : ahead);
}

/** A bare weekday ("on Sunday", "by Friday", "since Monday"). */
export function bareWeekday(today: CalendarDate, target: number, direction: Direction): CalendarDate {
  const ahead = (target - weekday(today) + 7) % 7;
  const back = ahead === 0 ? 0 : 7 - ahead;
  if (direction === 'future') return addDays(today, ahead);
  if (direction === 'past') return addDays(today, -back);
  return addDays(today, ahead <= back ? ahead : -back);
}

/** "last week", "this weekend", "next month", "the past week" (trailing 7 days). */
export function period(today: CalendarDate, rel: string, unit: string): DateValue {
  if (rel === 'past' && unit !== 'weekend') {
    const from = unit === 'week' ? addDays(today, -7) : addMonths(today, unit === 'month' ? -1 : -12);
    return range(from, today);
  }
  const offset = rel === 'last' || rel === 'past' ? -1 : rel === 'next' || rel === 'coming' ? 1 : 0;
  if (unit === 'week' || unit === 'weekend') {
    const monday = addDays(startOfWeek(today), 7 * offset);
    return unit === 'week' ? range(monday, addDays(monday, 6)) : range(addDays(monday, 5), addDays(monday, 6));
  }
  if (unit === 'month') {
    const first = addMonths({ y: today.y, m: today.m, d: 1 }, offset);
    return range(first, addDays(addMonths(first, 1), -1));
  }
  return yearRange(today.y + offset);
}

/** A whole calendar year. */
export function yearRange(y: number): DateValue {
  return range({ y, m: 1, d: 1 }, { y, m: 12, d: 31 });
}

/** A whole month ("invoices from January"), the occurrence nearest to (or in the direction from) today. */
export function monthRange(today: CalendarDate, m: number, direction: Direction): DateValue {
  let delta = m - today.m;
  if (direction === 'future' && delta < 0) delta += 12;
  else if (direction === 'past' && delta > 0) delta -= 12;
  else if (direction === 'nearest' && delta > 5) delta -= 12;
  else if (direction === 'nearest' && delta < -6) delta += 12;
  const first = addMonths({ y: today.y, m: today.m, d: 1 }, delta);
  return range(first, {
    y: first.y,
    m: first.m,
    d: daysInMonth(first.y, first.m),
  });
}

/** "3 days ago" (sign -1), "in 2 weeks" (sign 1); hours and minutes move the instant. */
export function shift(now: Date, today: CalendarDate, amount: string, unit: string, sign: number): DateValue | null {
  const n = phraseToNumber(amount);
  if (n === null || n > 1000) return null;
  const u = unit.toLowerCase();
  if (u === 'hour' || u === 'minute') {
    const moved = new Date(now.getTime() + sign * n * (u === 'hour' ? 3_600_000 : 60_000));
    return day({
      y: moved.getFullYear(),
      m: moved.getMonth() + 1,
      d: moved.getDate(),
    });
  }
  if (u === 'day') return day(addDays(today, sign * n));
  if (u === 'week') return day(addDays(today, sign * 7 * n));
  return day(addMonths(today, sign * n * (u === 'year' ? 12 : 1)));
}

/** A fully specified date, or null when it does not exist. */
export function absolute(y: number, m: number, d: number): DateValue | null {
  return isValidDate(y, m, d) ? { date: isoDate({ y, m, d }) } : null;
}

/** A month and day without a year, placed by `direction`. */
export function monthDay(today: CalendarDate, m: number, d: number, direction: Direction): DateValue | null {
  const options = [today.y - 1, today.y, today.y + 1].filter((y) => isValidDate(y, m, d)).map((y) => ({ y, m, d }));
  return day(pick(today, options, direction));
}

/** "the 14th": that day of this month, the previous or the next, placed by `direction`. */
export function dayOfMonth(today: CalendarDate, d: number, direction: Direction): DateValue | null {
  const options = [-1, 0, 1]
    .map((offset) => addMonths({ y: today.y, m: today.m, d: 1 }, offset))
    .filter((c) => isValidDate(c.y, c.m, d))
    .map((c) => ({ ...c, d }));
  return day(pick(today, options, direction));
}

/** Named shopping holidays; Black Friday follows the fourth Thursday of November. */
export function holiday(today: CalendarDate, name: string, direction: Direction): DateValue | null {
  const key = name.toLowerCase().replace(/[’']/g, '').replace(/\s+/g, ' ').replace(/ day$/, '');
  const dateIn = (y: number): CalendarDate | null => {
    if (key === 'black friday' || key === 'cyber monday') {
      const nov1 = { y, m: 11, d: 1 };
      const thanksgiving = addDays(nov1, ((4 - weekday(nov1) + 7) % 7) + 21);
      return addDays(thanksgiving, key === 'black friday' ? 1 : 4);
    }
    const fixed: Record<string, [number, number]> = {
      'christmas eve': [12, 24],
      christmas: [12, 25],
      boxing: [12, 26],
      'new years eve': [12, 31],
      'new years': [1, 1],
      valentines: [2, 14],
      halloween: [10, 31],
    };
    const md = fixed[key];
    return md ? { y, m: md[0], d: md[1] } : null;
  };
  const options = [today.y - 1, today.y, today.y + 1].map(dateIn).filter((c): c is CalendarDate => c !== null);
  return day(pick(today, options, direction));
}

function pick(today: CalendarDate, options: CalendarDate[], direction: Direction): CalendarDate | null {
  let best: CalendarDate | null = null;
  let bestDistance = Infinity;
  for (const c of options) {
    const diff = daysBetween(today, c);
    if ((direction === 'future' && diff < 0) || (direction === 'past' && diff > 0)) continue;
    if (Math.abs(diff) < bestDistance) {
      best = c;
      bestDistance = Math.abs(diff);
    }
  }
  return best;
}
