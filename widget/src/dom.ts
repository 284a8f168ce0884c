/** Small DOM helpers. Text always goes in through textContent, never as HTML. */

export interface Props {
  class?: string;
  text?: string;
  attrs?: Record<string, string | number | boolean | undefined>;
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, children: (Node | null | undefined)[] = []): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.class) node.className = props.class;
  if (props.text !== undefined) node.textContent = props.text;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child) node.appendChild(child);
  return node;
}

/**
 * The URL when it is safe to put in href/src: http(s), protocol-relative or
 * relative. Anything else (javascript:, data:, vbscript:, obfuscated with
 * tabs/newlines/entities-as-text) gives undefined. Parsed with the WHATWG URL
 * parser, the same one the browser uses for href. DOM-free.
 */
export function safeUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const url = value.trim();
  if (!url) return undefined;
  try {
    const parsed = new URL(url, 'https://relative.invalid/');
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

function toDate(iso: unknown): Date | undefined {
  if (typeof iso !== 'string' && typeof iso !== 'number') return undefined;
  // A bare date ("2025-03-05", an ETA) is a local calendar day, not UTC midnight.
  const day = typeof iso === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  const date = day ? new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3])) : new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** HH:MM (24h, local time). */
export function hhmm(date: Date): string {
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function fullDate(date: Date): string {
  try {
    return date.toLocaleString(undefined, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  } catch {
    return date.toString();
  }
}

/** <time> showing HH:MM with the full date in its title; null when the date is unusable. */
export function timeElement(iso: unknown, className = 'sd-time'): HTMLTimeElement | null {
  const date = toDate(iso);
  if (!date) return null;
  return h('time', { class: className, text: hhmm(date), attrs: { datetime: date.toISOString(), title: fullDate(date) } });
}

/** A short date ("Mar 5, 14:05") for timeline events and ETAs; the raw text when it is not a date. */
export function shortDate(value: unknown, withTime = true): string {
  const date = toDate(value);
  if (!date) return typeof value === 'string' ? value : '';
  const day = date.toLocaleDateString(undefined, { month: 'short', day: 'numeric', year: date.getFullYear() === new Date().getFullYear() ? undefined : 'numeric' });
  return withTime ? `${day}, ${hhmm(date)}` : day;
}

/** A date-ish value as a <time> element (title = full date) or plain text. */
export function dateNode(value: unknown, withTime = true): Node {
  const date = toDate(value);
  const text = shortDate(value, withTime);
  if (!date) return document.createTextNode(text);
  return h('time', { text, attrs: { datetime: date.toISOString(), title: fullDate(date) } });
}
