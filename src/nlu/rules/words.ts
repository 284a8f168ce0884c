/**
 * Word lists the number-based rules share to decide what a number is about:
 * "10 items" is a quantity, "10 days" a duration, "10 dollars" money.
 */

/** Function words: a number followed by one of these is not counting anything. */
// prettier-ignore
export const STOPWORDS = new Set([
  'the', 'a', 'an', 'and', 'or', 'but', 'to', 'in', 'on', 'at', 'for', 'from', 'by', 'with', 'into', 'onto',
  'about', 'is', 'are', 'was', 'were', 'be', 'been', 'am', 'i', 'you', 'he', 'she', 'it', 'we', 'they', 'me',
  'him', 'her', 'us', 'them', 'my', 'your', 'his', 'its', 'our', 'their', 'this', 'that', 'these', 'those',
  'instead', 'than', 'then', 'if', 'so', 'as', 'not', 'no', 'yes', 'please', 'pls', 'thanks', 'thank', 'ok',
  'okay', 'now', 'when', 'where', 'what', 'which', 'who', 'why', 'how', 'left', 'back', 'ago', 'later', 'too',
  'also', 'only', 'just', 'already', 'yet', 'still', 'again', 'do', 'does', 'did', 'have', 'has', 'had', 'will',
  'would', 'can', 'could', 'should', 'shall', 'may', 'might', 'must', 'get', 'got', 'per', 'each', 'via', 'out',
  'nor', 'plus', 'minus', 'available', 'anymore',
]);

/** Units that make a number a duration, a time, a measurement or money rather than a count. */
// prettier-ignore
export const NON_COUNT_UNITS = new Set([
  'day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years', 'yr', 'yrs', 'hour', 'hours', 'hr', 'hrs',
  'minute', 'minutes', 'min', 'mins', 'second', 'seconds', 'sec', 'secs', 'am', 'pm', "o'clock", 'ago',
  'dollar', 'dollars', 'buck', 'bucks', 'usd', 'euro', 'euros', 'eur', 'pound', 'pounds', 'gbp', 'quid', 'cent',
  'cents', 'yen', 'jpy', 'percent', 'pct', 'times', 'star', 'stars', 'th', 'st', 'nd', 'rd', 'kg', 'kgs', 'g',
  'gram', 'grams', 'lb', 'lbs', 'oz', 'ml', 'l', 'liter', 'liters', 'litre', 'litres', 'cm', 'mm', 'm', 'km',
  'inch', 'inches', 'in', 'ft', 'feet', 'foot', 'gb', 'tb', 'mb', 'mp', 'w', 'v', 'mah', 'hz', 'k', 'degrees',
  'degree', 'fahrenheit', 'celsius', 'factor', 'o', 'oclock',
]);

/** Currency words and symbols -> ISO code. */
// prettier-ignore
export const CURRENCY: Record<string, string> = {
  $: 'USD', dollar: 'USD', dollars: 'USD', buck: 'USD', bucks: 'USD', usd: 'USD',
  '€': 'EUR', euro: 'EUR', euros: 'EUR', eur: 'EUR',
  '£': 'GBP', pound: 'GBP', pounds: 'GBP', gbp: 'GBP', quid: 'GBP',
  '¥': 'JPY', yen: 'JPY', jpy: 'JPY',
};

/** Currency symbols written before (or right after) the amount. */
export const CURRENCY_SYMBOLS = new Set(['$', '€', '£', '¥']);

/** Codes that may precede an amount ("USD 50"). */
export const CURRENCY_CODES = new Set(['usd', 'eur', 'gbp', 'jpy']);

/** True for a token that can be (or start) a noun phrase: a word of letters that is not a function word. */
export function isNounish(norm: string | undefined): boolean {
  if (norm === undefined || norm.length < 2) return false;
  if (!/^\p{L}[\p{L}'\-]*$/u.test(norm)) return false;
  return !STOPWORDS.has(norm) && !NON_COUNT_UNITS.has(norm);
}
