/** What a flow sees during one turn: the parse, the state, and ways to answer and call tools. */
import type { ParseResult } from '../nlu';
import type { ToolOutcome } from '../tools/types';
import type { BotReply, ProductCard, RichPart } from './reply';
import type { ConversationState } from './state';

export interface ToolCallRecord {
  name: string;
  input: Record<string, unknown>;
  status: ToolOutcome['status'];
}

export interface Turn {
  readonly conversationId: string;
  readonly text: string;
  readonly parse: ParseResult;
  readonly state: ConversationState;
  say(key: string, variables?: Record<string, string | number>, parts?: RichPart[]): void;
  /** Runs a tool through the registry (validation and verification enforced there). */
  tool(name: string, input: Record<string, unknown>): Promise<ToolOutcome>;
  /** Sentiment of this message (model score and lexicon wording intensity), when a model is loaded. */
  sentiment(): { score: number; intensity: number } | undefined;
  /** Shows product cards and remembers them for "the second one". */
  showProducts(products: ProductCard[]): RichPart;
}

export interface TurnResult {
  replies: BotReply[];
  parse: ParseResult;
  toolCalls: ToolCallRecord[];
  /** The flow that handled the turn (for stories and logs). */
  handledBy: string;
}

/**
 * What a channel stores with the shopper's message after a turn (Message.nlu): support
 * routing and summaries read it back, so every channel stores the same shape. The
 * ranking lets routing weigh every reading of the message, not just the top intent.
 */
export function nluRecordOf(result: TurnResult): Record<string, unknown> {
  return {
    intent: result.parse.intent,
    intent_ranking: result.parse.intent_ranking.slice(0, 5),
    entities: result.parse.entities,
    handledBy: result.handledBy,
    toolCalls: result.toolCalls,
  };
}
