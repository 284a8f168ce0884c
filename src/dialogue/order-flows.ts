/** Flows about orders: tracking, cancelling, changing the address, returns and refunds. All need a verified shopper. */
import type { ToolOutcome } from '../tools/types';
import type { RichPart } from './reply';
import type { Flow } from './flow';
import type { Turn } from './turn';

const STATUS_TEXT: Record<string, string> = {
  processing: 'being prepared and has not shipped yet',
  shipped: 'shipped',
  in_transit: 'on its way',
  delayed: 'delayed',
  delivered: 'delivered',
  returned: 'returned',
  cancelled: 'cancelled',
};

const REFUSAL_TEXT: Record<string, string> = {
  already_shipped: 'has already shipped',
  already_cancelled: 'is already cancelled',
  already_delivered: 'has already been delivered',
  not_delivered: 'has not been delivered yet',
  final_sale: 'it was a final-sale item',
  window_expired: 'the return window has passed',
  return_exists: 'a return is already open for it',
};

/** A number that turned out not to be the shopper's order is forgotten, so the next question starts clean. */
function notFound(turn: Turn, orderNumber: string): void {
  if (turn.state.slots.order_id === orderNumber) delete turn.state.slots.order_id;
  turn.say('order_not_found', { orderNumber });
}

function refusalText(reason: string): string {
  return REFUSAL_TEXT[reason] ?? reason.replace(/_/g, ' ');
}

function partsOf(outcome: ToolOutcome): RichPart[] {
  return outcome.status === 'ok' ? (outcome.reply?.parts ?? []) : [];
}

function money(cents: unknown): string {
  return `$${(Number(cents ?? 0) / 100).toFixed(2)}`;
}

async function trackOrder(turn: Turn): Promise<void> {
  const orderNumber = turn.state.slots.order_id;
  const outcome = await turn.tool('order_status', orderNumber ? { orderNumber } : {});
  if (outcome.status === 'not_found') return notFound(turn, orderNumber ?? '');
  if (outcome.status !== 'ok') return turn.say('error');
  const order = outcome.data.order as { number: string; status: string; eta?: string | null } | undefined;
  if (!order) {
    const orders = (outcome.data.orders as { number: string; status: string }[] | undefined) ?? [];
    return turn.say('order_list', { orders: orders.map((o) => `${o.number} (${STATUS_TEXT[o.status] ?? o.status})`).join(', ') }, [
      { type: 'quick_replies', replies: orders.slice(0, 4).map((o) => ({ title: `Order ${o.number}`, payload: `where is order ${o.number}` })) },
    ]);
  }
  const etaText = order.eta && !['delivered', 'cancelled', 'returned'].includes(order.status) ? ` Expected delivery: ${order.eta.slice(0, 10)}.` : '';
  turn.say('order_status', { orderNumber: order.number, statusText: STATUS_TEXT[order.status] ?? order.status, etaText }, partsOf(outcome));
}

function sayCancelRefused(turn: Turn, orderNumber: string, reason: string): void {
  turn.say(reason === 'already_cancelled' ? 'cancel_refused_cancelled' : 'cancel_refused', { orderNumber, reasonText: refusalText(reason) });
}

async function cancelOrder(turn: Turn): Promise<void> {
  const orderNumber = turn.state.slots.order_id!;
  const outcome = await turn.tool('cancel_order', { orderNumber, confirmed: false });
  if (outcome.status === 'not_found') return notFound(turn, orderNumber);
  if (outcome.status === 'refused') return sayCancelRefused(turn, orderNumber, outcome.reason);
  if (outcome.status !== 'ok') return turn.say('error');
  const items = ((outcome.data.order as { items?: { title: string }[] } | undefined)?.items ?? []).map((i) => i.title);
  turn.state.pending = { tool: 'cancel_order', input: { orderNumber, confirmed: true }, onDeny: 'cancel_kept', intent: 'cancel_order' };
  turn.say('confirm_cancel', { orderNumber, itemsText: items.join(', ') || 'your items' }, [
    { type: 'quick_replies', replies: [{ title: 'Yes, cancel it', payload: 'yes' }, { title: 'No, keep it', payload: 'no' }] },
  ]);
}

async function changeAddress(turn: Turn): Promise<void> {
  const orderNumber = turn.state.slots.order_id!;
  if (!turn.state.slots.address) {
    // Check the order can still be redirected before asking the shopper to type a whole address.
    const status = await turn.tool('order_status', { orderNumber });
    if (status.status === 'not_found') return notFound(turn, orderNumber);
    const current = (status.status === 'ok' ? (status.data.order as { status?: string } | undefined)?.status : undefined) ?? '';
    if (current !== 'processing') return turn.say('address_refused', { orderNumber, reasonText: refusalText(current === 'cancelled' ? 'already_cancelled' : 'already_shipped') });
    turn.state.activeFlow = 'change_shipping_address';
    turn.state.askedSlot = 'address';
    return turn.say('ask_address', { orderNumber });
  }
  const address = JSON.parse(turn.state.slots.address ?? '{}') as Record<string, string>;
  const outcome = await turn.tool('change_shipping_address', { orderNumber, address });
  if (outcome.status === 'not_found') return notFound(turn, orderNumber);
  if (outcome.status === 'refused') return turn.say('address_refused', { orderNumber, reasonText: refusalText(outcome.reason) });
  if (outcome.status !== 'ok') return turn.say('error');
  turn.say('address_changed', { orderNumber, address: [address.line1, address.city, address.postalCode].filter(Boolean).join(', ') });
}

