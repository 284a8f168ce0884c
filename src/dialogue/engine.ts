/**
 * The dialogue engine: one turn = parse the message, resolve pending
 * confirmations, fill the active form, handle follow-ups and corrections, fall
 * back on low confidence, then run the intent's flow. State is loaded and
 * saved per conversation, so a conversation survives a server restart.
 */
import type { Db } from '../store';
import type { NluModel, ParseResult } from '../nlu';
import type { RecommenderContext, SupportDesk, ToolOutcome, ToolContext } from '../tools/types';
import type { Flow, SlotName } from './flow';
import { SLOT_PROMPTS } from './flow';
import { handoff, HUMAN_REPLIES, INFO_FLOWS, offerHuman } from './info-flows';
import { ORDER_FLOWS, runConfirmed } from './order-flows';
import type { BotReply, ProductCard, RichPart } from './reply';
import type { ResponseTemplates } from './responses';
import { cheaper, runSearch, SHOPPING_FLOWS } from './shopping-flows';
import { addressFrom, discountCodeFrom, emailFrom, orderNumberFrom, ordinalFrom, searchFiltersFrom } from './slots';
import { initialState, reviveState, type ConversationState } from './state';
import type { ToolCallRecord, Turn, TurnResult } from './turn';

export const FLOWS: Readonly<Record<string, Flow>> = { ...INFO_FLOWS, ...ORDER_FLOWS, ...SHOPPING_FLOWS };

/** Below this confidence (or when the top two are too close) the engine asks instead of guessing. */
export const LOW_CONFIDENCE = 0.4;
/** Below this, an out_of_scope reading is treated as "not understood" (clarify) rather than refused. */
const WEAK_OUT_OF_SCOPE = 0.5;
const LOCK_MINUTES = 30;
const MAX_VERIFICATION_FAILURES = 5;

export interface ToolRunner {
  run(name: string, input: unknown, context: ToolContext): Promise<ToolOutcome>;
}

export interface ConversationRecord {
  state: unknown;
  mode: string;
}

/** Persistence the engine needs; implemented over Prisma by the store. */
export interface ConversationRepository {
  load(conversationId: string): Promise<ConversationRecord | null>;
  save(conversationId: string, state: ConversationState, customerId: number | null): Promise<void>;
}

export interface EngineDeps {
  nlu: Pick<NluModel, 'parseAsync'>;
  tools: ToolRunner;
  conversations: ConversationRepository;
  responses: ResponseTemplates;
  db: Db;
  audit?: (conversationId: string, event: string, details: Record<string, unknown>) => void;
  now?: () => Date;
  /** The trained recommender; without it the recommend tool uses its baseline. */
  recommender?: RecommenderContext['live'];
  /** Opens routed tickets (the server's support desk); without it handoff stores a plain ticket. */
  desk?: SupportDesk;
  /** Scores the shopper's wording, so a furious complaint reaches a person without asking first. */
  sentiment?: { scoreText(text: string): { score: number }; wordingIntensity(text: string): number };
}

export interface HandleOptions {
  /** Customer id from a verified store session token (the channel checks the signature). */
  sessionCustomerId?: number;
}

/** A quick-reply payload ("/track_order"): the named intent, or null for a payload naming no flow. */
function explicitIntent(text: string): string | null | undefined {
  const match = /^\/([a-z_]+)$/.exec(text.trim());
  if (!match) return undefined;
  return FLOWS[match[1]!] ? match[1] : null;
}

/**
 * Intent pairs the engine may confuse without asking: get_refund answers with the
 * refund status when a refund exists, so "refund for #52111?" needs no question
 * whichever of the two the model leans to.
 */
const SAME_OUTCOME: ReadonlyArray<readonly [string, string]> = [['get_refund', 'track_refund']];

function ambiguityMatters(parse: ParseResult): boolean {
  if (!parse.ambiguous) return false;
  const [first, second] = parse.intent_ranking;
  if (!first || !second) return true;
  return !SAME_OUTCOME.some(([a, b]) => (first.name === a && second.name === b) || (first.name === b && second.name === a));
}

