/**
 * product_details: one product's card and attributes, and when the shopper
 * asked something ("is it waterproof?", "what material?") the attribute or
 * description sentence that answers it best. Retrieval, not generation: the
 * answer is always text the store wrote.
 */
import { z } from 'zod';
import { loadCatalog, toCard, type CatalogProduct, type CatalogSnapshot } from './catalog';
import { formatMoney } from './orders-shared';
import { rankProducts } from './product-search';
import { terms } from './text-match';
import type { Tool, ToolContext, ToolOutcome } from './types';

const input = z
  .object({
    productId: z.coerce.number().int().positive().optional(),
    /** "the second one", "last", "SHO-000001" or a product name. */
    productRef: z.string().trim().min(1).max(200).optional(),
    question: z.string().trim().min(1).max(300).optional(),
  })
  .refine((v) => v.productId !== undefined || v.productRef !== undefined, { message: 'productId or productRef is required' });

const ORDINALS: Readonly<Record<string, number>> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, fifth: 5, '5th': 5 };

/** Product for a reference: an ordinal into the products shown last, a SKU, or the best title match. */
export function resolveProductRef(catalog: CatalogSnapshot, ref: string, lastProductIds: readonly number[]): CatalogProduct | undefined {
  const lower = ref.toLowerCase();
  const words = lower.replace(/[^a-z0-9#\s-]/g, ' ').split(/\s+/).filter(Boolean);
  if (words.includes('last') && lastProductIds.length > 0) return catalog.byId.get(lastProductIds[lastProductIds.length - 1]!);
  const ordinal = words.map((w) => ORDINALS[w] ?? (/^#?\d$/.test(w) ? Number(w.replace('#', '')) : undefined)).find((n) => n !== undefined);
  if (ordinal !== undefined && ordinal <= lastProductIds.length) return catalog.byId.get(lastProductIds[ordinal - 1]!);
  const bySku = catalog.products.find((p) => p.sku.toLowerCase() === lower);
  if (bySku) return bySku;
  return rankProducts(catalog, { query: ref, limit: 1, excludeIds: [] })[0]?.product;
}

/** Question words -> words that appear in the facts that answer them. */
const QUESTION_SYNONYMS: Readonly<Record<string, string[]>> = {
  made: ['material', 'crafted'], fabric: ['material'], material: ['crafted', 'made'],
  water: ['waterproof', 'resistance', 'resistant'], rain: ['waterproof', 'water'], wet: ['waterproof', 'water'],
  battery: ['life', 'hour'], charge: ['battery'], last: ['battery', 'life'],
  guarantee: ['warranty'], heavy: ['weight'], weigh: ['weight'], light: ['weight'],
  wash: ['care'], clean: ['care', 'dishwasher'], fit: ['size', 'width'], big: ['size'], small: ['size'],
  colour: ['color'], cost: ['price'], much: ['price'], expensive: ['price'], return: ['final', 'sale'],
};

interface Fact {
  text: string;
  terms: Set<string>;
  fromAttribute: boolean;
}

function humanize(key: string): string {
  const spaced = key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

function render(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

/** Every attribute as a display value (what data.attributes carries). */
function attributesOf(p: CatalogProduct): Record<string, string> {
  const out: Record<string, string> = { brand: p.brand, category: p.category, price: formatMoney(p.priceCents, p.currency) };
  if (p.color) out.color = p.color;
  if (p.material) out.material = p.material;
  if (p.sizes.length > 0) out.sizes = p.sizes.join(', ');
  for (const [key, value] of Object.entries(p.attributes)) if (key !== 'tags') out[key] = render(value);
  out.finalSale = p.finalSale ? 'yes (cannot be returned)' : 'no';
  return out;
}

function factsOf(p: CatalogProduct, attributes: Record<string, string>): Fact[] {
  const facts: Fact[] = Object.entries(attributes).map(([key, value]) => {
    const text = `${humanize(key)}: ${value}`;
    return { text, terms: new Set(terms(text)), fromAttribute: true };
  });
  for (const sentence of p.description.split(/(?<=[.!?])\s+/)) {
    if (sentence.trim()) facts.push({ text: sentence.trim(), terms: new Set(terms(sentence)), fromAttribute: false });
  }
  return facts;
}

/** The fact sharing the most (synonym-expanded) words with the question; attributes win ties. */
export function answerQuestion(p: CatalogProduct, question: string): string | undefined {
  const attributes = attributesOf(p);
  const asked = terms(question);
  const weights = new Map<string, number>();
  for (const t of asked) {
    weights.set(t, 1);
    for (const s of QUESTION_SYNONYMS[t] ?? []) if (!weights.has(s)) weights.set(s, 0.6);
  }
  let best: { fact: Fact; score: number } | undefined;
  for (const fact of factsOf(p, attributes)) {
    let score = 0;
    for (const [t, w] of weights) if (fact.terms.has(t)) score += w;
    if (score === 0) continue;
    score += fact.fromAttribute ? 0.3 : 0;
    if (!best || score > best.score) best = { fact, score };
  }
  return best?.fact.text;
}

async function run(args: z.infer<typeof input>, context: ToolContext): Promise<ToolOutcome> {
  const catalog = await loadCatalog(context.db);
  const product = args.productId !== undefined ? catalog.byId.get(args.productId) : resolveProductRef(catalog, args.productRef!, context.lastProductIds);
  if (!product) return { status: 'not_found' };
  const answer = args.question !== undefined ? answerQuestion(product, args.question) : undefined;
  return {
    status: 'ok',
    data: { productId: product.id, title: product.title, description: product.description, attributes: attributesOf(product), ...(answer !== undefined ? { answer } : {}) },
    products: [toCard(product)],
  };
}

/** The product_details tool. */
export const productDetailsTool: Tool<typeof input> = {
  name: 'product_details',
  description: 'Details of one product (by id, SKU, name or position in the last results) and an answer to a question about it.',
  input,
  requiresVerifiedCustomer: false,
  run,
};
