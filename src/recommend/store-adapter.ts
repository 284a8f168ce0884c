/**
 * Maps the store's product and interaction rows (the Prisma models, or the
 * demo-store generator's rows: same fields) to the recommender's plain types.
 * Typed structurally so this module never imports the store.
 */
import { RecommendInputError } from './errors';
import type { Interaction, InteractionKind, Item } from './types';

export interface ProductLike {
  id: number;
  title: string;
  description: string;
  category: string;
  brand: string;
  priceCents: number;
  color: string | null;
  material: string | null;
  attributes: unknown;
}

export interface InteractionLike {
  customerId: number | null;
  sessionId: string;
  productId: number;
  kind: string;
  at: Date;
}

const KINDS: readonly string[] = ['view', 'add_to_cart', 'purchase'];

/** A known customer across sessions, else the anonymous session. */
export function storeUserId(customerId: number | null, sessionId: string): string {
  return customerId !== null ? `c:${customerId}` : `s:${sessionId}`;
}

function attributeWords(attributes: unknown): string[] {
  if (attributes === null || typeof attributes !== 'object' || Array.isArray(attributes)) return [];
  return Object.entries(attributes as Record<string, unknown>).flatMap(([key, value]) => {
    if (typeof value === 'string') return [value];
    if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
    if (value === true) return [key];
    return [];
  });
}

/** Item id = product id as a string. */
export function storeItems(products: readonly ProductLike[]): Item[] {
  return products.map((p) => ({
    id: String(p.id),
    title: p.title,
    category: p.category,
    text: [p.description, p.brand, p.color ?? '', p.material ?? '', ...attributeWords(p.attributes)].join(' '),
    priceCents: p.priceCents,
  }));
}

/** @throws RecommendInputError for an interaction kind the recommender does not know. */
export function storeInteractions(rows: readonly InteractionLike[]): Interaction[] {
  return rows.map((r) => {
    if (!KINDS.includes(r.kind)) throw new RecommendInputError(`interaction kind ${r.kind} is not one of ${KINDS.join(', ')}`);
    return { user: storeUserId(r.customerId, r.sessionId), item: String(r.productId), kind: r.kind as InteractionKind, at: r.at.getTime() };
  });
}
