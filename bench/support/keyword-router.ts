/**
 * The peer: a keyword router of the kind help desks ship as "triggers". Each
 * queue has a word list; the queue with the most matches wins (ties: list
 * order), none goes to general. Priority: a few alarm words. Written to be a
 * fair, ordinary baseline, not tuned to the labelled set.
 */

const QUEUE_KEYWORDS: Record<string, string[]> = {
  orders: [
    'cancel',
    'cancellation',
    'change my order',
    'modify',
    'edit my order',
    'place an order',
    'placed an order',
    'order confirmation',
    'confirmation email',
    'reorder',
    'add to my order',
    'remove',
    'processing',
    'wrong size',
  ],
  returns_refunds: [
    'return',
    'returns',
    'returned',
    'refund',
    'refunded',
    'exchange',
    'send back',
    'send it back',
    'money back',
    'store credit',
    'replacement',
    'damaged',
    'broken',
    'defective',
    'faulty',
    'wrong item',
    'restocking',
  ],
  shipping_delivery: [
    'delivery',
    'deliver',
    'delivered',
    'shipping',
    'ship',
    'shipped',
    'tracking',
    'track',
    'courier',
    'parcel',
    'package',
    'carrier',
    'ups',
    'fedex',
    'usps',
    'dhl',
    'eta',
    'arrive',
    'arrived',
    'customs',
    'express',
    'pickup',
    'address',
  ],
  payments_billing: [
    'payment',
    'pay',
    'paid',
    'charge',
    'charged',
    'card',
    'invoice',
    'receipt',
    'billing',
    'billed',
    'paypal',
    'klarna',
    'apple pay',
    'vat',
    'tax',
    'bank',
    'declined',
    'transaction',
    'installments',
  ],
  account: [
    'account',
    'password',
    'log in',
    'login',
    'sign up',
    'sign in',
    'register',
    'registration',
    'email address',
    'profile',
    'newsletter',
    'unsubscribe',
    'personal data',
    'gdpr',
    'username',
    'two-factor',
    '2fa',
    'membership',
  ],
  feedback: [
    'feedback',
    'complaint',
    'complain',
    'suggestion',
    'review',
    'love',
    'great',
    'amazing',
    'terrible',
    'awful',
    'worst',
    'disappointed',
    'rude',
    'compliment',
    'unhappy',
    'experience',
  ],
  sales: [
    'price',
    'discount',
    'coupon',
    'promo',
    'stock',
    'size',
    'recommend',
    'suggest',
    'compare',
    'difference',
    'bulk',
    'wholesale',
    'gift',
    'available',
    'colours',
    'colors',
    'warranty',
    'sale',
  ],
  general: [],
};

const URGENT = /\b(lawyer|legal action|chargeback|fraud|hacked|unauthori[sz]ed)\b/i;
const HIGH = /\b(asap|urgent|immediately|still|again|today)\b/i;

function compile(words: string[]): RegExp[] {
  return words.map((w) => new RegExp(`\\b${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i'));
}

const COMPILED = Object.entries(QUEUE_KEYWORDS).map(([queue, words]) => ({ queue, patterns: compile(words) }));

/** Queue and priority by keyword counts. */
export function keywordRoute(text: string): { queue: string; priority: string } {
  let best = { queue: 'general', hits: 0 };
  for (const { queue, patterns } of COMPILED) {
    const hits = patterns.filter((p) => p.test(text)).length;
    if (hits > best.hits) best = { queue, hits };
  }
  const priority = URGENT.test(text) ? 'urgent' : HIGH.test(text) ? 'high' : 'normal';
  return { queue: best.queue, priority };
}