/** What the clarification offers when the model has no candidate at all. */
const DEFAULT_OPTIONS = [{ name: 'track_order' }, { name: 'product_search' }];

const CART_QUESTION = /\b(what'?s in|show|view|see|check|open)\b.*\b(cart|basket)\b/i;
const TAKE_IT = /\b(take|buy|add|get|order)\b/i;
const FOLLOW_UP = /^\s*(and |what about|how about|any|in |got |do you have (it|them|one)|is there one)/i;
/**
 * A refusal of what the bot just offered to do, however the classifier reads it: "dont
 * cancel" leans on the word cancel (cancel_order), "no thanks" on thanks (thank_you).
 * Only consulted while a confirmation waits, where doing nothing is the safe reading.
 */
const KEEP_AS_IS = /^\s*(no,? thanks?|no thank you|don'?t|do not|never ?mind|keep (it|them|my order|the order)|leave it|((wait|actually|hmm|oh),? )?(i'?ll|i will|i'?d rather|let'?s) (keep|leave)|(wait|actually|hmm|oh),? (no|don'?t|do not|keep|leave))\b/i;
/** Any negation in a reply: it never confirms an action by repeating it. */
const NEGATION = /\b(no|not|never|dont|cannot)\b|n't\b/i;
/** Words that make a short reply a yes on their own, whatever the classifier's confidence. */
const YES_WORD = /\b(yes|yeah|yep|yup|ya|sure|ok|okay|please|go ahead|do it|confirm(ed)?|correct|absolutely|definitely|of course|right)\b|👍|✅/i;
/** An affirm reading below this, with no yes-word, is not enough to run an action the shopper cannot undo. */
const SURE_AFFIRM = 0.8;
/**
 * "and order 48214?", "what about #48214": an order number with nothing but a connector
 * around it asks the last order question again, about that order. Classifiers read such
 * fragments as any order intent, weakly.
 */
const ORDER_FOLLOW_UP = /^\s*(and|also|what about|how about|same for|and what about)\s+(the\s+)?(order\s*(number|no\.?)?\s*)?#?[\w-]+\s*\??\s*$/i;
/** Neither yes nor no ("hmm not sure" reads as affirm): the question stays open. */
const UNDECIDED = /\b(not sure|unsure|maybe|perhaps|dunno|idk|no idea|(don'?t|do not) know|let me think|hmm+)\b/i;

export class DialogueEngine {
  constructor(private readonly deps: EngineDeps) {}

  async handle(conversationId: string, text: string, options: HandleOptions = {}): Promise<TurnResult> {
    const record = await this.deps.conversations.load(conversationId);
    const state = record ? reviveState(record.state) : initialState();
    const forced = explicitIntent(text);
    const parse: ParseResult = forced
      ? { text, intent: { name: forced, confidence: 1 }, intent_ranking: [{ name: forced, confidence: 1 }], entities: [], ambiguous: false, truncated: false }
      : forced === null
        ? // A payload naming no flow (an old button, a typo in a store's config) is not a message to interpret.
          { text, intent: { name: 'out_of_scope', confidence: 0 }, intent_ranking: [], entities: [], ambiguous: true, truncated: false }
        : await this.deps.nlu.parseAsync(text);
    if (record?.mode === 'agent') return { replies: [], parse, toolCalls: [], handledBy: 'agent' };
    if (options.sessionCustomerId !== undefined && state.verification.customerId === null) state.verification.customerId = options.sessionCustomerId;

    const replies: BotReply[] = [];
    const toolCalls: ToolCallRecord[] = [];
    const now = this.deps.now ?? (() => new Date());
    const turn: Turn = {
      conversationId,
      text,
      parse,
      state,
      say: (key, variables = {}, parts = []) => {
        replies.push({ text: this.deps.responses.render(key, variables, state.turns + replies.length), parts });
      },
      tool: async (name, input) => {
        const outcome = await this.deps.tools.run(name, input, {
          db: this.deps.db,
          conversationId,
          verification: state.verification,
          lastProductIds: state.lastProducts,
          audit: (event, details) => this.deps.audit?.(conversationId, event, details),
          now,
          message: { text, intent: parse.intent, ranking: parse.intent_ranking.slice(0, 5), entities: parse.entities.map((e) => ({ entity: e.entity, value: e.value, text: e.text })) },
          ...(this.deps.desk ? { desk: this.deps.desk } : {}),
          // The conversation's products are a new visitor's only history: shown ones (top result last), then the one in focus.
          ...(this.deps.recommender ? { recommender: { live: this.deps.recommender, sessionProductIds: [...state.lastProducts].reverse().concat(state.focusProduct ?? []) } } : {}),
        });
        toolCalls.push({ name, input, status: outcome.status });
        return outcome;
      },
      sentiment: () => {
        const scorer = this.deps.sentiment;
        return scorer ? { score: scorer.scoreText(text).score, intensity: scorer.wordingIntensity(text) } : undefined;
      },
      showProducts: (products: ProductCard[]): RichPart => {
        state.lastProducts = products.map((p) => p.id);
        state.focusProduct = null;
        state.lastMinPriceCents = products.length ? Math.min(...products.map((p) => p.priceCents)) : null;
        return { type: 'product_cards', products };
      },
    };
    state.turns += 1;
    state.history = [...state.history, { intent: parse.intent.name, confidence: parse.intent.confidence, at: now().toISOString() }].slice(-20);
    const handledBy = await this.route(turn, now);
    await this.deps.conversations.save(conversationId, state, state.verification.customerId);
    return { replies, parse, toolCalls, handledBy };
  }

  private async route(turn: Turn, now: () => Date): Promise<string> {
    const { state, parse, text } = turn;
    const intent = parse.intent.name;
    // An order number the message names: it decides refusals and repeats of a pending action, corrections and follow-ups.
    const mentionedOrder = orderNumberFrom(parse.entities, text, false);

    if (state.pending) {
      const pending = state.pending;
      state.pending = null;
      const pendingOrder = String(pending.input.orderNumber ?? '');
      // A refusal first: "dont cancel" reads as cancel_order, and must never count as asking again.
      // "no, order 1234" is a correction, handled below.
      if ((intent === 'deny' || KEEP_AS_IS.test(text)) && !mentionedOrder) {
        turn.say(pending.onDeny, { orderNumber: pendingOrder });
        return `deny:${pending.tool}`;
      }
      // "yes, cancel it" reads as cancel_order, not affirm: asking for the same thing again, about the
      // same order and with no "not" in it, is a yes.
      const repeated = pending.intent === intent && (mentionedOrder ?? pendingOrder) === pendingOrder && !NEGATION.test(text);
      const weakYes = intent === 'affirm' && parse.intent.confidence < SURE_AFFIRM && !YES_WORD.test(text);
      // "cool" reads as a weak out of scope: dropping the question there would leave a later "yes" answering nothing.
      const unclear = intent !== 'affirm' && !repeated && (intent === 'out_of_scope' || parse.intent.confidence < LOW_CONFIDENCE);
      if (UNDECIDED.test(text) || weakYes || unclear) {
        state.pending = pending;
        turn.say('confirm_undecided');
        return `undecided:${pending.tool}`;
      }
      if (intent === 'affirm' || repeated) {
        if (pending.tool === 'handoff') await handoff(turn, String(pending.input.reason ?? 'requested'));
        else await runConfirmed(turn, pending.tool, pending.input);
        return `confirm:${pending.tool}`;
      }
    }

    // An answer to the question just asked ("48213", "alex@example.com", an address).
    if (state.activeFlow && state.askedSlot && this.fillSlots(turn, [state.askedSlot as SlotName, 'order_id', 'email'], state.askedSlot as SlotName)) {
      return this.runFlow(turn, state.activeFlow, now);
    }

    // Corrections ("no, order 1234") and follow-ups ("and order 1234?") re-run the last order flow with that number.
    const lastOrderFlow = [...state.history].reverse().find((h) => ORDER_FLOWS[h.intent])?.intent;
    if ((intent === 'deny' || ORDER_FOLLOW_UP.test(text)) && mentionedOrder && lastOrderFlow) {
      state.slots.order_id = mentionedOrder;
      return this.runFlow(turn, lastOrderFlow, now);
    }

    // The cart is asked about in too many ways for the classifier ("what's in my cart?"): a pattern settles it.
    if (CART_QUESTION.test(text)) return this.runFlow(turn, 'add_to_cart', now);

    // Follow-ups on the last results.
    if (state.lastSearch && /\b(cheaper|less expensive|lower price|more affordable)\b/i.test(text)) {
      await cheaper(turn);
      return 'follow_up:cheaper';
    }
    const mentioned = searchFiltersFrom(parse.entities);
    // "what about in blue?" is often read as out of scope or size help; a recommendation or cart request is not a refinement.
    const refinable = !['product_recommendation', 'add_to_cart', 'product_compare'].includes(intent) || parse.intent.confidence < 0.6;
    const ordinal = state.lastProducts.length > 0 ? ordinalFrom(text, state.lastProducts.length) : undefined;
    if (ordinal !== undefined && TAKE_IT.test(text)) return this.runFlow(turn, 'add_to_cart', now);
    if (state.lastSearch && refinable && ordinal === undefined && !mentioned.query && !mentioned.category && (mentioned.color || mentioned.size || mentioned.material || mentioned.brand || mentioned.maxPrice !== undefined) && (FOLLOW_UP.test(text) || parse.intent.confidence < 0.6)) {
      await runSearch(turn, { ...state.lastSearch, ...mentioned });
      return 'follow_up:refine_search';
    }
    if (ordinal !== undefined && !SHOPPING_FLOWS[intent]) {
      return this.runFlow(turn, 'product_details', now);
    }

    // A weak "out of scope" is the model being unsure, not a refusal, and so is any out-of-scope reading of a
    // single word ("hmm", "eh"): ask which of the likely topics was meant.
    const oneWord = text.trim().split(/\s+/).length === 1;
    const weakOutOfScope = intent === 'out_of_scope' && (parse.intent.confidence < WEAK_OUT_OF_SCOPE || oneWord);
    const unsure = ambiguityMatters(parse) || parse.intent.confidence < LOW_CONFIDENCE || weakOutOfScope;
    if (unsure || intent === 'out_of_scope' || !FLOWS[intent]) {
      state.misunderstandings += 1;
      if (state.misunderstandings >= 2) {
        // Failing twice opens a ticket: a person picks the conversation up while the shopper can keep chatting.
        state.misunderstandings = 0;
        await handoff(turn, `the assistant did not understand: ${text}`, 'bot_failed');
        return 'fallback:handoff';
      }
      if (intent === 'out_of_scope' && !unsure) {
        turn.say('out_of_scope');
        return 'out_of_scope';
      }
      const ranked = parse.intent_ranking.filter((r) => FLOWS[r.name] && r.name !== 'out_of_scope').slice(0, 2);
      const options = ranked.length > 0 ? ranked : DEFAULT_OPTIONS;
      turn.say('not_understood', {}, [{ type: 'quick_replies', replies: options.map((o) => ({ title: o.name.replace(/_/g, ' '), payload: `/${o.name}` })) }]);
      return 'fallback:clarify';
    }
    state.misunderstandings = 0;
    if (state.activeFlow !== intent) {
      state.askedSlot = null;
      if (!ORDER_FLOWS[intent]) delete state.slots.order_item;
    }
    return this.runFlow(turn, intent, now);
  }

  /** Fills slots from the message; returns whether `wanted` got a value. */
  private fillSlots(turn: Turn, slots: readonly SlotName[], wanted?: SlotName): boolean {
    const { state, parse, text } = turn;
    // An answer to "what's the new address?" or "which item?" holds numbers (postal codes, item ids)
    // that are not order numbers: never let it overwrite the order being discussed.
    const answeringOther = state.askedSlot === 'address' || state.askedSlot === 'order_item' || state.askedSlot === 'discount_code';
    for (const slot of slots) {
      let value: string | undefined;
      if (slot === 'order_id') value = answeringOther ? undefined : orderNumberFrom(parse.entities, text, state.askedSlot === 'order_id');
      else if (slot === 'email') value = emailFrom(parse.entities, text);
      else if (slot === 'address' && state.askedSlot === 'address') {
        const address = addressFrom(text, parse.entities);
        value = address ? JSON.stringify(address) : undefined;
      } else if (slot === 'order_item') value = /\breturn item (\d+)\b/i.exec(text)?.[1];
      else if (slot === 'product') value = parse.entities.find((e) => e.entity === 'product')?.text;
      else if (slot === 'discount_code') value = discountCodeFrom(text);
      if (value) state.slots[slot] = value;
    }
    return wanted !== undefined && state.slots[wanted] !== undefined;
  }

  private ask(turn: Turn, flowName: string, slot: SlotName): string {
    turn.state.activeFlow = flowName;
    turn.state.askedSlot = slot;
    turn.say(SLOT_PROMPTS[slot], { orderNumber: turn.state.slots.order_id ?? '' });
    return `ask:${slot}`;
  }

  private async runFlow(turn: Turn, flowName: string, now: () => Date): Promise<string> {
    const flow = FLOWS[flowName]!;
    const { state } = turn;
    state.activeFlow = flowName;
    this.fillSlots(turn, ['order_id', 'email', ...flow.slots, ...(flow.optionalSlots ?? [])]);

    if (flow.verify && state.verification.customerId === null) {
      const verdict = await this.verify(turn, flowName, now);
      if (verdict !== 'verified') return verdict;
    }
    for (const slot of flow.slots) if (state.slots[slot] === undefined) return this.ask(turn, flowName, slot);

    state.askedSlot = null;
    await flow.act(turn);
    // A flow that asked something itself (e.g. which item) keeps the form open.
    if (!state.askedSlot) state.activeFlow = null;
    if (state.activeFlow === null) {
      // Per-request details do not outlive the request; the order and the email do (follow-ups use them).
      for (const slot of ['address', 'order_item', 'product', 'discount_code']) delete state.slots[slot];
    }
    return state.askedSlot ? `ask:${state.askedSlot}` : flowName;
  }

  private async verify(turn: Turn, flowName: string, now: () => Date): Promise<string> {
    const { state } = turn;
    const v = state.verification;
    if (v.lockedUntil && new Date(v.lockedUntil) > now()) {
      offerHuman(turn, 'identity verification locked');
      turn.say('verification_locked', {}, [{ type: 'quick_replies', replies: HUMAN_REPLIES }]);
      return 'verification:locked';
    }
    if (!state.slots.order_id) return this.ask(turn, flowName, 'order_id');
    if (!state.slots.email) return this.ask(turn, flowName, 'email');
    const outcome = await turn.tool('verify_identity', { email: state.slots.email, orderNumber: state.slots.order_id });
    if (outcome.status === 'ok') {
      v.customerId = Number(outcome.data.customerId);
      v.failures = 0;
      turn.say('verified', { name: String(outcome.data.name ?? '').split(' ')[0] || 'there' });
      return 'verified';
    }
    v.failures += 1;
    delete state.slots.email;
    delete state.slots.order_id;
    if (v.failures >= MAX_VERIFICATION_FAILURES) {
      v.lockedUntil = new Date(now().getTime() + LOCK_MINUTES * 60_000).toISOString();
      offerHuman(turn, 'identity verification locked');
      turn.say('verification_locked', {}, [{ type: 'quick_replies', replies: HUMAN_REPLIES }]);
      return 'verification:locked';
    }
    turn.say('verification_failed');
    return this.ask(turn, flowName, 'order_id');
  }
}
