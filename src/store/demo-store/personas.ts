/**
 * Demo personas: three fixed shoppers (customer ids 1-3) whose orders, parcels
 * and returns are the same for every seed. README walkthroughs and tests use
 * them ("where is my order 48213?"). Their orders reference the featured
 * products (ids 1-12, see products.ts); the generator never reuses their
 * order numbers and never gives them other orders.
 */
import type { Affinity } from './clusters';
import type { CustomerProfile } from './customers';
import { featuredId, type FeaturedKey } from './products';
import { DAY, HOUR } from './time';
import type { CustomerRow, OrderStatus, RefundStatus, ReturnStatus, ShippingAddress } from './types';

export interface DemoPersonaOrder {
  number: string;
  status: OrderStatus;
  /** What the order holds and where it stands, for docs and demos. */
  summary: string;
}

export interface DemoPersona {
  id: number;
  externalId: string;
  email: string;
  name: string;
  phone: string;
  city: string;
  country: string;
  orders: readonly DemoPersonaOrder[];
}

export const DEMO_PERSONAS: readonly DemoPersona[] = [
  {
    id: 1,
    externalId: 'cus_000001',
    email: 'alex.morgan@example.com',
    name: 'Alex Morgan',
    phone: '+1 503-555-0142',
    city: 'Portland',
    country: 'US',
    orders: [
      { number: '48213', status: 'in_transit', summary: "Stridewell Trail Running Shoes - Men's, Blue (size 10) + Northpeak Merino Running Socks 3-Pack; UPS, in transit, due in about 2 days" },
      { number: '48214', status: 'delivered', summary: "Northpeak Merino Crew Sweater - Men's, Charcoal (size M); delivered 10 days before the reference date, still returnable" },
      { number: '48215', status: 'processing', summary: 'Kitchara Pro Blender, Stainless Steel; placed 5 hours before the reference date, not shipped yet' },
    ],
  },
  {
    id: 2,
    externalId: 'cus_000002',
    email: 'sam.lee@example.com',
    name: 'Sam Lee',
    phone: '+1 312-555-0178',
    city: 'Chicago',
    country: 'US',
    orders: [
      { number: '51007', status: 'delayed', summary: 'Urbanline Commuter Laptop Backpack + Voltix Pulse 40 Wireless Earbuds; FedEx, delayed by severe weather at the Memphis hub, new ETA 3 days after the reference date' },
      { number: '51008', status: 'cancelled', summary: "Stridewell Velocity Road Running Shoes - Men's, Red (size 9.5); cancelled before shipping" },
    ],
  },
  {
    id: 3,
    externalId: 'cus_000003',
    email: 'jordan.diaz@example.com',
    name: 'Jordan Diaz',
    phone: '+1 512-555-0133',
    city: 'Austin',
    country: 'US',
    orders: [
      { number: '52110', status: 'delivered', summary: "Lumen & Co Crescent Stud Earrings, Gold (final sale, not returnable) + Pacefield Tempo Road Running Shoes - Men's, Grey (size 10.5); delivered 8 days before the reference date" },
      { number: '52111', status: 'returned', summary: "Stridewell Trail Running Shoes - Men's, Black (size 9.5), returned as too small; refund of $74.99 issued 30 days before the reference date" },
    ],
  },
];

export const PERSONA_ORDER_NUMBERS: ReadonlySet<string> = new Set(DEMO_PERSONAS.flatMap((p) => p.orders.map((o) => o.number)));

const ADDRESSES: readonly Omit<ShippingAddress, 'name' | 'country'>[] = [
  { line1: '1420 NW Lovejoy St', city: 'Portland, OR', postalCode: '97209' },
  { line1: '2250 N Clark St Apt 4B', city: 'Chicago, IL', postalCode: '60614' },
  { line1: '908 E 6th St', city: 'Austin, TX', postalCode: '78702' },
];
const CREATED_DAYS_AGO = [412, 233, 655];

export interface PersonaEvent {
  status: OrderStatus;
  /** Time before the reference date. */
  agoMs: number;
  location: string;
  reason?: string;
}

export interface PersonaOrderSpec {
  number: string;
  customerId: number;
  status: OrderStatus;
  placedAgoMs: number;
  items: { product: FeaturedKey; quantity: number; size: string | null }[];
  shipment: { carrier: string; trackingNumber: string; etaAgoMs: number; events: PersonaEvent[] } | null;
  return?: { reason: string; status: ReturnStatus; refundStatus: RefundStatus | null; createdAgoMs: number; refundedAgoMs: number | null };
}

const d = (days: number, hours = 0) => days * DAY + hours * HOUR;

