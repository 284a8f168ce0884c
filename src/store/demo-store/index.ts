/**
 * Deterministic demo-store generator: a seeded, realistic shop (catalog,
 * customers, 18 months of orders with parcels and returns, reviews and
 * browsing sessions) whose rows match prisma/schema.prisma and carry explicit
 * ids, so a loader can bulk-insert them with relations already resolved.
 *
 *   generateDemoStore()                        full size (~1,200 products, 2,400 customers, 12,000 orders)
 *   generateDemoStore({ seed: 7, scale: 0.05 }) a small store for tests
 *
 * Same options -> deep-equal output: no Math.random, no clock; every date is an
 * offset from `referenceDate`. The three DEMO_PERSONAS (customer ids 1-3) and
 * their orders are identical for every seed and scale.
 */
import { buildAffinity } from './clusters';
import { generateCustomers, type CustomerSet } from './customers';
import { generateInteractions } from './interactions';
import { generateOrders } from './orders';
import { personaCustomers } from './personas';
import { generateProducts } from './products';
import { Rng } from './prng';
import { generateReviews } from './reviews';
import { ActivityCalendar } from './time';
import type { DemoStore, DemoStoreOptions } from './types';

export { CATEGORIES } from './catalog';
export { DEMO_PERSONAS, type DemoPersona, type DemoPersonaOrder } from './personas';
export { ORDER_STATUSES, INTERACTION_KINDS } from './types';
export type {
  CustomerRow,
  DemoStore,
  DemoStoreOptions,
  InteractionKind,
  InteractionRow,
  OrderItemRow,
  OrderRow,
  OrderStatus,
  ProductAttributes,
  ProductRow,
  RefundStatus,
  ReturnRow,
  ReturnStatus,
  ReviewRow,
  ShipmentEvent,
  ShipmentRow,
  ShippingAddress,
} from './types';

export const DEFAULT_SEED = 42;
export const DEFAULT_REFERENCE_DATE = new Date('2026-11-01T00:00:00Z');

/** Row counts at scale 1 (products come out slightly above: featured items and per-category minimums). */
export const FULL_SIZE = { customers: 2400, orders: 12000, reviews: 24000, interactions: 130000 } as const;

export function generateDemoStore(options: DemoStoreOptions = {}): DemoStore {
  const seed = options.seed ?? DEFAULT_SEED;
  const scale = options.scale ?? 1;
  const reference = options.referenceDate ?? DEFAULT_REFERENCE_DATE;
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  if (!(scale > 0) || !Number.isFinite(scale)) throw new RangeError(`scale must be a positive number, got ${scale}`);
  const refMs = reference.getTime();
  if (!Number.isFinite(refMs)) throw new RangeError('referenceDate is not a valid date');

  const root = new Rng(Math.trunc(seed) >>> 0).fork(`seed:${seed}`);
  const calendar = new ActivityCalendar(refMs);
  const products = generateProducts(root.fork('products'), scale, refMs);
  const affinity = buildAffinity(root.fork('affinity'), products);

  const personas = personaCustomers(refMs, affinity);
  const emails = new Set(personas.rows.map((r) => r.email));
  const customerCount = Math.max(10, Math.round(FULL_SIZE.customers * scale)) - personas.rows.length;
  const generated = generateCustomers(root.fork('customers'), customerCount, personas.rows.length + 1, refMs, affinity, emails);
  const customers: CustomerSet = { rows: [...personas.rows, ...generated.rows], profiles: [...personas.profiles, ...generated.profiles] };

  const orderCount = Math.max(20, Math.round(FULL_SIZE.orders * scale));
  const orders = generateOrders(root.fork('orders'), orderCount, refMs, calendar, products, affinity, customers);
  const reviews = generateReviews(root.fork('reviews'), Math.max(20, Math.round(FULL_SIZE.reviews * scale)), refMs, calendar, products, affinity, customers, orders.records, orders.returns);
  const interactions = generateInteractions(root.fork('interactions'), Math.max(100, Math.round(FULL_SIZE.interactions * scale)), refMs, calendar, products, affinity, customers, orders.records);

  return {
    customers: customers.rows,
    products: products.rows,
    orders: orders.orders,
    orderItems: orders.items,
    shipments: orders.shipments,
    returns: orders.returns,
    reviews,
    interactions,
  };
}
