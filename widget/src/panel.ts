/**
 * The widget's chrome inside an open Shadow DOM: launcher with unread badge,
 * the chat dialog (header, connection status, message log, typing indicator)
 * and the message form. Knows nothing about sockets: index.ts wires it up.
 */
import { CHAT_LIMITS } from '../../src/channels/socketio/protocol';
import type { QuickReply } from '../../src/dialogue/reply';
import { h } from './dom';
import { MessageList } from './render-message';
import { STYLES } from './styles';

export interface PanelOptions {
  title: string;
  onSend(text: string, display?: string): void;
  onOpenChange(open: boolean): void;
}

/** Show the counter when this close to the limit. */
const COUNTER_FROM = Math.floor(CHAT_LIMITS.maxTextLength * 0.9);
const TYPING_FAILSAFE_MS = 30000;

const CHAT_ICON =
  'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-4.3 3.6A.8.8 0 0 1 3.4 21V18H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm3 6.5a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zm5 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zm5 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3z';

function icon(): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', CHAT_ICON);
  svg.appendChild(path);
  return svg;
}

export class Panel {
  readonly host: HTMLElement;
  readonly root: ShadowRoot;
  readonly messages: MessageList;
  private readonly launcher: HTMLButtonElement;
  private readonly unreadBadge: HTMLElement;
  private readonly unreadText: HTMLElement;
  private readonly dialog: HTMLElement;
  private readonly status: HTMLElement;
  private readonly log: HTMLElement;
  private readonly typing: HTMLElement;
  private readonly input: HTMLTextAreaElement;
  private readonly counter: HTMLElement;
  private opened = false;
  private unread = 0;
  private typingTimer?: ReturnType<typeof setTimeout>;

