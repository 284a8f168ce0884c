/**
 * Shipments: one parcel per non-cancelled order, with a carrier, a unique
 * tracking number, an ETA and a time-ordered history of {status, at, location}
 * events that ends in the order's status (a 'delayed' event carries a reason).
 */
import type { Rng } from './prng';
import { DAY, HOUR, iso, MINUTE } from './time';
import type { OrderRow, OrderStatus, ShipmentEvent, ShipmentRow } from './types';

export const CARRIERS = ['UPS', 'FedEx', 'USPS', 'DHL'] as const;
type Carrier = (typeof CARRIERS)[number];

const WAREHOUSES = ['Reno, NV fulfillment center', 'Columbus, OH fulfillment center', 'Allentown, PA fulfillment center'];
const HUBS: Readonly<Record<Carrier, readonly string[]>> = {
  UPS: ['Louisville, KY', 'Ontario, CA', 'Dallas, TX', 'Chicago, IL', 'Philadelphia, PA'],
  FedEx: ['Memphis, TN', 'Indianapolis, IN', 'Oakland, CA', 'Newark, NJ', 'Fort Worth, TX'],
  USPS: ['Sacramento, CA network center', 'Kansas City, MO network center', 'Atlanta, GA network center', 'Jersey City, NJ network center'],
  DHL: ['Cincinnati, OH hub', 'Los Angeles, CA gateway', 'New York, NY gateway'],
};
const DESTINATION_HUBS: Readonly<Record<string, readonly string[]>> = {
  CA: ['Mississauga, ON', 'Richmond, BC'],
  GB: ['East Midlands, GB', 'London Heathrow, GB'],
  DE: ['Leipzig, DE', 'Frankfurt, DE'],
  FR: ['Paris CDG, FR', 'Lyon, FR'],
  AU: ['Sydney, AU', 'Melbourne, AU'],
};
const DELAY_REASONS = [
  'Severe weather in the region',
  'Carrier capacity backlog',
  'Address needs verification',
  'Package missed the scheduled truck',
  'Mechanical delay on the delivery vehicle',
  'Held at the sorting facility for a damaged label',
  'High holiday volume',
];
const CUSTOMS_REASONS = ['Held in customs for inspection', 'Customs paperwork under review'];
const RETURNS_CENTER = 'Returns center, Reno, NV';

export interface ShipmentResult {
  row: ShipmentRow;
  deliveredAtMs: number | null;
  returnedAtMs: number | null;
}

function trackingNumber(rng: Rng, carrier: Carrier, used: Set<string>): string {
  const digits = (n: number) => Array.from({ length: n }, () => rng.int(0, 9)).join('');
  const alnum = (n: number) => Array.from({ length: n }, () => '0123456789ABCDEFGHJKLMNPRSTVWXYZ'.charAt(rng.int(0, 31))).join('');
  for (;;) {
    const tracking = carrier === 'UPS' ? `1Z${alnum(6)}${digits(10)}` : carrier === 'FedEx' ? digits(12) : carrier === 'USPS' ? `9400${digits(18)}` : digits(10);
    if (!used.has(tracking)) {
      used.add(tracking);
      return tracking;
    }
  }
}

function pickCarrier(rng: Rng, country: string): Carrier {
  if (country === 'US') return rng.weighted(CARRIERS, [35, 30, 30, 5]);
  return rng.weighted(CARRIERS, [25, 20, 0, 55]);
}

/** Steps up to `status`; offsets in hours from placedAt. */
const STAGES: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  processing: ['processing'],
  shipped: ['processing', 'shipped'],
  in_transit: ['processing', 'shipped', 'in_transit'],
  delayed: ['processing', 'shipped', 'in_transit', 'delayed'],
  delivered: ['processing', 'shipped', 'in_transit', 'delivered'],
  returned: ['processing', 'shipped', 'in_transit', 'delivered', 'returned'],
  cancelled: [],
};

