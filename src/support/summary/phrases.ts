/**
 * Short agent-facing words for intents and tools. Deterministic and factual:
 * they name what was asked or done, never guess why.
 */

/** What the customer wants, by intent (completed with order numbers when there are some). */
const WANTS: Readonly<Record<string, string>> = {
  track_order: 'order status',
  cancel_order: 'cancel order',
  change_order: 'change order',
  place_order: 'help placing an order',
  return_item: 'return an item',
  get_refund: 'a refund',
  track_refund: 'refund status',
  check_refund_policy: 'refund policy',
  check_cancellation_fee: 'cancellation fee',
  delivery_options: 'delivery options',
  delivery_period: 'delivery time',
  change_shipping_address: 'change shipping address',
  set_up_shipping_address: 'set up a shipping address',
  check_payment_methods: 'payment methods',
  payment_issue: 'help with a payment problem',
  check_invoice: 'invoice details',
  get_invoice: 'an invoice',
  missing_confirmation: 'an order confirmation',
  order_not_shipped: 'an order that has not shipped',
  report_fraud: 'to report fraud',
  account_security: 'help securing their account',
  give_feedback: 'to give feedback',
  store_info: 'store information',
  bulk_order: 'a bulk or business order',
  create_account: 'create an account',
  delete_account: 'delete account',
  edit_account: 'edit account',
  recover_password: 'password recovery',
  registration_problems: 'help registering',
  switch_account: 'switch account',
  newsletter_subscription: 'newsletter change',
  complaint: 'to complain',
  review: 'to give a review',
  product_search: 'find a product',
  product_recommendation: 'a recommendation',
  product_compare: 'compare products',
  product_details: 'product details',
  check_stock: 'stock availability',
  size_help: 'sizing help',
  discount_code: 'a discount code',
  add_to_cart: 'add to cart',
};

/** Intents that are not a request of their own: answers, chit-chat, or asking for a person. */
export const FOLLOW_UP_INTENTS: ReadonlySet<string> = new Set([
  'greet',
  'goodbye',
  'thank_you',
  'affirm',
  'deny',
  'bot_challenge',
  'out_of_scope',
  'contact_human_agent',
  'contact_customer_service',
]);

/** Intents that show the customer is not satisfied with the bot's answer. */
export const PUSH_BACK_INTENTS: ReadonlySet<string> = new Set(['deny', 'complaint', 'contact_human_agent', 'contact_customer_service']);

const TOOLS: Readonly<Record<string, string>> = {
  order_status: 'order lookup',
  cancel_order: 'cancellation',
  change_shipping_address: 'address change',
  return_eligibility: 'return check',
  start_return: 'return start',
  refund_status: 'refund lookup',
  verify_identity: 'identity check',
  handoff: 'handoff',
  product_search: 'product search',
  product_details: 'product details',
  recommend: 'recommendations',
  check_stock: 'stock check',
  add_to_cart: 'add to cart',
  view_cart: 'cart view',
  discount_code: 'discount code',
  store_policy: 'policy answer',
};

const STATUS: Readonly<Record<string, string>> = {
  ok: 'done',
  refused: 'refused',
  not_found: 'not found',
  needs_verification: 'needed verification',
  error: 'failed',
};

export function wantsPhrase(intent: string): string | undefined {
  return WANTS[intent];
}

export function toolPhrase(tool: string): string {
  return TOOLS[tool] ?? tool.replace(/_/g, ' ');
}

export function statusPhrase(status: string): string {
  return STATUS[status] ?? status.replace(/_/g, ' ');
}

/** "in_transit" -> "in transit". */
export function orderStatusPhrase(status: string): string {
  return status.replace(/_/g, ' ');
}

/** 8498, 'USD' -> "$84.98"; other currencies by code. */
export function money(cents: number, currency: string | null): string {
  const amount = (cents / 100).toFixed(2);
  return !currency || currency === 'USD' ? `$${amount}` : `${currency} ${amount}`;
}
