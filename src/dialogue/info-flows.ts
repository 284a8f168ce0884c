/** Flows that answer from the store's policies or a template, and the ones that hand over to a person. */
import type { Flow } from './flow';
import type { Turn } from './turn';

function policy(topicFor: string | ((turn: Turn) => string), key = 'policy_answer', offerHandoff = false): Flow {
  return {
    slots: [],
    act: async (turn) => {
      const topic = typeof topicFor === 'string' ? topicFor : topicFor(turn);
      const outcome = await turn.tool('store_policy', { topic });
      const answer = outcome.status === 'ok' ? String(outcome.data.answer ?? '') : '';
      const link = outcome.status === 'ok' && typeof outcome.data.link === 'string' ? outcome.data.link : undefined;
      turn.say(key, { answer }, link ? [{ type: 'link', url: link, title: 'More details' }] : []);
      if (offerHandoff) offerHuman(turn, `payment issue: ${turn.text}`);
    },
  };
}

function reply(key: string): Flow {
  return { slots: [], act: async (turn) => turn.say(key) };
}

/** Asks whether to hand over; a "yes" runs the handoff tool. */
export function offerHuman(turn: Turn, reason: string, key?: string): void {
  turn.state.pending = { tool: 'handoff', input: { reason: reason.slice(0, 300) }, onDeny: 'deny_no_context', intent: 'contact_human_agent' };
  if (key) turn.say(key);
  turn.state.activeFlow = null;
}

export async function handoff(turn: Turn, reason: string, source: 'handoff' | 'bot_failed' | 'complaint' = 'handoff'): Promise<void> {
  const outcome = await turn.tool('handoff', { reason: reason.slice(0, 300), source });
  if (outcome.status !== 'ok') return turn.say('error');
  turn.say(source === 'bot_failed' ? 'handoff_after_failures' : source === 'complaint' ? 'complaint_escalated' : 'handoff_created', { ticketId: String(outcome.data.ticketId) });
}

/** Both the classifier and the lexicon must agree: the network alone reads every complaint as very negative. */
const STRONGLY_NEGATIVE = { score: -0.8, intensity: -0.5 };

/** Says `key` and offers a person (yes/no quick replies); a "yes" opens a ticket with `reason` and the message. */
function offerPerson(key: string, reason: string): Flow {
  return {
    slots: [],
    act: async (turn) => {
      offerHuman(turn, `${reason}: ${turn.text}`);
      turn.say(key, {}, [{ type: 'quick_replies', replies: HUMAN_REPLIES }]);
    },
  };
}

const HUMAN_REPLIES = [
  { title: 'Yes, connect me', payload: 'yes' },
  { title: 'No thanks', payload: 'no' },
];

export const INFO_FLOWS: Record<string, Flow> = {
  greet: {
    slots: [],
    act: async (turn) =>
      turn.say('greet', {}, [
        {
          type: 'quick_replies',
          replies: [
            { title: 'Track my order', payload: '/track_order' },
            { title: 'Find a product', payload: '/product_search' },
            { title: 'Start a return', payload: '/return_item' },
          ],
        },
      ]),
  },
  goodbye: reply('goodbye'),
  thank_you: reply('thank_you'),
  bot_challenge: reply('bot_challenge'),
  affirm: reply('affirm_no_context'),
  deny: reply('deny_no_context'),
  review: reply('review'),
  size_help: reply('size_help'),
  change_order: {
    slots: [],
    act: async (turn) =>
      turn.say('change_order', {}, [
        {
          type: 'quick_replies',
          replies: [
            { title: 'Cancel an order', payload: '/cancel_order' },
            { title: 'Change the address', payload: '/change_shipping_address' },
          ],
        },
      ]),
  },
  place_order: reply('place_order'),
  // One intent covers "what's your return policy?" and "how do refunds work?": the words pick the topic.
  check_refund_policy: policy((turn) => (/\brefund/i.test(turn.text) ? 'refunds' : 'returns')),
  check_cancellation_fee: policy('cancellation'),
  delivery_options: policy('shipping'),
  delivery_period: policy('shipping'),
  check_payment_methods: policy('payment'),
  payment_issue: policy('payment', 'payment_issue', true),
  check_invoice: policy('invoice'),
  get_invoice: policy('invoice'),
  create_account: policy('account', 'account_help'),
  delete_account: policy('account', 'account_help'),
  edit_account: policy('account', 'account_help'),
  recover_password: policy('account', 'account_help'),
  registration_problems: policy('account', 'account_help'),
  switch_account: policy('account', 'account_help'),
  set_up_shipping_address: policy('account', 'account_help'),
  newsletter_subscription: policy('account', 'account_help'),
  contact_customer_service: {
    slots: [],
    act: async (turn) => {
      await policy('contact').act(turn);
      offerHuman(turn, `asked for customer service: ${turn.text}`);
      turn.say('handoff_offered', {}, [{ type: 'quick_replies', replies: HUMAN_REPLIES }]);
    },
  },
  contact_human_agent: { slots: [], act: async (turn) => handoff(turn, `asked for a person: ${turn.text}`) },
  give_feedback: reply('give_feedback'),
  // Hours, support channels and "who are you" share one answer: the contact policy after a line about the store.
  store_info: policy('contact', 'store_info'),
  bulk_order: offerPerson('bulk_order', 'bulk or business order'),
  // Money or an account in a stranger's hands: a person is offered before anything else.
  report_fraud: offerPerson('report_fraud', 'reported fraud'),
  account_security: offerPerson('account_security', 'account security'),
  missing_confirmation: {
    slots: [],
    act: async (turn) =>
      turn.say('missing_confirmation', {}, [
        {
          type: 'quick_replies',
          replies: [
            { title: 'Look up my order', payload: '/track_order' },
            { title: 'Talk to a person', payload: '/contact_human_agent' },
          ],
        },
      ]),
  },
  order_not_shipped: offerPerson('order_not_shipped', 'order not shipped'),
  complaint: {
    slots: [],
    act: async (turn) => {
      const sentiment = turn.sentiment();
      if (sentiment && sentiment.score <= STRONGLY_NEGATIVE.score && sentiment.intensity <= STRONGLY_NEGATIVE.intensity) {
        return handoff(turn, `complaint: ${turn.text}`, 'complaint');
      }
      offerHuman(turn, `complaint: ${turn.text}`);
      turn.say('complaint', {}, [{ type: 'quick_replies', replies: HUMAN_REPLIES }]);
    },
  },
};

export { HUMAN_REPLIES };
