/**
 * A flow is data: the slots it needs (asked for in order, several can arrive in
 * one message), whether it needs a verified shopper, and the action that calls
 * tools and answers once everything is there.
 */
import type { Turn } from './turn';

export type SlotName = 'order_id' | 'email' | 'address' | 'product' | 'discount_code' | 'order_item';

export interface Flow {
  slots: SlotName[];
  /** Slots taken when the message has them, never asked for (e.g. which item to return). */
  optionalSlots?: SlotName[];
  /** The shopper must prove who they are first (email + order number, or a session token). */
  verify?: boolean;
  act(turn: Turn): Promise<void>;
}

/** The response that asks for each slot. */
export const SLOT_PROMPTS: Record<SlotName, string> = {
  order_id: 'ask_order_id',
  email: 'ask_email',
  address: 'ask_address',
  product: 'ask_product',
  discount_code: 'ask_discount_code',
  order_item: 'return_choose_item',
};
