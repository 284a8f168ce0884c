/**
 * From NLU entities (and the raw text, for references the model does not tag)
 * to slot values: order numbers, emails, product filters, ordinal references
 * ("the second one"), discount codes, addresses.
 */
import type { ParsedEntity } from '../nlu';
import type { SearchFilters } from './state';

export function entityValue(entities: readonly ParsedEntity[], name: string): string | undefined {
  const entity = entities.find((e) => e.entity === name);
  if (!entity) return undefined;
  return typeof entity.value === 'string' || typeof entity.value === 'number' ? String(entity.value) : entity.text;
}

/** Order numbers are digits; the NLU may hand "#48213" or "ORD-48213". */
export function orderNumberFrom(entities: readonly ParsedEntity[], text: string, expectingOne: boolean): string | undefined {
  const value = entityValue(entities, 'order_id');
  if (value) return value.replace(/^(#|ord-?|order\s*)/i, '');
  // A bare number typed in answer to "what's the order number?"
  if (expectingOne) return /\b(\d{4,8})\b/.exec(text)?.[1];
  return undefined;
}

export function emailFrom(entities: readonly ParsedEntity[], text: string): string | undefined {
  return entityValue(entities, 'email') ?? /[^\s@]+@[^\s@]+\.[a-z]{2,}/i.exec(text)?.[0];
}

interface MoneyValue {
  amount?: number;
  min?: number;
  max?: number;
}

/** Product search filters present in a message (only those mentioned). */
export function searchFiltersFrom(entities: readonly ParsedEntity[]): SearchFilters {
  const filters: SearchFilters = {};
  const product = entities.find((e) => e.entity === 'product');
  if (product) filters.query = product.text;
  for (const key of ['category', 'brand', 'color', 'size', 'material'] as const) {
    const value = entityValue(entities, key);
    if (value) filters[key] = value;
  }
  const money = entities.find((e) => e.entity === 'amount' || e.entity === 'money');
  if (money && money.value && typeof money.value === 'object') {
    const v = money.value as MoneyValue;
    if (v.max !== undefined) filters.maxPrice = v.max;
    if (v.min !== undefined) filters.minPrice = v.min;
    if (v.amount !== undefined && v.max === undefined && v.min === undefined) filters.maxPrice = v.amount;
  }
  return filters;
}

const ORDINALS: Record<string, number> = { first: 0, '1st': 0, second: 1, '2nd': 1, third: 2, '3rd': 2, fourth: 3, '4th': 3, fifth: 4, '5th': 4 };

/** "the second one", "number 3", "#2", "the last one" -> index into the last products shown. */
export function ordinalFrom(text: string, count: number): number | undefined {
  const lower = text.toLowerCase();
  if (/\blast one\b|\bthe last\b/.test(lower) && count > 0) return count - 1;
  const word = /\b(first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)\b/.exec(lower)?.[1];
  if (word) return ORDINALS[word];
  const number = /\b(?:number|no\.?|#|option)\s*([1-5])\b/.exec(lower)?.[1];
  return number ? Number(number) - 1 : undefined;
}

/** Refers to something shown before ("it", "this one", "that jacket")? */
export function refersToShown(text: string): boolean {
  return /\b(it|this|that|these|those|them|this one|that one)\b/i.test(text);
}

export function discountCodeFrom(text: string): string | undefined {
  const afterWord = /\bcode\s+([A-Za-z0-9-]{3,20})\b/i.exec(text)?.[1];
  if (afterWord && !/^(is|for|to|and|work|works|valid)$/i.test(afterWord)) return afterWord.toUpperCase();
  return /\b([A-Z][A-Z0-9]{3,19})\b/.exec(text)?.[1];
}

/** A free-text address answer: keeps the text, and pulls the city when the NLU found one. */
export function addressFrom(text: string, entities: readonly ParsedEntity[]): { line1: string; city: string; postalCode?: string } | undefined {
  const cleaned = text.trim().replace(/^(it'?s|to|the new address is|new address:?|please send it to)\s+/i, '');
  const parts = cleaned.split(',').map((p) => p.trim()).filter(Boolean);
  if (parts.length < 2 && !entityValue(entities, 'city')) return undefined;
  const postalCode = /\b\d{5}(?:-\d{4})?\b|\b[A-Z]\d[A-Z] ?\d[A-Z]\d\b/i.exec(cleaned)?.[0];
  const city = entityValue(entities, 'city') ?? parts[1]!.replace(postalCode ?? '', '').trim();
  return { line1: parts[0]!, city, ...(postalCode ? { postalCode } : {}) };
}
