/** Flows about products: search (with follow-ups), details, stock, comparison, recommendations, cart, discounts. */
import { formatPrice } from '../util/html';
import type { ProductCard } from './reply';
import { ordinalFrom, refersToShown, searchFiltersFrom } from './slots';
import type { Flow } from './flow';
import type { SearchFilters } from './state';
import type { Turn } from './turn';

function describeFilters(f: SearchFilters): string {
  // "running" searched in shoes reads "running shoes"; a query that already names its category stays as it is.
  const subject = f.query && f.category && !f.query.toLowerCase().includes(f.category.toLowerCase()) ? `${f.query} ${f.category}` : (f.query ?? f.category);
  const parts = [f.color, f.material, f.brand, subject].filter(Boolean);
  const tail = [f.size ? `in size ${f.size}` : '', f.maxPrice !== undefined ? `under $${f.maxPrice}` : '', f.minPrice !== undefined ? `over $${f.minPrice}` : ''].filter(Boolean);
  const text = [...parts, ...tail].join(' ');
  return text ? ` for ${text}` : '';
}

const RELAX_TEXT: Record<string, string> = {
  query: 'Try different words?',
  maxPrice: 'Try a higher price limit?',
  size: 'Try another size?',
  color: 'Try another colour?',
  material: 'Try another material?',
  brand: 'Try another brand?',
  category: 'Try a broader category?',
};

export async function runSearch(turn: Turn, filters: SearchFilters): Promise<void> {
  const outcome = await turn.tool('product_search', { ...filters, limit: 5 });
  turn.state.lastSearch = filters;
  if (outcome.status !== 'ok') return turn.say('error');
  const products = outcome.products ?? [];
  if (products.length === 0) {
    const suggestion = typeof outcome.data.suggestion === 'string' ? outcome.data.suggestion : undefined;
    return turn.say('product_no_results', { filtersText: describeFilters(filters), suggestionText: suggestion ? (RELAX_TEXT[suggestion] ?? `Try without the ${suggestion} filter?`) : 'Try different words?' });
  }
  turn.say('product_results', { filtersText: describeFilters(filters) }, [turn.showProducts(products)]);
}

/** Words that say what the shopper wants to do, not what they want: dropped from free-text queries. */
const FILLER = /\b(show|find|search|me|do|does|you|have|any|i'?m|i|looking|for|want|need|some|a|an|the|please|is|it|in|stock|available|tell|about|what|whats|what's|can|get|buy|products?|items?|there|of|my)\b/gi;

export function freeTextQuery(text: string): string {
  return text.replace(/[?!.,]/g, ' ').replace(FILLER, ' ').replace(/\s+/g, ' ').trim();
}

/** A new search: only what this message asks for (follow-ups that refine the last search are routed elsewhere). */
async function search(turn: Turn): Promise<void> {
  const filters = searchFiltersFrom(turn.parse.entities);
  if (!filters.query && !filters.category) {
    const query = turn.text.startsWith('/') ? '' : freeTextQuery(turn.text);
    if (query) filters.query = query;
  }
  if (!filters.query && !filters.category && !filters.brand) {
    turn.state.activeFlow = 'product_search';
    turn.state.askedSlot = 'product';
    return turn.say('ask_product');
  }
  await runSearch(turn, filters);
}

/** "cheaper?": the last search again, below the cheapest price shown. */
export async function cheaper(turn: Turn): Promise<void> {
  const last = turn.state.lastSearch ?? {};
  const shownMin = turn.state.lastMinPriceCents;
  const below = shownMin !== null ? Math.floor(shownMin / 100 - 0.01) : last.maxPrice;
  await runSearch(turn, { ...last, ...(below !== undefined ? { maxPrice: below } : {}) });
}

/**
 * The product the shopper means: an ordinal ("the second one"), a product named in the message,
 * else the product in focus (the last one picked or asked about), else the first one shown.
 */
async function resolveProduct(turn: Turn): Promise<number | undefined> {
  const { state } = turn;
  const shown = state.lastProducts;
  const ordinal = ordinalFrom(turn.text, shown.length);
  if (ordinal !== undefined && shown[ordinal] !== undefined) return (state.focusProduct = shown[ordinal]!);
  const filters = searchFiltersFrom(turn.parse.entities);
  const named = filters.query ?? (filters.brand ? freeTextQuery(turn.text) : undefined);
  if (named && !(refersToShown(turn.text) && !filters.query && !filters.brand)) {
    const outcome = await turn.tool('product_search', { ...filters, query: named, limit: 1 });
    const found = outcome.status === 'ok' ? outcome.products?.[0] : undefined;
    if (found) return (state.focusProduct = found.id);
  }
  const fallback = state.focusProduct ?? shown[0];
  if (fallback !== undefined) state.focusProduct = fallback;
  return fallback;
}

function productFlow(act: (turn: Turn, productId: number) => Promise<void>): Flow['act'] {
  return async (turn) => {
    const productId = await resolveProduct(turn);
    if (productId === undefined) return turn.say('ask_which_product');
    await act(turn, productId);
  };
}