interface EligibilityItem {
  orderItemId: number;
  title: string;
  eligible: boolean;
  reason?: string;
  deadline?: string;
}

async function returnItem(turn: Turn): Promise<void> {
  const orderNumber = turn.state.slots.order_id!;
  const outcome = await turn.tool('return_eligibility', { orderNumber, ...(turn.state.slots.product ? { itemTitle: turn.state.slots.product } : {}) });
  if (outcome.status === 'not_found') return notFound(turn, orderNumber);
  if (outcome.status === 'refused') return turn.say('return_not_eligible', { orderNumber, itemTitle: 'This order', reasonText: refusalText(outcome.reason) });
  if (outcome.status !== 'ok') return turn.say('error');
  const items = (outcome.data.items as EligibilityItem[] | undefined) ?? [];
  const named = turn.state.slots.product?.toLowerCase();
  const byName = named ? items.filter((i) => i.title.toLowerCase().includes(named) || named.split(/\s+/).some((w) => w.length > 3 && i.title.toLowerCase().includes(w.replace(/s$/, '')))) : [];
  const chosen = turn.state.slots.order_item
    ? items.find((i) => String(i.orderItemId) === turn.state.slots.order_item)
    : items.length === 1
      ? items[0]
      : byName.length === 1
        ? byName[0]
        : undefined;
  if (!chosen) {
    turn.state.askedSlot = 'order_item';
    turn.state.activeFlow = 'return_item';
    return turn.say('return_choose_item', { orderNumber }, [
      { type: 'quick_replies', replies: items.map((i) => ({ title: i.title, payload: `return item ${i.orderItemId}` })) },
    ]);
  }
  if (!chosen.eligible) return turn.say('return_not_eligible', { orderNumber, itemTitle: chosen.title, reasonText: refusalText(chosen.reason ?? 'not_eligible') });
  turn.state.pending = { tool: 'start_return', input: { orderNumber, orderItemId: chosen.orderItemId, reason: turn.text.slice(0, 200) }, onDeny: 'return_kept', intent: 'return_item' };
  turn.say('return_eligible', { orderNumber, itemTitle: chosen.title, deadline: (chosen.deadline ?? '').slice(0, 10) }, [
    { type: 'quick_replies', replies: [{ title: 'Yes, start the return', payload: 'yes' }, { title: 'No', payload: 'no' }] },
  ]);
}

/** "Refund for order X": report the refund when one exists, otherwise see whether it can be returned. */
async function getRefund(turn: Turn): Promise<void> {
  const orderNumber = turn.state.slots.order_id!;
  const outcome = await turn.tool('refund_status', { orderNumber });
  const returns = outcome.status === 'ok' ? ((outcome.data.returns as unknown[] | undefined) ?? []) : [];
  if (returns.length > 0) return refundStatus(turn, outcome);
  return returnItem(turn);
}

async function refundStatus(turn: Turn, known?: ToolOutcome): Promise<void> {
  const orderNumber = turn.state.slots.order_id;
  const outcome = known ?? (await turn.tool('refund_status', orderNumber ? { orderNumber } : {}));
  if (outcome.status === 'not_found') return notFound(turn, orderNumber ?? '');
  if (outcome.status !== 'ok') return turn.say('error');
  const returns = (outcome.data.returns as { orderNumber?: string; status: string; refundStatus: string | null; refundCents: number; refundedAt?: string | null }[] | undefined) ?? [];
  if (returns.length === 0) return turn.say('no_refunds', { scope: orderNumber ? `order ${orderNumber}` : 'your orders' });
  const lines = returns.map((r) => {
    const refund = r.refundStatus === 'issued' ? `refund of ${money(r.refundCents)} issued${r.refundedAt ? ` on ${r.refundedAt.slice(0, 10)}` : ''}` : r.refundStatus === 'pending' ? `refund of ${money(r.refundCents)} pending` : `return ${r.status}`;
    return `${r.orderNumber ? `Order ${r.orderNumber}: ` : ''}${refund}`;
  });
  turn.say('refund_status', { refunds: `${lines.join('. ')}.` });
}

/** Confirmed actions (cancel, start return) run here when the shopper says yes. */
export async function runConfirmed(turn: Turn, tool: string, input: Record<string, unknown>): Promise<void> {
  const outcome = await turn.tool(tool, input);
  const orderNumber = String(input.orderNumber ?? '');
  if (outcome.status === 'refused') {
    return tool === 'cancel_order' ? sayCancelRefused(turn, orderNumber, outcome.reason) : turn.say('return_not_eligible', { orderNumber, itemTitle: 'This item', reasonText: refusalText(outcome.reason) });
  }
  if (outcome.status !== 'ok') return turn.say('error');
  if (tool === 'cancel_order') return turn.say('cancelled', { orderNumber });
  turn.say('return_started', {
    returnId: String(outcome.data.returnId),
    refundText: money(outcome.data.refundCents),
    instructions: String(outcome.data.instructions ?? ''),
  });
}

export const ORDER_FLOWS: Record<string, Flow> = {
  track_order: { slots: [], verify: true, act: trackOrder },
  cancel_order: { slots: ['order_id'], verify: true, act: cancelOrder },
  change_shipping_address: { slots: ['order_id'], optionalSlots: ['address'], verify: true, act: changeAddress },
  return_item: { slots: ['order_id'], optionalSlots: ['product'], verify: true, act: returnItem },
  get_refund: { slots: ['order_id'], optionalSlots: ['product'], verify: true, act: getRefund },
  track_refund: { slots: [], verify: true, act: (turn) => refundStatus(turn) },
};
