/**
 * Row shapes of the demo store. Each *Row holds exactly the scalar columns of
 * the Prisma model of the same name (prisma/schema.prisma), with explicit ids,
 * so rows can be bulk-inserted as they are (no relation fields, no extras).
 */

export const ORDER_STATUSES = ['processing', 'shipped', 'in_transit', 'delayed', 'delivered', 'returned', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const INTERACTION_KINDS = ['view', 'add_to_cart', 'purchase'] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

export type ReturnStatus = 'requested' | 'approved' | 'received' | 'refunded' | 'rejected';
export type RefundStatus = 'pending' | 'issued' | 'failed';

/** Product.attributes: category-specific facts (gender, batteryLifeHours, warrantyMonths...). */
export type ProductAttributes = { [key: string]: string | number | boolean | string[] };

/** Order.shippingAddress. */
export type ShippingAddress = {
  name: string;
  line1: string;
  city: string;
  postalCode: string;
  country: string;
};

/** One entry of Shipment.history; `at` is an ISO-8601 string (it lives in a Json column). */
export type ShipmentEvent = {
  status: OrderStatus;
  at: string;
  location: string;
  /** Only on 'delayed' events: why the parcel is late. */
  reason?: string;
};

export interface CustomerRow {
  id: number;
  externalId: string;
  email: string;
  name: string;
  phone: string | null;
  city: string | null;
  country: string | null;
  createdAt: Date;
}

export interface ProductRow {
  id: number;
  sku: string;
  title: string;
  description: string;
  category: string;
  brand: string;
  priceCents: number;
  currency: string;
  color: string | null;
  material: string | null;
  /** Comma separated ("S,M,L" or "8,8.5,9"), null when the product has no sizes. */
  sizes: string | null;
  attributes: ProductAttributes | null;
  stock: number;
  imageUrl: string;
  finalSale: boolean;
  createdAt: Date;
}

export interface OrderRow {
  id: number;
  number: string;
  customerId: number;
  status: OrderStatus;
  totalCents: number;
  currency: string;
  shippingAddress: ShippingAddress;
  placedAt: Date;
}

export interface OrderItemRow {
  id: number;
  orderId: number;
  productId: number;
  quantity: number;
  unitPriceCents: number;
  size: string | null;
}

export interface ShipmentRow {
  id: number;
  orderId: number;
  carrier: string;
  trackingNumber: string;
  status: OrderStatus;
  eta: Date | null;
  history: ShipmentEvent[];
  updatedAt: Date;
}

export interface ReturnRow {
  id: number;
  orderId: number;
  orderItemId: number | null;
  reason: string;
  status: ReturnStatus;
  refundCents: number;
  refundStatus: RefundStatus | null;
  refundedAt: Date | null;
  createdAt: Date;
}

export interface ReviewRow {
  id: number;
  productId: number;
  customerId: number;
  rating: number;
  title: string;
  text: string;
  createdAt: Date;
}

export interface InteractionRow {
  id: number;
  customerId: number | null;
  sessionId: string;
  productId: number;
  kind: InteractionKind;
  at: Date;
}

export interface DemoStore {
  customers: CustomerRow[];
  products: ProductRow[];
  orders: OrderRow[];
  orderItems: OrderItemRow[];
  shipments: ShipmentRow[];
  returns: ReturnRow[];
  reviews: ReviewRow[];
  interactions: InteractionRow[];
}

export interface DemoStoreOptions {
  /** Any integer; the same seed gives deep-equal output. Default 42. */
  seed?: number;
  /** Every date is generated relative to this instant. Default 2026-11-01T00:00:00Z. */
  referenceDate?: Date;
  /** 1 = full size (~1,200 products, 12,000 orders); tests use small fractions such as 0.05. */
  scale?: number;
}