  constructor(private readonly options: PanelOptions) {
    this.host = h('div', { attrs: { id: 'shopdesk-widget', 'data-open': 'false', 'data-status': 'connecting', 'data-unread': '0' } });
    // The store's CSS may target every div (display:none, transforms, fonts...): reset the host itself.
    this.host.style.cssText = 'all:initial!important;display:block!important;position:static!important';
    this.root = this.host.attachShadow({ mode: 'open' });

    this.unreadBadge = h('span', { class: 'sd-unread', text: '0', attrs: { 'data-testid': 'sd-unread', 'aria-hidden': 'true', hidden: true } });
    this.unreadText = h('span', { class: 'sd-sr', attrs: { id: 'sd-unread-text' } });
    this.launcher = h('button', {
      class: 'sd-launcher',
      attrs: { type: 'button', 'data-testid': 'sd-launcher', 'aria-label': 'Open chat', 'aria-haspopup': 'dialog', 'aria-expanded': 'false', 'aria-controls': 'sd-panel' },
    });
    this.launcher.append(icon(), this.unreadBadge);
    this.launcher.addEventListener('click', () => this.open());

    const close = h('button', { class: 'sd-close', text: '×', attrs: { type: 'button', 'aria-label': 'Close chat', 'data-testid': 'sd-close' } });
    close.addEventListener('click', () => this.close(true));
    this.status = h('div', { class: 'sd-status', text: 'Connecting…', attrs: { 'data-testid': 'sd-status', role: 'status' } });
    this.log = h('div', {
      class: 'sd-log',
      attrs: { role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions', 'aria-label': 'Chat messages', tabindex: 0, 'data-testid': 'sd-log' },
    });
    this.messages = new MessageList(this.log, { onQuickReply: (reply) => this.quickReply(reply) });
    this.typing = h('div', { class: 'sd-typing', attrs: { 'data-testid': 'sd-typing', hidden: true } }, [
      h('span', { class: 'sd-sr', text: 'Assistant is typing' }),
      h('span', { text: '…', attrs: { 'aria-hidden': 'true' } }),
    ]);

    this.input = h('textarea', {
      class: 'sd-input',
      attrs: {
        id: 'sd-input',
        'data-testid': 'sd-input',
        rows: 1,
        maxlength: CHAT_LIMITS.maxTextLength,
        placeholder: 'Type a message…',
        autocomplete: 'off',
        'aria-describedby': 'sd-counter',
      },
    });
    this.counter = h('span', { class: 'sd-counter', attrs: { id: 'sd-counter', 'data-testid': 'sd-counter', hidden: true } });
    this.input.addEventListener('input', () => this.onInput());
    this.input.addEventListener('keydown', (event) => {
      // Enter sends, Shift+Enter is a new line; never while an IME is composing.
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
        event.preventDefault();
        this.submit();
      }
    });
    const send = h('button', { class: 'sd-send', text: 'Send', attrs: { type: 'submit', 'data-testid': 'sd-send' } });
    const form = h('form', { class: 'sd-form', attrs: { novalidate: true } }, [
      h('div', { class: 'sd-field' }, [h('label', { class: 'sd-sr', text: 'Your message', attrs: { for: 'sd-input' } }), this.input, this.counter]),
      send,
    ]);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit();
    });

    this.dialog = h(
      'div',
      { class: 'sd-panel', attrs: { id: 'sd-panel', 'data-testid': 'sd-panel', role: 'dialog', 'aria-label': options.title, hidden: true } },
      [h('div', { class: 'sd-header' }, [h('h2', { class: 'sd-title', text: options.title, attrs: { id: 'sd-title' } }), close]), this.status, this.log, this.typing, form],
    );
    this.dialog.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        this.close(true);
      }
    });
    const wrapper = h('div', { class: 'sd-root' }, [this.launcher, this.unreadText, this.dialog]);
    this.root.append(wrapper);
    this.addStyles();
  }

  mount(parent: HTMLElement = document.body): void {
    parent.appendChild(this.host);
  }

  isOpen(): boolean {
    return this.opened;
  }

  open(): void {
    if (this.opened) return;
    this.opened = true;
    this.dialog.hidden = false;
    this.launcher.hidden = true;
    this.launcher.setAttribute('aria-expanded', 'true');
    this.host.setAttribute('data-open', 'true');
    this.setUnread(0);
    this.messages.scrollToBottom();
    this.input.focus();
    this.options.onOpenChange(true);
  }

  /** restoreFocus: put focus on the launcher; by default only when focus was inside the widget. */
  close(restoreFocus = document.activeElement === this.host): void {
    if (!this.opened) return;
    this.opened = false;
    this.dialog.hidden = true;
    this.launcher.hidden = false;
    this.launcher.setAttribute('aria-expanded', 'false');
    this.host.setAttribute('data-open', 'false');
    if (restoreFocus) this.launcher.focus();
    this.options.onOpenChange(false);
  }

  /** A bot or agent message arrived: count it when nobody can see it. */
  noteIncoming(): void {
    if (!this.opened) this.setUnread(this.unread + 1);
  }

  getUnread(): number {
    return this.unread;
  }

  setStatus(status: 'connecting' | 'connected' | 'disconnected', everConnected: boolean): void {
    this.host.setAttribute('data-status', status);
    this.status.hidden = status === 'connected';
    this.status.textContent = everConnected ? 'Reconnecting…' : 'Connecting…';
  }

  setTyping(typing: boolean): void {
    clearTimeout(this.typingTimer);
    this.typing.hidden = !typing;
    this.host.setAttribute('data-typing', String(typing));
    // A lost "typing: false" must not leave the dots on forever.
    if (typing) this.typingTimer = setTimeout(() => this.setTyping(false), TYPING_FAILSAFE_MS);
  }

  /** A constructable stylesheet where supported (works under a strict style-src CSP), else a <style>. */
  private addStyles(): void {
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(STYLES);
      this.root.adoptedStyleSheets = [sheet];
      return;
    } catch {
      // Older browsers: fall back to a <style> element.
    }
    const style = document.createElement('style');
    style.textContent = STYLES;
    this.root.prepend(style);
  }

  private setUnread(count: number): void {
    this.unread = count;
    this.unreadBadge.textContent = String(count);
    this.unreadBadge.hidden = count === 0;
    this.unreadText.textContent = count ? `${count} unread message${count === 1 ? '' : 's'}` : '';
    if (count) this.launcher.setAttribute('aria-describedby', 'sd-unread-text');
    else this.launcher.removeAttribute('aria-describedby');
    this.host.setAttribute('data-unread', String(count));
  }

  private submit(): void {
    const text = this.input.value;
    if (!text.trim()) return;
    this.input.value = '';
    this.onInput();
    this.options.onSend(text);
    this.input.focus();
  }

  private quickReply(reply: QuickReply): void {
    this.options.onSend(reply.payload, reply.title);
    this.input.focus();
  }

  private onInput(): void {
    const length = this.input.value.length;
    this.counter.hidden = length < COUNTER_FROM;
    this.counter.textContent = `${length}/${CHAT_LIMITS.maxTextLength}`;
    this.counter.toggleAttribute('data-full', length >= CHAT_LIMITS.maxTextLength);
    // Grow with the text up to the CSS max-height.
    this.input.style.height = 'auto';
    this.input.style.height = `${this.input.scrollHeight}px`;
  }
}