/** Builds the parcel of an order; its history is squeezed into [placedAt, ref) when it would run past the reference date. */
export function buildShipment(rng: Rng, id: number, order: OrderRow, refMs: number, used: Set<string>): ShipmentResult {
  const country = order.shippingAddress.country;
  const carrier = pickCarrier(rng, country);
  const international = country !== 'US';
  const warehouse = rng.pick(WAREHOUSES);
  const hubs = [...rng.sample(HUBS[carrier], 2), ...(international ? [rng.pick(DESTINATION_HUBS[country] ?? ['Toronto, ON'])] : [])];
  const destination = order.shippingAddress.city;

  const events: { status: OrderStatus; h: number; location: string; reason?: string }[] = [];
  let h = 0;
  for (const stage of STAGES[order.status]) {
    if (stage === 'processing') events.push({ status: stage, h: 0, location: warehouse });
    else if (stage === 'shipped') events.push({ status: stage, h: (h = rng.range(6, 40)), location: warehouse });
    else if (stage === 'in_transit') {
      const hops = order.status === 'in_transit' ? rng.int(1, hubs.length) : hubs.length;
      for (let i = 0; i < hops; i++) events.push({ status: stage, h: (h += rng.range(8, international ? 40 : 28)), location: hubs[i] as string });
      if (order.status !== 'in_transit' && order.status !== 'delayed' && rng.chance(0.6)) events.push({ status: stage, h: (h += rng.range(6, 20)), location: `${destination} (out for delivery)` });
    } else if (stage === 'delayed') {
      const reason = international && rng.chance(0.5) ? rng.pick(CUSTOMS_REASONS) : rng.pick(DELAY_REASONS);
      events.push({ status: stage, h: (h += rng.range(6, 30)), location: (events[events.length - 1]?.location ?? warehouse).replace(' (out for delivery)', ''), reason });
    } else if (stage === 'delivered') events.push({ status: stage, h: (h += rng.range(3, 12)), location: destination });
    else if (stage === 'returned') events.push({ status: stage, h: (h += rng.range(96, 480)), location: RETURNS_CENTER });
  }

  const placedMs = order.placedAt.getTime();
  const room = (refMs - 10 * MINUTE - placedMs) / HOUR;
  const squeeze = h > room && h > 0 ? Math.max(0, room) / h : 1;
  const history: ShipmentEvent[] = [];
  let last = placedMs;
  for (const e of events) {
    // Keep strictly increasing times even after squeezing.
    const at = Math.max(last + (history.length > 0 ? MINUTE : 0), placedMs + Math.round((e.h * squeeze * HOUR) / MINUTE) * MINUTE);
    last = at;
    history.push(e.reason ? { status: e.status, at: iso(at), location: e.location, reason: e.reason } : { status: e.status, at: iso(at), location: e.location });
  }

  const transitDays = international ? rng.int(6, 10) : rng.int(3, 6);
  const promised = placedMs + transitDays * DAY;
  const deliveredAtMs = order.status === 'delivered' || order.status === 'returned' ? Date.parse(history.find((e) => e.status === 'delivered')?.at ?? '') : null;
  let eta: number;
  if (order.status === 'delayed') eta = refMs + rng.int(1, 4) * DAY;
  else if (deliveredAtMs !== null) eta = Math.max(promised, deliveredAtMs - rng.int(0, 1) * DAY);
  else eta = Math.max(promised, refMs + rng.int(12, 72) * HOUR);
  const returnedAtMs = order.status === 'returned' ? last : null;
  return {
    row: {
      id,
      orderId: order.id,
      carrier,
      trackingNumber: trackingNumber(rng, carrier, used),
      status: order.status,
      eta: new Date(Math.floor(eta / HOUR) * HOUR),
      history,
      updatedAt: new Date(last),
    },
    deliveredAtMs,
    returnedAtMs,
  };
}
