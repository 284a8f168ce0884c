/**
 * Orders and their items, shipments and returns. Baskets follow the shopper's
 * tastes (affinity clusters) and the status follows the order's age: recent
 * orders are still processing, shipped, in transit or delayed; older ones were
 * delivered, returned or cancelled. Persona orders (personas.ts) come first.
 */
import { pickAvailableProduct, type Affinity } from './clusters';
import type { CustomerProfile, CustomerSet } from './customers';
import { PERSONA_ORDER_NUMBERS, PERSONA_ORDERS } from './personas';
import { featuredId, type ProductMeta, type ProductSet } from './products';
import { WeightedSampler, type Rng } from './prng';
import { buildReturns, type ReturnInput } from './returns';
import { buildShipment } from './shipments';
import { DAY, HOUR, iso, type ActivityCalendar } from './time';
import { ORDER_STATUSES, type OrderItemRow, type OrderRow, type OrderStatus, type ProductRow, type ReturnRow, type ShipmentRow } from './types';

export interface OrderRecord {
  order: OrderRow;
  items: OrderItemRow[];
  deliveredAtMs: number | null;
  returnedAtMs: number | null;
  persona: boolean;
}

export interface OrderSet {
  orders: OrderRow[];
  items: OrderItemRow[];
  shipments: ShipmentRow[];
  returns: ReturnRow[];
  records: OrderRecord[];
}

interface Line {
  product: number;
  quantity: number;
  size: string | null;
  unitPriceCents: number;
}

interface Draft {
  profile: CustomerProfile;
  placedAtMs: number;
  status: OrderStatus;
  lines: Line[];
}

type StatusWeights = Partial<Record<OrderStatus, number>>;
/** [max age in days, status weights]: the older the order, the further along it is. */
const STATUS_BY_AGE: readonly (readonly [number, StatusWeights])[] = [
  [1, { processing: 88, shipped: 6, cancelled: 6 }],
  [3, { processing: 20, shipped: 38, in_transit: 30, delayed: 6, cancelled: 6 }],
  [7, { shipped: 6, in_transit: 42, delayed: 12, delivered: 34, cancelled: 6 }],
  [14, { in_transit: 6, delayed: 6, delivered: 80, returned: 2, cancelled: 6 }],
  [45, { delivered: 86, returned: 9, cancelled: 5 }],
  [Infinity, { delivered: 85, returned: 10, cancelled: 5 }],
];
/** Typical age (days) of an order in each status, used to place an order when a status must be forced. */
const TYPICAL_AGE: Readonly<Record<OrderStatus, number>> = { processing: 0.3, shipped: 1.6, in_transit: 3.5, delayed: 6, delivered: 20, returned: 40, cancelled: 12 };

function statusForAge(rng: Rng, ageDays: number): OrderStatus {
  const weights = (STATUS_BY_AGE.find(([max]) => ageDays < max) ?? STATUS_BY_AGE[STATUS_BY_AGE.length - 1])?.[1] ?? {};
  return rng.weightedKey(weights as Record<OrderStatus, number>);
}

function sizeFor(rng: Rng, meta: ProductMeta, profile: CustomerProfile): string | null {
  const sizes = meta.sizes;
  if (sizes.length === 0) return null;
  const sizing = meta.kind.sizing ?? meta.def.sizing;
  const preferred = sizing === 'shoe' ? profile.shoeSize : sizing === 'apparel' ? profile.apparelSize : null;
  if (preferred && sizes.includes(preferred) && rng.chance(0.9)) return preferred;
  return sizes[Math.min(sizes.length - 1, Math.max(0, Math.round(rng.normal((sizes.length - 1) / 2, sizes.length / 5))))] as string;
}

function quantityFor(rng: Rng, meta: ProductMeta): number {
  if (['books', 'beauty', 'pet supplies', 'toys'].includes(meta.def.name)) return rng.weighted([1, 2, 3], [85, 12, 3]);
  if (meta.kind.noun === 'bar stool') return rng.weighted([1, 2, 4], [50, 40, 10]);
  return rng.weighted([1, 2, 3], [93, 6, 1]);
}

