/**
 * Where to reach a Bot Framework conversation later (agent messages): the
 * ConversationReference of its latest inbound activity. Kept in memory only,
 * bounded by recency, because a reference is re-learned from the next activity.
 */
import type { ConversationReference } from 'botbuilder';

export interface KnownConversation {
  reference: Partial<ConversationReference>;
  /** Origin relative shop links were resolved against on that turn. */
  baseUrl: string;
}

export class ReferenceBook {
  private readonly entries = new Map<string, KnownConversation>();

  /** @param capacity Most conversations remembered; the least recently active is forgotten first. */
  constructor(private readonly capacity = 10_000) {}

  remember(conversationId: string, known: KnownConversation): void {
    this.entries.delete(conversationId); // re-insert: Map order is the recency order
    this.entries.set(conversationId, known);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  get(conversationId: string): KnownConversation | undefined {
    return this.entries.get(conversationId);
  }
}
