/**
 * Agent summaries of support tickets: who the customer is, the orders they
 * mention with their current status, what they want, what the bot tried, the
 * sentiment trend and the open question, in at most 100 words. Facts come
 * only from the conversation and the store. Public face of the module.
 * @example
 *   const facts = await gatherTicketFacts(db, conversationId, { sentiment: loadSentimentModel() });
 *   summarize(facts);   // 'Customer: Sam Lee <sam.lee@example.com> (verified). Orders: #51007 delayed, ...'
 */
export type { TicketFacts, CustomerFact, OrderFact, RequestFact, BotActionFact, SentimentScorer, MessageParser, CurrentTurn } from './types';
export { gatherTicketFacts, type GatherOptions } from './gather';
export { gatherInboundFacts, type InboundMessage, type InboundOptions } from './inbound';
export { summarize, SUMMARY_MAX_WORDS } from './summarize';
export { createSummarizer, type Summarizer, type SummarizerDeps } from './summarizer';
export { orderNumbersInText, normalizeOrderNumber } from './order-numbers';
export { SummaryError } from './errors';
