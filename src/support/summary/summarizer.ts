/**
 * A summarizer bound to a store and optional models: the object the ticket
 * service holds (it matches `TicketSummarizer` in src/support/tickets/types.ts).
 */
import type { Db } from '../../store';
import { gatherTicketFacts } from './gather';
import { gatherInboundFacts, type InboundMessage } from './inbound';
import { summarize } from './summarize';
import type { CurrentTurn, MessageParser, SentimentScorer } from './types';

export interface SummarizerDeps {
  /** Adds the sentiment trend (the sentiment model's `scoreText`). */
  sentiment?: SentimentScorer;
  /** Reads inbound messages' intent and entities (the NLU model). */
  parser?: MessageParser;
}

export interface Summarizer {
  forConversation(conversationId: string, current?: CurrentTurn): Promise<string>;
  forInbound(message: InboundMessage): Promise<string>;
}

/**
 * @example
 *   const summaries = createSummarizer(db, { sentiment: loadSentimentModel(), parser: nlu });
 *   await summaries.forConversation(conversationId);
 */
export function createSummarizer(db: Db, deps: SummarizerDeps = {}): Summarizer {
  return {
    forConversation: async (conversationId, current) =>
      summarize(await gatherTicketFacts(db, conversationId, { ...(deps.sentiment ? { sentiment: deps.sentiment } : {}), ...(current ? { current } : {}) })),
    forInbound: async (message) => summarize(await gatherInboundFacts(db, message, deps)),
  };
}
