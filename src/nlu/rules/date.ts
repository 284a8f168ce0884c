/**
 * Dates (entity `date`), relative to a reference day: "today", "tomorrow
 * morning", "last Tuesday", "next monday", "two weeks ago", "in 5 days",
 * "March 3rd", "3/14", "2026-05-01", "on the 14th", "by Friday",
 * "before Christmas" -> {date: 'YYYY-MM-DD'}; periods ("last week", "this
 * weekend", "in 2023", "from January") -> {from, to}. Weeks run Monday to
 * Sunday. Resolution lives in date-resolve.ts; this file only recognises.
 */
import { addDays, calendarDate } from './calendar';
import type { CalendarDate } from './calendar';
import * as r from './date-resolve';
import type { DateValue, Direction } from './date-resolve';
import { NUMBER_WORDS } from './number-words';
import { B, E, matchesOf } from './patterns';
import type { RuleContext, RuleEntity } from './types';

export type { DateValue } from './date-resolve';

const WEEKDAY = 'monday|mon|tuesday|tues|tue|wednesday|wed|thursday|thurs|thur|thu|friday|fri|saturday|sat|sunday|sun';
const WEEKDAY_FULL = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday';
const MONTH =
  'january|jan|february|feb|march|mar|april|apr|may|june|jun|july|jul|august|aug|september|sept|sep|october|oct|november|nov|december|dec';
/** Whole month names, without "may" (a modal verb far more often than a month). */
const MONTH_FULL = 'january|february|march|april|june|july|august|september|october|november|december';
const NUM_WORD = [...NUMBER_WORDS].sort((a, b) => b.length - a.length).join('|');
const AMOUNT = `\\d{1,3}|an?(?:\\s+couple(?:\\s+of)?)?|(?:${NUM_WORD})(?:[\\s-]+(?:${NUM_WORD}))*`;
const UNIT = '(?<unit>minute|hour|day|week|month|year)s?';
const ORDINAL = '(?:st|nd|rd|th)?';
const PREP = 'on|by|since|until|till|before|after|from|for';
const HOLIDAY =
  "christmas\\s+eve|christmas(?:\\s+day)?|boxing\\s+day|new\\s+year['’]?s(?:\\s+eve|\\s+day)?|valentine['’]?s(?:\\s+day)?|halloween|black\\s+friday|cyber\\s+monday";

/** What a resolver gets besides its captures. */
interface Ref {
  today: CalendarDate;
  now: Date;
  /** Read from the word before the match. */
  direction: Direction;
}

type Groups = Record<string, string | undefined>;

interface DateRule {
  /** Cheap test that must pass before the (costlier) Unicode regex runs. */
  hint: RegExp;
  re: RegExp;
  confidence: number;
  resolve: (g: Groups, ref: Ref) => DateValue | null;
}