export const PERSONA_ORDERS: readonly PersonaOrderSpec[] = [
  {
    number: '48213', customerId: 1, status: 'in_transit', placedAgoMs: d(3, 2),
    items: [{ product: 'trailBlue', quantity: 1, size: '10' }, { product: 'socks', quantity: 1, size: 'L' }],
    shipment: { carrier: 'UPS', trackingNumber: '1Z4E82130356201845', etaAgoMs: -d(2), events: [
      { status: 'processing', agoMs: d(3, 2), location: 'Reno, NV fulfillment center' },
      { status: 'shipped', agoMs: d(2, 8), location: 'Reno, NV fulfillment center' },
      { status: 'in_transit', agoMs: d(1, 15), location: 'Sacramento, CA' },
      { status: 'in_transit', agoMs: d(0, 9), location: 'Medford, OR' },
    ] },
  },
  {
    number: '48214', customerId: 1, status: 'delivered', placedAgoMs: d(15, 3),
    items: [{ product: 'sweater', quantity: 1, size: 'M' }],
    shipment: { carrier: 'USPS', trackingNumber: '9400111202555842761049', etaAgoMs: d(10), events: [
      { status: 'processing', agoMs: d(15, 3), location: 'Reno, NV fulfillment center' },
      { status: 'shipped', agoMs: d(14, 6), location: 'Reno, NV fulfillment center' },
      { status: 'in_transit', agoMs: d(13, 1), location: 'Oakland, CA' },
      { status: 'in_transit', agoMs: d(11, 4), location: 'Portland, OR' },
      { status: 'delivered', agoMs: d(10), location: 'Portland, OR' },
    ] },
  },
  {
    number: '48215', customerId: 1, status: 'processing', placedAgoMs: d(0, 5),
    items: [{ product: 'blender', quantity: 1, size: null }],
    shipment: { carrier: 'FedEx', trackingNumber: '771348215004', etaAgoMs: -d(5), events: [{ status: 'processing', agoMs: d(0, 5), location: 'Columbus, OH fulfillment center' }] },
  },
  {
    number: '51007', customerId: 2, status: 'delayed', placedAgoMs: d(9, 4),
    items: [{ product: 'backpack', quantity: 1, size: null }, { product: 'earbuds', quantity: 1, size: null }],
    shipment: { carrier: 'FedEx', trackingNumber: '771351007118', etaAgoMs: -d(3), events: [
      { status: 'processing', agoMs: d(9, 4), location: 'Allentown, PA fulfillment center' },
      { status: 'shipped', agoMs: d(8, 6), location: 'Allentown, PA fulfillment center' },
      { status: 'in_transit', agoMs: d(7, 2), location: 'Harrisburg, PA' },
      { status: 'in_transit', agoMs: d(6, 1), location: 'Memphis, TN' },
      { status: 'delayed', agoMs: d(4, 3), location: 'Memphis, TN', reason: 'Severe weather at the Memphis hub' },
    ] },
  },
  {
    number: '51008', customerId: 2, status: 'cancelled', placedAgoMs: d(20, 7),
    items: [{ product: 'velocityRed', quantity: 1, size: '9.5' }],
    shipment: null,
  },
  {
    number: '52110', customerId: 3, status: 'delivered', placedAgoMs: d(12, 6),
    items: [{ product: 'earrings', quantity: 1, size: null }, { product: 'tempoGrey', quantity: 1, size: '10.5' }],
    shipment: { carrier: 'UPS', trackingNumber: '1Z4E85211003918274', etaAgoMs: d(8), events: [
      { status: 'processing', agoMs: d(12, 6), location: 'Columbus, OH fulfillment center' },
      { status: 'shipped', agoMs: d(11, 9), location: 'Columbus, OH fulfillment center' },
      { status: 'in_transit', agoMs: d(10, 2), location: 'Louisville, KY' },
      { status: 'in_transit', agoMs: d(9, 1), location: 'Dallas, TX' },
      { status: 'delivered', agoMs: d(8, 5), location: 'Austin, TX' },
    ] },
  },
  {
    number: '52111', customerId: 3, status: 'returned', placedAgoMs: d(45, 2),
    items: [{ product: 'trailBlack', quantity: 1, size: '9.5' }],
    shipment: { carrier: 'USPS', trackingNumber: '9400111202555852111082', etaAgoMs: d(41), events: [
      { status: 'processing', agoMs: d(45, 2), location: 'Reno, NV fulfillment center' },
      { status: 'shipped', agoMs: d(44, 5), location: 'Reno, NV fulfillment center' },
      { status: 'in_transit', agoMs: d(43, 1), location: 'Phoenix, AZ' },
      { status: 'delivered', agoMs: d(41, 4), location: 'Austin, TX' },
      { status: 'returned', agoMs: d(32), location: 'Returns center, Reno, NV' },
    ] },
    return: { reason: 'Too small', status: 'refunded', refundStatus: 'issued', createdAgoMs: d(36), refundedAgoMs: d(30) },
  },
];

/** Customer rows and profiles of the personas (ids 1-3). They get no generated orders (activity 0). */
export function personaCustomers(refMs: number, affinity: Affinity): { rows: CustomerRow[]; profiles: CustomerProfile[] } {
  const tastes: readonly FeaturedKey[][] = [['trailBlue', 'sweater'], ['backpack', 'earbuds'], ['earrings', 'tempoGrey']];
  const rows: CustomerRow[] = [];
  const profiles: CustomerProfile[] = [];
  DEMO_PERSONAS.forEach((p, i) => {
    const createdAtMs = refMs - (CREATED_DAYS_AGO[i] ?? 365) * DAY;
    rows.push({ id: p.id, externalId: p.externalId, email: p.email, name: p.name, phone: p.phone, city: p.city, country: p.country, createdAt: new Date(createdAtMs) });
    const address = { name: p.name, country: p.country, ...(ADDRESSES[i] as Omit<ShippingAddress, 'name' | 'country'>) };
    profiles.push({
      id: p.id,
      gender: 'm',
      address: { name: address.name, line1: address.line1, city: address.city, postalCode: address.postalCode, country: address.country },
      activity: 0,
      favoriteClusters: [...new Set((tastes[i] ?? []).map((k) => affinity.clusterOf[featuredId(k) - 1] as number))],
      shoeSize: i === 2 ? '10.5' : '10',
      apparelSize: 'M',
      createdAtMs,
    });
  });
  return { rows, profiles };
}
