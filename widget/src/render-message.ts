/**
 * One chat message as DOM, and the message list that keeps them in id order,
 * turns a pending bubble into the server's message (same clientId) and retires
 * stale quick replies. Message data only ever reaches the DOM as textContent.
 */
import type { ChatError, ChatMessage, ChatRole } from '../../src/channels/socketio/protocol';
import type { RichPart } from '../../src/dialogue/reply';
import { h, timeElement } from './dom';
import { renderPart, type PartHandlers } from './render-parts';
import type { PendingMessage } from './wire';

const ROLE_LABEL: Record<ChatRole, string> = { user: 'You', bot: 'Assistant', agent: 'Agent', system: 'Notice' };

export interface BubbleData {
  role: ChatRole;
  text: string;
  parts: RichPart[];
  createdAt: string;
  id?: number;
  clientId?: string;
  state: 'sent' | 'sending' | 'failed';
  error?: ChatError;
}

export function renderMessage(data: BubbleData, handlers: PartHandlers): HTMLElement {
  const role: ChatRole = data.role in ROLE_LABEL ? data.role : 'bot';
  const el = h('div', {
    class: `sd-message sd-${role}`,
    attrs: {
      'data-testid': 'sd-message',
      'data-role': role,
      'data-id': data.id,
      'data-client-id': data.clientId,
      'data-state': data.state,
      'aria-busy': data.state === 'sending' ? 'true' : undefined,
    },
  });
  const bubble = h('div', { class: 'sd-bubble' });
  if (data.text) bubble.appendChild(h('p', { class: 'sd-text', text: data.text }));
  for (const part of data.parts) {
    try {
      const node = renderPart(part, handlers);
      if (node) bubble.appendChild(node);
    } catch {
      // A malformed part must not lose the rest of the message.
    }
  }
  if (!bubble.childNodes.length) return el;
  el.appendChild(bubble);
  const meta = h('div', { class: 'sd-meta' }, [h('span', { class: 'sd-sr', text: `${ROLE_LABEL[role]}, ` }), timeElement(data.createdAt)]);
  if (data.state === 'sending') {
    meta.appendChild(h('span', { class: 'sd-clock', text: '🕓', attrs: { role: 'img', 'aria-label': 'Sending', title: 'Sending…' } }));
  } else if (data.state === 'failed') {
    meta.appendChild(h('span', { class: 'sd-failed', text: 'Not sent' }));
  }
  el.appendChild(meta);
  if (data.error) el.appendChild(h('p', { class: 'sd-error', text: data.error.message, attrs: { 'data-testid': 'sd-error', role: 'alert' } }));
  return el;
}

function idOf(el: Element): number | undefined {
  const raw = el.getAttribute('data-id');
  return raw === null ? undefined : Number(raw);
}

export class MessageList {
  constructor(
    private readonly log: HTMLElement,
    private readonly handlers: PartHandlers,
  ) {}

  /** Inserts a server message in id order, replacing the pending bubble with its clientId. */
  add(message: ChatMessage, display?: string): HTMLElement {
    const existing = this.children().find((el) => idOf(el) === message.id);
    if (existing) return existing; // Dedupe at the DOM too.
    const el = renderMessage(
      { role: message.role, text: display ?? message.text, parts: message.parts, createdAt: message.createdAt, id: message.id, clientId: message.clientId, state: 'sent' },
      this.handlers,
    );
    const own = message.role === 'user';
    const stick = own || this.nearBottom();
    if (message.clientId) this.findPending(message.clientId)?.remove();
    this.insert(el, message.id);
    this.afterChange(stick);
    return el;
  }

  /** Shows or updates the shopper's message that has no server id yet. */
  upsertPending(pending: PendingMessage): void {
    const state = pending.state === 'failed' ? 'failed' : pending.state === 'sent' ? 'sent' : 'sending';
    const el = renderMessage(
      { role: 'user', text: pending.display ?? pending.text, parts: [], createdAt: pending.createdAt, clientId: pending.clientId, state, error: pending.error },
      this.handlers,
    );
    const existing = this.findPending(pending.clientId);
    if (existing) existing.replaceWith(el);
    else this.log.appendChild(el);
    this.afterChange(true);
  }

  /** The pending message turned out to be shown already (by id): drop its bubble. */
  settle(clientId: string): void {
    this.findPending(clientId)?.remove();
  }

  /** A new conversation: drop every server message (pending bubbles stay). */
  reset(): void {
    for (const el of this.children()) if (idOf(el) !== undefined) el.remove();
  }

  scrollToBottom(): void {
    this.log.scrollTop = this.log.scrollHeight;
  }

  private children(): HTMLElement[] {
    return Array.from(this.log.children) as HTMLElement[];
  }

  private findPending(clientId: string): HTMLElement | undefined {
    return this.children().find((el) => idOf(el) === undefined && el.getAttribute('data-client-id') === clientId);
  }

  /** After the last message with a smaller id, before later ones and before bubbles still sending. */
  private insert(el: HTMLElement, id: number): void {
    let before: Element | null = null;
    for (let node = this.log.lastElementChild; node; node = node.previousElementSibling) {
      const nodeId = idOf(node);
      const sending = nodeId === undefined && node.getAttribute('data-state') === 'sending';
      if (!sending && (nodeId === undefined || nodeId < id)) break;
      before = node;
    }
    this.log.insertBefore(el, before);
  }

  private afterChange(stick: boolean): void {
    this.pruneQuickReplies();
    if (stick) this.scrollToBottom();
  }

  /** Quick replies are offered until the shopper says something after them. */
  private pruneQuickReplies(): void {
    const children = this.children();
    let lastUser = -1;
    children.forEach((el, i) => {
      if (el.getAttribute('data-role') === 'user') lastUser = i;
    });
    for (let i = 0; i < lastUser; i++) children[i]?.querySelectorAll('.sd-quick-replies').forEach((group) => group.remove());
  }

  private nearBottom(): boolean {
    return this.log.scrollHeight - this.log.scrollTop - this.log.clientHeight < 80;
  }
}
