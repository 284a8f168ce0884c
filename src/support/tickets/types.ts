/** Shapes shared by the ticket service, its HTTP routes and the agent socket. */
import type { Router, RoutingDecision, RoutingSignals } from '../routing';
import type { CurrentTurn as SummaryCurrentTurn, SentimentScorer } from '../summary';

export { TICKET_PRIORITIES, type TicketPriority } from '../routing';
export const TICKET_STATUSES = ['open', 'assigned', 'pending', 'resolved'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export type TicketSource = 'handoff' | 'bot_failed' | 'complaint' | 'inbound';

/** Routing as the desk needs it: src/support/routing's Router over the store's config file. */
export type TicketRouter = Pick<Router, 'route' | 'escalate'>;
export type { RoutingSignals, RoutingDecision, SentimentScorer };

/** The latest customer message, not stored with its NLU yet (the ticket opens mid-turn); the ranking helps routing. */
export interface CurrentTurn extends SummaryCurrentTurn {
  ranking?: Array<{ name: string; confidence: number }>;
}

/** Summaries for agents; implemented by src/support/summary from the conversation and the store's data. */
export interface TicketSummarizer {
  forConversation(conversationId: string, current?: CurrentTurn): Promise<string>;
  forInbound(input: { subject: string; body: string; email: string }): Promise<string>;
}

export interface TicketRow {
  id: number;
  subject: string;
  queue: string;
  priority: string;
  status: string;
  summary: string;
  tags: string;
  source: string;
  routedPriority: string;
  conversationId: string | null;
  customerId: number | null;
  assigneeId: number | null;
  createdAt: Date;
  updatedAt: Date;
  slaDueAt: Date | null;
}

export class TicketError extends Error {
  override name = 'TicketError';
  constructor(
    readonly code: 'not_found' | 'not_allowed' | 'conflict' | 'invalid',
    message: string,
  ) {
    super(message);
  }
}