function draftLines(rng: Rng, products: ProductSet, affinity: Affinity, profile: CustomerProfile, atMs: number): Line[] {
  const count = rng.weighted([1, 2, 3, 4], [45, 30, 17, 8]);
  const lines: Line[] = [];
  const seen = new Set<number>();
  let anchor: number | undefined;
  for (let attempt = 0; lines.length < count && attempt < count * 4; attempt++) {
    const product = pickAvailableProduct(rng, affinity, products.meta, atMs, profile.favoriteClusters, anchor);
    if (seen.has(product)) continue;
    seen.add(product);
    anchor ??= affinity.clusterOf[product];
    const row = products.rows[product] as ProductRow;
    const meta = products.meta[product] as ProductMeta;
    const sale = rng.chance(0.12) ? rng.range(0.1, 0.3) : 0;
    const unitPriceCents = sale > 0 ? Math.max(99, Math.round((row.priceCents * (1 - sale)) / 100) * 100 - 1) : row.priceCents;
    lines.push({ product, quantity: quantityFor(rng, meta), size: sizeFor(rng, meta, profile), unitPriceCents });
  }
  return lines;
}

const returnable = (draft: Draft, products: ProductSet) => draft.lines.some((l) => !(products.rows[l.product] as ProductRow).finalSale);

/** Small stores may miss a status by chance: re-time the best-suited order so every status appears. */
function ensureStatuses(drafts: Draft[], products: ProductSet, refMs: number): void {
  const counts = new Map<OrderStatus, number>();
  for (const d of drafts) counts.set(d.status, (counts.get(d.status) ?? 0) + 1);
  for (const status of ORDER_STATUSES) {
    if ((counts.get(status) ?? 0) > 0) continue;
    const placedAtMs = refMs - TYPICAL_AGE[status] * DAY;
    const candidates = drafts
      .filter((d) => (counts.get(d.status) ?? 0) > 1 && (status !== 'returned' || returnable(d, products)))
      .filter((d) => d.lines.every((l) => (products.meta[l.product] as ProductMeta).createdAtMs <= placedAtMs))
      .sort((a, b) => Math.abs(a.placedAtMs - placedAtMs) - Math.abs(b.placedAtMs - placedAtMs));
    const chosen = candidates[0];
    if (!chosen) continue;
    counts.set(chosen.status, (counts.get(chosen.status) ?? 0) - 1);
    counts.set(status, 1);
    chosen.status = status;
    chosen.placedAtMs = placedAtMs;
  }
}

/** Distinct random 5-digit order numbers (10000-99999), never a persona's. */
function orderNumbers(rng: Rng, count: number): string[] {
  const used = new Set<number>();
  const numbers: string[] = [];
  while (numbers.length < count) {
    const n = rng.int(10000, 99999);
    if (used.has(n) || PERSONA_ORDER_NUMBERS.has(String(n))) continue;
    used.add(n);
    numbers.push(String(n));
  }
  return numbers;
}

