/**
 * Order numbers a customer mentioned. Only numbers the NLU tagged as order_id,
 * that a tool was called with, or that the text marks as an order ("#48213",
 * "ORD-5530", "order no. 100482"): a bare number may be a postcode or a phone.
 */

const IN_TEXT = [/#\s?(\d{4,8})\b/gu, /\bord[-\s]?(\d{4,8})\b/giu, /\border\s*(?:no\.?|number|num\.?|nr\.?|id|#)?\s*[:#]?\s*(\d{4,8})\b/giu];

/** Digits of an order reference ("#48213", "ORD-48213", 48213) or null. */
export function normalizeOrderNumber(value: unknown): string | null {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return String(value);
  if (typeof value !== 'string') return null;
  const match = /^\s*(?:#|ord(?:er)?[-\s#]*)?\s*(\d{4,8})\s*$/iu.exec(value);
  return match ? match[1]! : null;
}

/** Order numbers marked as such in `text`, in order of appearance, without duplicates. */
export function orderNumbersInText(text: string): string[] {
  const found: Array<{ at: number; number: string }> = [];
  for (const pattern of IN_TEXT) {
    for (const match of text.matchAll(pattern)) found.push({ at: match.index ?? 0, number: match[1]! });
  }
  found.sort((a, b) => a.at - b.at);
  return unique(found.map((f) => f.number));
}

/** Order numbers among NLU entities. */
export function orderNumbersInEntities(entities: ReadonlyArray<{ entity: string; value: unknown }>): string[] {
  return unique(entities.filter((e) => e.entity === 'order_id').flatMap((e) => normalizeOrderNumber(e.value) ?? []));
}

export function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
