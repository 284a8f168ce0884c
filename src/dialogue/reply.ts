/**
 * What the bot says: text plus rich parts. The same shapes travel over
 * Socket.io to the widget and are translated to Bot Framework cards.
 */
export interface ProductCard {
  id: number;
  sku: string;
  title: string;
  brand: string;
  priceCents: number;
  currency: string;
  /** Pre-formatted, e.g. "$74.99". */
  price: string;
  imageUrl: string;
  /** Average review rating 0-5 (0 when no reviews), and how many. */
  rating: number;
  reviewCount: number;
  url: string;
  inStock: boolean;
  /** Why it is shown ("similar to X", "bought together with Y"). */
  reason?: string;
}

export interface TimelineEvent {
  status: string;
  at: string;
  location?: string;
  note?: string;
}

export interface QuickReply {
  title: string;
  /** Text sent as the shopper's message when chosen. */
  payload: string;
}

export type RichPart =
  | { type: 'product_cards'; products: ProductCard[] }
  | { type: 'order_timeline'; orderNumber: string; status: string; eta?: string; carrier?: string; trackingNumber?: string; events: TimelineEvent[] }
  | { type: 'quick_replies'; replies: QuickReply[] }
  | { type: 'link'; url: string; title: string };

export interface BotReply {
  text: string;
  parts: RichPart[];
}