export function generateOrders(rng: Rng, total: number, refMs: number, calendar: ActivityCalendar, products: ProductSet, affinity: Affinity, customers: CustomerSet): OrderSet {
  const profiles = customers.profiles;
  const records: OrderRecord[] = [];
  const items: OrderItemRow[] = [];
  const shipments: ShipmentRow[] = [];
  const tracking = new Set<string>(PERSONA_ORDERS.flatMap((p) => (p.shipment ? [p.shipment.trackingNumber] : [])));
  const returns: ReturnRow[] = [];
  const addItems = (orderId: number, lines: Line[]) =>
    lines.map((l) => {
      const item: OrderItemRow = { id: items.length + 1, orderId, productId: l.product + 1, quantity: l.quantity, unitPriceCents: l.unitPriceCents, size: l.size };
      items.push(item);
      return item;
    });

  // Persona orders: fixed content, explicit parcels and returns.
  for (const spec of PERSONA_ORDERS) {
    const profile = profiles[spec.customerId - 1] as CustomerProfile;
    const id = records.length + 1;
    const lines = spec.items.map((i) => ({ product: featuredId(i.product) - 1, quantity: i.quantity, size: i.size, unitPriceCents: (products.rows[featuredId(i.product) - 1] as ProductRow).priceCents }));
    const order: OrderRow = { id, number: spec.number, customerId: spec.customerId, status: spec.status, totalCents: 0, currency: 'USD', shippingAddress: { ...profile.address }, placedAt: new Date(refMs - spec.placedAgoMs) };
    const orderItems = addItems(id, lines);
    order.totalCents = orderItems.reduce((sum, i) => sum + i.quantity * i.unitPriceCents, 0);
    let deliveredAtMs: number | null = null;
    if (spec.shipment) {
      const history = spec.shipment.events.map((e) => ({ status: e.status, at: iso(refMs - e.agoMs), location: e.location, ...(e.reason ? { reason: e.reason } : {}) }));
      const delivered = spec.shipment.events.find((e) => e.status === 'delivered');
      deliveredAtMs = delivered ? refMs - delivered.agoMs : null;
      const lastAgo = spec.shipment.events[spec.shipment.events.length - 1]?.agoMs ?? spec.placedAgoMs;
      shipments.push({ id: shipments.length + 1, orderId: id, carrier: spec.shipment.carrier, trackingNumber: spec.shipment.trackingNumber, status: spec.status, eta: new Date(refMs - spec.shipment.etaAgoMs), history, updatedAt: new Date(refMs - lastAgo) });
    }
    if (spec.return) {
      const item = orderItems[0] as OrderItemRow;
      const r = spec.return;
      returns.push({ id: returns.length + 1, orderId: id, orderItemId: item.id, reason: r.reason, status: r.status, refundCents: item.quantity * item.unitPriceCents, refundStatus: r.refundStatus, refundedAt: r.refundedAgoMs === null ? null : new Date(refMs - r.refundedAgoMs), createdAt: new Date(refMs - r.createdAgoMs) });
    }
    records.push({ order, items: orderItems, deliveredAtMs, returnedAtMs: null, persona: true });
  }

  // Generated orders.
  const shoppers = new WeightedSampler(profiles.map((p) => p.activity));
  const drafts: Draft[] = [];
  const count = Math.max(0, total - PERSONA_ORDERS.length);
  for (let i = 0; i < count && shoppers.total > 0; i++) {
    const profile = profiles[shoppers.sample(rng)] as CustomerProfile;
    const placedAtMs = calendar.sample(rng);
    const lines = draftLines(rng, products, affinity, profile, placedAtMs);
    const draft: Draft = { profile, placedAtMs, status: statusForAge(rng, (refMs - placedAtMs) / DAY), lines };
    if (draft.status === 'returned' && !returnable(draft, products)) draft.status = 'delivered';
    drafts.push(draft);
  }
  ensureStatuses(drafts, products, refMs);
  drafts.sort((a, b) => a.placedAtMs - b.placedAtMs);
  const numbers = orderNumbers(rng, drafts.length);
  const shipRng = rng.fork('shipments');
  const returnInputs: ReturnInput[] = [];
  drafts.forEach((draft, i) => {
    const id = records.length + 1;
    const order: OrderRow = { id, number: numbers[i] as string, customerId: draft.profile.id, status: draft.status, totalCents: 0, currency: 'USD', shippingAddress: { ...draft.profile.address }, placedAt: new Date(draft.placedAtMs) };
    const orderItems = addItems(id, draft.lines);
    order.totalCents = orderItems.reduce((sum, item) => sum + item.quantity * item.unitPriceCents, 0);
    let deliveredAtMs: number | null = null;
    let returnedAtMs: number | null = null;
    if (order.status !== 'cancelled') {
      const built = buildShipment(shipRng, shipments.length + 1, order, refMs, tracking);
      shipments.push(built.row);
      deliveredAtMs = built.deliveredAtMs;
      returnedAtMs = built.returnedAtMs;
    }
    const record: OrderRecord = { order, items: orderItems, deliveredAtMs, returnedAtMs, persona: false };
    records.push(record);
    returnInputs.push(record);
  });
  returns.push(...buildReturns(rng.fork('returns'), returnInputs, products.rows, refMs, returns.length + 1));

  // A customer signed up before their first order.
  const firstOrder = new Map<number, number>();
  for (const r of records) {
    const t = r.order.placedAt.getTime();
    if (!r.persona && t < (firstOrder.get(r.order.customerId) ?? Infinity)) firstOrder.set(r.order.customerId, t);
  }
  const signupRng = rng.fork('signups');
  for (const [customerId, t] of firstOrder) {
    const profile = profiles[customerId - 1] as CustomerProfile;
    const row = customers.rows[customerId - 1];
    if (!row || profile.createdAtMs < t) continue;
    profile.createdAtMs = t - signupRng.int(1, 60) * DAY - signupRng.int(0, 23) * HOUR;
    row.createdAt = new Date(profile.createdAtMs);
  }

  return { orders: records.map((r) => r.order), items, shipments, returns, records };
}
