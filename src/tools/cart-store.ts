/**
 * Where carts live. The engine owns Conversation.state, so carts are kept
 * apart, behind an interface. The default keeps them in this process's
 * memory: carts vanish on restart and are not shared between servers. A
 * multi-server deployment must pass a shared implementation (e.g. Redis,
 * keyed by conversation id) to createToolRegistry({ cartStore }).
 */
import { formatMoney } from './orders-shared';

/** One product (in one size) in a cart. */
export interface CartLine {
  productId: number;
  title: string;
  size: string | null;
  quantity: number;
  /** Price when added; the checkout re-prices. */
  unitPriceCents: number;
  currency: string;
}

/** Storage of one cart per conversation. Async so a network store fits the same interface. */
export interface CartStore {
  get(conversationId: string): Promise<CartLine[]>;
  set(conversationId: string, lines: CartLine[]): Promise<void>;
}

/** In-process cart store; forgets the least recently used carts beyond `maxCarts` so memory stays bounded. */
export class InMemoryCartStore implements CartStore {
  private readonly carts = new Map<string, CartLine[]>();

  constructor(private readonly maxCarts = 10_000) {}

  async get(conversationId: string): Promise<CartLine[]> {
    const lines = this.carts.get(conversationId);
    if (!lines) return [];
    // Re-insert to mark as recently used (Map keeps insertion order).
    this.carts.delete(conversationId);
    this.carts.set(conversationId, lines);
    return lines.map((l) => ({ ...l }));
  }

  async set(conversationId: string, lines: CartLine[]): Promise<void> {
    this.carts.delete(conversationId);
    if (lines.length === 0) return;
    this.carts.set(conversationId, lines.map((l) => ({ ...l })));
    while (this.carts.size > this.maxCarts) {
      const oldest = this.carts.keys().next().value as string;
      this.carts.delete(oldest);
    }
  }
}

/** Cart contents with totals, as tools return it. */
export function summarizeCart(lines: readonly CartLine[]) {
  const totalCents = lines.reduce((sum, l) => sum + l.quantity * l.unitPriceCents, 0);
  const currency = lines[0]?.currency ?? 'USD';
  return {
    items: lines.map((l) => ({ ...l, lineTotal: formatMoney(l.quantity * l.unitPriceCents, l.currency) })),
    itemCount: lines.reduce((sum, l) => sum + l.quantity, 0),
    /** Before discounts, shipping and tax. */
    totalCents,
    total: formatMoney(totalCents, currency),
  };
}
