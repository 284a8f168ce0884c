/**
 * Implicit feedback for recommendations, grouped in shopping sessions of 2-15
 * events. Every order item is viewed, added to the cart and purchased (at the
 * order's placedAt, by its customer) in the order's session; browsing
 * sessions, some anonymous, stay mostly inside one affinity cluster and its
 * linked clusters, with popularity following a power law.
 */
import { pickAvailableProduct, pickInCluster, type Affinity, type Cluster } from './clusters';
import type { CustomerProfile, CustomerSet } from './customers';
import type { OrderRecord } from './orders';
import type { ProductMeta, ProductSet } from './products';
import { WeightedSampler, type Rng } from './prng';
import { MINUTE, type ActivityCalendar } from './time';
import type { InteractionKind, InteractionRow } from './types';

interface Event {
  product: number;
  kind: InteractionKind;
  at: number;
}

interface Session {
  customerId: number | null;
  events: Event[];
}

const MAX_EVENTS = 15;

/** Seconds between two clicks: mostly under a couple of minutes. */
const gap = (rng: Rng) => Math.round(15_000 + rng.exp(75_000));

function orderSession(rng: Rng, record: OrderRecord, products: ProductSet, affinity: Affinity, profile: CustomerProfile | undefined): Session {
  const placed = record.order.placedAt.getTime();
  const bought = record.items.map((i) => i.productId - 1);
  const steps: { product: number; kind: InteractionKind }[][] = bought.map((p) => [
    { product: p, kind: 'view' },
    { product: p, kind: 'add_to_cart' },
  ]);
  // Comparison views of related products before deciding.
  const extra = Math.min(rng.int(0, 3), MAX_EVENTS - 3 * bought.length);
  const anchor = affinity.clusterOf[bought[0] as number];
  for (let i = 0; i < extra; i++) {
    const product = pickAvailableProduct(rng, affinity, products.meta, placed, profile?.favoriteClusters ?? [], anchor);
    steps.splice(rng.int(0, steps.length), 0, [{ product, kind: 'view' }]);
  }
  const flat = steps.flat();
  const gaps = flat.map(() => gap(rng));
  let t = placed - gaps.reduce((a, b) => a + b, 0);
  const events: Event[] = flat.map((s, i) => {
    const e = { ...s, at: t };
    t += gaps[i] as number;
    return e;
  });
  for (const p of bought) events.push({ product: p, kind: 'purchase', at: placed });
  return { customerId: record.order.customerId, events };
}

function browseSession(rng: Rng, refMs: number, calendar: ActivityCalendar, products: ProductSet, affinity: Affinity, profile: CustomerProfile | null): Session {
  const start = profile ? calendar.sampleAfter(rng, profile.createdAtMs + MINUTE) : calendar.sample(rng);
  const favorites = profile?.favoriteClusters ?? [];
  let anchor = favorites.length > 0 && rng.chance(0.75) ? rng.pick(favorites) : affinity.clusterSampler.sample(rng);
  const length = Math.min(MAX_EVENTS, 2 + Math.floor(rng.exp(3.5)));
  const events: Event[] = [];
  const viewed: number[] = [];
  let t = start;
  const exists = (p: number) => (products.meta[p] as ProductMeta).createdAtMs <= t;
  while (events.length < length) {
    let product = -1;
    for (let attempt = 0; attempt < 4 && (product < 0 || !exists(product)); attempt++) {
      const x = rng.float();
      const cluster = affinity.clusters[anchor] as Cluster;
      if (x < 0.08 && viewed.length > 0) product = rng.pick(viewed);
      else if (x < 0.3 && cluster.linked.length > 0) product = pickInCluster(rng, affinity, rng.pick(cluster.linked));
      else product = pickInCluster(rng, affinity, anchor);
    }
    if (!exists(product)) product = pickAvailableProduct(rng, affinity, products.meta, t, favorites);
    // Drifting to a related cluster now and then (still one or two related categories).
    if (rng.chance(0.1)) anchor = affinity.clusterOf[product] as number;
    events.push({ product, kind: 'view', at: t });
    viewed.push(product);
    t += gap(rng);
    if (events.length < length && rng.chance(0.12)) {
      events.push({ product, kind: 'add_to_cart', at: t });
      t += gap(rng);
    }
  }
  // Sessions end before the reference date.
  const overrun = (events[events.length - 1]?.at ?? start) - (refMs - MINUTE);
  if (overrun > 0) for (const e of events) e.at -= overrun;
  return { customerId: profile?.id ?? null, events };
}

export function generateInteractions(
  rng: Rng,
  target: number,
  refMs: number,
  calendar: ActivityCalendar,
  products: ProductSet,
  affinity: Affinity,
  customers: CustomerSet,
  records: readonly OrderRecord[],
): InteractionRow[] {
  const sessions: Session[] = [];
  let total = 0;
  for (const record of records) {
    const session = orderSession(rng, record, products, affinity, customers.profiles[record.order.customerId - 1]);
    sessions.push(session);
    total += session.events.length;
  }
  const browsers = new WeightedSampler(customers.profiles.map((p) => p.activity + 0.35));
  while (total < target) {
    const profile = rng.chance(0.72) ? (customers.profiles[browsers.sample(rng)] as CustomerProfile) : null;
    const session = browseSession(rng, refMs, calendar, products, affinity, profile);
    sessions.push(session);
    total += session.events.length;
  }

  const starts = sessions.map((s) => s.events[0]?.at ?? 0);
  const order = sessions.map((_, i) => i).sort((a, b) => (starts[a] as number) - (starts[b] as number) || a - b);
  const rows: InteractionRow[] = [];
  order.forEach((index, n) => {
    const session = sessions[index] as Session;
    const sessionId = `s_${String(n + 1).padStart(6, '0')}`;
    for (const e of session.events) {
      rows.push({ id: rows.length + 1, customerId: session.customerId, sessionId, productId: e.product + 1, kind: e.kind, at: new Date(e.at) });
    }
  });
  return rows;
}
