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