const RULES: DateRule[] = [
  rule(/day/i, `day\\s+(?<which>before\\s+yesterday|after\\s+tomorrow)`, 0.95, (g, { today }) =>
    r.day(addDays(today, /^before/i.test(g.which ?? '') ? -2 : 2)),
  ),
  rule(/to(?:day|night|m)|tm|yesterday/i, `(?<w>today|tonight|tomorrow|tmrw|tmr|yesterday)`, 0.95, (g, { today }) =>
    r.day(addDays(today, dayOffset(g.w))),
  ),
  rule(
    /morning|afternoon|evening|night/i,
    `(?<w>today|tomorrow|yesterday|this|last)\\s+(?<part>morning|afternoon|evening|night)`,
    0.95,
    (g, { today }) => r.day(addDays(today, dayOffset(g.w))),
  ),
  rule(/last|this|next|past|coming/i, `(?<rel>last|this|next|past|coming)\\s+(?<wd>${WEEKDAY})`, 0.95, (g, { today }) =>
    r.day(r.relativeWeekday(today, lower(g.rel), r.weekdayIndex(g.wd ?? ''))),
  ),
  rule(
    /last|this|next|past|coming/i,
    `(?<rel>last|this|next|past|coming)\\s+(?<p>week|weekend|month|year)`,
    0.95,
    (g, { today }) => r.period(today, lower(g.rel), lower(g.p)),
  ),
  rule(/ago/i, `(?<n>${AMOUNT})\\s+${UNIT}\\s+ago`, 0.95, (g, { now, today }) =>
    r.shift(now, today, g.n ?? '', g.unit ?? '', -1),
  ),
  rule(/in\s/i, `in\\s+(?<n>${AMOUNT})\\s+${UNIT}`, 0.9, (g, { now, today }) =>
    r.shift(now, today, g.n ?? '', g.unit ?? '', 1),
  ),
  rule(/from\s+now/i, `(?<n>${AMOUNT})\\s+${UNIT}\\s+from\\s+now`, 0.95, (g, { now, today }) =>
    r.shift(now, today, g.n ?? '', g.unit ?? '', 1),
  ),
  rule(/\d/, `(?<y>\\d{4})-(?<m>\\d{1,2})-(?<d>\\d{1,2})`, 0.95, (g) =>
    r.absolute(Number(g.y), Number(g.m), Number(g.d)),
  ),
  {
    hint: /\d/,
    re: new RegExp(
      `(?<![\\p{L}\\p{N}/.])(?<a>\\d{1,2})/(?<b>\\d{1,2})(?:/(?<y>\\d{4}|\\d{2}))?(?![\\p{L}\\p{N}/]|\\.\\d)`,
      'gu',
    ),
    confidence: 0.85,
    resolve: (g, ref) => slashDate(ref, Number(g.a), Number(g.b), g.y),
  },
  rule(/\d/, `(?<mon>${MONTH})\\.?\\s+(?<d>\\d{1,2})${ORDINAL}(?:,?\\s+(?<y>\\d{4}))?`, 0.95, (g, ref) =>
    named(ref, g),
  ),
  rule(/\d/, `(?<d>\\d{1,2})${ORDINAL}\\s+(?:of\\s+)?(?<mon>${MONTH})(?:,?\\s+(?<y>\\d{4}))?`, 0.95, (g, ref) =>
    named(ref, g),
  ),
  rule(/\d/, `(?<=${B}(?:${PREP})\\s+)the\\s+(?<d>\\d{1,2})(?:st|nd|rd|th)`, 0.85, (g, { today, direction }) =>
    r.dayOfMonth(today, Number(g.d), direction),
  ),
  rule(/day/i, `(?<=${B}(?:${PREP})\\s+(?:a\\s+)?)(?<wd>${WEEKDAY_FULL})`, 0.85, (g, { today, direction }) =>
    r.day(r.bareWeekday(today, r.weekdayIndex(g.wd ?? ''), direction)),
  ),
  rule(
    /uary|march|april|june|july|august|ber/i,
    `(?<=${B}(?:in|from|since|during|for|of|until|till|before|after|by)\\s+)(?<mon>${MONTH_FULL})(?!\\s+\\d)`,
    0.8,
    (g, { today, direction }) => r.monthRange(today, r.monthIndex(g.mon ?? ''), direction),
  ),
  rule(/\d/, `(?<=${B}(?:in|for|from|since|during|of)\\s+)(?<y>(?:19|20)\\d{2})`, 0.8, (g) => r.yearRange(Number(g.y))),
  rule(/christmas|boxing|year|valentine|halloween|friday|monday/i, `(?<h>${HOLIDAY})`, 0.9, (g, { today, direction }) =>
    r.holiday(today, g.h ?? '', direction),
  ),
];

/** Dates and periods, see the module comment. */
export function extractDates(ctx: RuleContext): RuleEntity[] {
  const now = ctx.referenceDate;
  const today = calendarDate(now);
  if (!Number.isFinite(today.y)) return [];
  const out: RuleEntity[] = [];
  for (const { hint, re, confidence, resolve } of RULES) {
    if (!hint.test(ctx.text)) continue;
    for (const m of matchesOf(re, ctx.text)) {
      const before = /([\p{L}]+)\s+(?:the\s+|a\s+)?$/u.exec(ctx.text.slice(Math.max(0, m.index - 20), m.index));
      const value = resolve(m.groups ?? {}, {
        today,
        now,
        direction: r.directionOf(before?.[1]),
      });
      if (!value) continue;
      const end = m.index + m[0].length;
      out.push({
        entity: 'date',
        value,
        text: m[0],
        start: m.index,
        end,
        confidence,
        extractor: 'date',
      });
    }
  }
  return out;
}

function rule(hint: RegExp, source: string, confidence: number, resolve: DateRule['resolve']): DateRule {
  return {
    hint,
    re: new RegExp(`${B}${source}${E}`, 'giu'),
    confidence,
    resolve,
  };
}

function lower(s: string | undefined): string {
  return (s ?? '').toLowerCase();
}

/** today/tonight/this -> 0, tomorrow -> +1, yesterday/last (night) -> -1. */
function dayOffset(word: string | undefined): number {
  const w = lower(word);
  if (w === 'yesterday' || w === 'last') return -1;
  return w.startsWith('tom') || w.startsWith('tm') ? 1 : 0;
}

/** US order (month/day); day/month when the first number cannot be a month ("14/3"). "24/7" is not a date. */
function slashDate(ref: Ref, a: number, b: number, year: string | undefined): DateValue | null {
  if (a === 24 && b === 7) return null;
  const [m, d] = a > 12 && b <= 12 ? [b, a] : [a, b];
  if (year !== undefined) return r.absolute(year.length === 2 ? 2000 + Number(year) : Number(year), m, d);
  return r.monthDay(ref.today, m, d, ref.direction);
}

function named(ref: Ref, g: Groups): DateValue | null {
  const m = r.monthIndex(g.mon ?? '');
  if (m === 0) return null;
  if (g.y !== undefined) return r.absolute(Number(g.y), m, Number(g.d));
  return r.monthDay(ref.today, m, Number(g.d), ref.direction);
}