export const SHOPPING_FLOWS: Record<string, Flow> = {
  product_search: { slots: [], act: search },
  product_recommendation: {
    slots: [],
    act: async (turn) => {
      const filters = searchFiltersFrom(turn.parse.entities);
      const seed = ordinalFrom(turn.text, turn.state.lastProducts.length);
      const productId = seed !== undefined ? turn.state.lastProducts[seed] : refersToShown(turn.text) ? turn.state.lastProducts[0] : undefined;
      const outcome = await turn.tool('recommend', { ...(productId ? { productId } : {}), ...(filters.category ? { category: filters.category } : {}), ...(filters.maxPrice ? { maxPrice: filters.maxPrice } : {}), limit: 4 });
      if (outcome.status !== 'ok' || !outcome.products?.length) return turn.say('product_no_results', { filtersText: describeFilters(filters), suggestionText: 'Tell me what you are looking for?' });
      turn.say('recommendations', {}, [turn.showProducts(outcome.products)]);
    },
  },
  product_details: {
    slots: [],
    act: productFlow(async (turn, productId) => {
      const outcome = await turn.tool('product_details', { productId, question: turn.text });
      if (outcome.status !== 'ok') return turn.say('ask_which_product');
      const card = outcome.products?.[0];
      const answer = typeof outcome.data.answer === 'string' && outcome.data.answer ? outcome.data.answer : `Here are the details of ${card?.title ?? 'this product'}.`;
      turn.say('product_details', { answer }, card ? [{ type: 'product_cards', products: [card] }] : []);
    }),
  },
  check_stock: {
    slots: [],
    act: productFlow(async (turn, productId) => {
      const size = searchFiltersFrom(turn.parse.entities).size;
      const outcome = await turn.tool('check_stock', { productId, ...(size ? { size } : {}) });
      if (outcome.status !== 'ok') return turn.say('ask_which_product');
      const d = outcome.data as { title?: string; stock?: number; sizeOffered?: boolean; size?: string };
      const stockText =
        size && d.sizeOffered === false
          ? `${d.title} doesn't come in size ${size}.`
          : (d.stock ?? 0) > 0
            ? `Yes, ${d.title}${size ? ` in size ${size}` : ''} is in stock (${d.stock} available).`
            : `Sorry, ${d.title} is out of stock right now.`;
      turn.say('stock_status', { stockText });
    }),
  },
  product_compare: {
    slots: [],
    act: async (turn) => {
      const ids = turn.state.lastProducts.slice(0, 2);
      if (ids.length < 2) return turn.say('ask_which_product');
      const cards: ProductCard[] = [];
      for (const productId of ids) {
        const outcome = await turn.tool('product_details', { productId });
        if (outcome.status === 'ok' && outcome.products?.[0]) cards.push(outcome.products[0]);
      }
      const [a, b] = cards;
      if (!a || !b) return turn.say('ask_which_product');
      const cheaperOne = a.priceCents <= b.priceCents ? a : b;
      const better = a.rating >= b.rating ? a : b;
      turn.say('compare_products', { comparison: `${a.title} costs ${a.price} (rated ${a.rating.toFixed(1)}), ${b.title} costs ${b.price} (rated ${b.rating.toFixed(1)}). ${cheaperOne.title} is cheaper; ${better.title} is rated higher.` }, [{ type: 'product_cards', products: cards }]);
    },
  },
  add_to_cart: {
    slots: [],
    act: async (turn) => {
      if (/\b(what'?s in|show|view|see|check|open)\b.*\b(cart|basket)\b/i.test(turn.text)) return viewCart(turn);
      const productId = await resolveProduct(turn);
      if (productId === undefined) return turn.say('ask_which_product');
      const size = searchFiltersFrom(turn.parse.entities).size;
      const quantity = Number(turn.parse.entities.find((e) => e.entity === 'quantity')?.value ?? 1) || 1;
      const outcome = await turn.tool('add_to_cart', { productId, quantity, ...(size ? { size } : {}) });
      if (outcome.status === 'refused') return turn.say('cart_refused', { reasonText: outcome.reason.replace(/_/g, ' ') });
      if (outcome.status !== 'ok') return turn.say('error');
      const d = outcome.data as { title: string; count: number; totalCents: number };
      turn.say('added_to_cart', { quantity, title: d.title, sizeText: size ? ` (size ${size})` : '', count: d.count, total: formatPrice(d.totalCents) });
    },
  },
  discount_code: {
    slots: ['discount_code'],
    act: async (turn) => {
      const code = turn.state.slots.discount_code!;
      const outcome = await turn.tool('discount_code', { code });
      if (outcome.status === 'ok') return turn.say('discount_valid', { code, description: String(outcome.data.description ?? '') });
      turn.say('discount_invalid', { code, reasonText: outcome.status === 'refused' && outcome.reason === 'expired' ? 'has expired' : "isn't a valid code" });
    },
  },
};

async function viewCart(turn: Turn): Promise<void> {
  const outcome = await turn.tool('view_cart', {});
  if (outcome.status !== 'ok') return turn.say('error');
  const items = (outcome.data.items as { title: string; quantity: number }[] | undefined) ?? [];
  if (items.length === 0) return turn.say('cart_empty');
  turn.say('cart_contents', { items: items.map((i) => `${i.quantity} x ${i.title}`).join(', '), total: formatPrice(Number(outcome.data.totalCents ?? 0)) });
}
