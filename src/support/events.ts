/**
 * The support desk's in-process event bus: ticket changes for the agent
 * console, and conversation messages for whichever channel the shopper is on.
 * Channels subscribe; the desk never imports a channel.
 */
import { EventEmitter } from 'node:events';
import type { StoredMessage } from '../store';

export interface TicketChange {
  ticketId: number;
  queue: string;
  status: string;
  /** What happened, e.g. 'created', 'assigned', 'takeover', 'resolved'. */
  change: string;
}

export interface ConversationMessageEvent {
  conversationId: string;
  message: StoredMessage;
  /** Who stored it: a channel (shopper or bot messages) or the desk (agent and system messages). */
  origin: 'chat' | 'botframework' | 'desk';
}

interface SupportEventMap {
  ticket: [TicketChange];
  message: [ConversationMessageEvent];
}

export class SupportEvents extends EventEmitter<SupportEventMap> {
  constructor() {
    super();
    // Every agent socket listens; the default cap of 10 would warn with a normal team online.
    this.setMaxListeners(0);
  }
}
