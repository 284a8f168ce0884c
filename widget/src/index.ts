/**
 * ShopDesk chat widget bootstrap: reads the <script data-shopdesk-*> options,
 * mounts the panel in a Shadow DOM, connects, and exposes window.ShopDesk.
 *
 *   <script src="https://host/widget.js" data-shopdesk-server="https://host"
 *           data-shopdesk-title="Chat with us" data-shopdesk-open="false"
 *           data-shopdesk-session-token="..." async></script>
 */
import { ChatConnection, type ConnectionEvents } from './connection';
import { Emitter, type Listener } from './emitter';
import { Panel } from './panel';

interface WidgetEvents extends ConnectionEvents {
  open: [];
  close: [];
  unread: [count: number];
}

export interface ShopDeskApi {
  open(): void;
  close(): void;
  /** Sends a message as the shopper (shown at once, retried until acknowledged). */
  send(text: string): void;
  /** Subscribes to a widget event; returns an unsubscribe function. */
  on<K extends keyof WidgetEvents>(event: K, fn: Listener<WidgetEvents[K]>): () => void;
  /** Snapshot for tests and integrators. */
  state(): ReturnType<ChatConnection['state']> & { open: boolean; unread: number };
}

declare global {
  interface Window {
    ShopDesk?: ShopDeskApi;
  }
}

interface WidgetConfig {
  server: string;
  title: string;
  open: boolean;
  sessionToken?: string;
}

function readConfig(script: HTMLScriptElement | null): WidgetConfig {
  const data = script?.dataset ?? {};
  let server = data.shopdeskServer?.trim();
  if (!server) {
    try {
      server = new URL(script?.src || '', location.href).origin;
    } catch {
      server = location.origin;
    }
    if (!server || server === 'null') server = location.origin;
  }
  return {
    server: server.replace(/\/+$/, ''),
    title: data.shopdeskTitle?.trim() || 'Chat with us',
    open: data.shopdeskOpen === 'true',
    sessionToken: data.shopdeskSessionToken || undefined,
  };
}

const CONNECTION_EVENTS: (keyof ConnectionEvents)[] = ['message', 'pending', 'settled', 'typing', 'status', 'ready', 'reset', 'error'];

function boot(config: WidgetConfig): ShopDeskApi {
  const connection = new ChatConnection({ server: config.server, sessionToken: config.sessionToken });
  const events = new Emitter<WidgetEvents>();
  let everConnected = false;

  const panel = new Panel({
    title: config.title,
    onSend: (text, display) => connection.send(text, display),
    onOpenChange: (open) => (open ? events.emit('open') : events.emit('close')),
  });
  const host = panel.host;

  connection.events.on('message', (message, info) => {
    panel.messages.add(message, info.display);
    if (message.role === 'bot' || message.role === 'agent') {
      panel.setTyping(false);
      if (info.source === 'live' || info.source === 'resync') {
        const before = panel.getUnread();
        panel.noteIncoming();
        if (panel.getUnread() !== before) events.emit('unread', panel.getUnread());
      }
    }
    host.setAttribute('data-last-id', String(connection.state().lastSeenId));
  });
  connection.events.on('pending', (pending) => panel.messages.upsertPending(pending));
  connection.events.on('settled', (clientId) => panel.messages.settle(clientId));
  connection.events.on('reset', () => panel.messages.reset());
  connection.events.on('typing', (typing) => panel.setTyping(typing));
  connection.events.on('status', (status) => {
    if (status === 'connected') everConnected = true;
    panel.setStatus(status, everConnected);
  });
  connection.events.on('ready', (conversationId) => {
    host.setAttribute('data-conversation-id', conversationId);
    host.setAttribute('data-ready', 'true');
  });
  for (const name of CONNECTION_EVENTS) {
    connection.events.on(name, (...args: unknown[]) => (events.emit as (event: string, ...rest: unknown[]) => void)(name, ...args));
  }

  panel.mount();
  connection.start();
  if (config.open) panel.open();

  return {
    open: () => panel.open(),
    close: () => panel.close(),
    send: (text) => {
      connection.send(String(text ?? ''));
    },
    on: (event, fn) => events.on(event, fn),
    state: () => ({ ...connection.state(), open: panel.isOpen(), unread: panel.getUnread() }),
  };
}

function start(): void {
  if (typeof window === 'undefined' || window.ShopDesk || document.getElementById('shopdesk-widget')) return;
  // currentScript is only set while this file first runs: read it before waiting for <body>.
  const script = document.currentScript instanceof HTMLScriptElement ? document.currentScript : document.querySelector<HTMLScriptElement>('script[data-shopdesk-server], script[src*="widget.js"]');
  const config = readConfig(script);
  const queued: { calls: [keyof ShopDeskApi, unknown[]][] } = { calls: [] };
  // Until <body> exists, queue calls made on window.ShopDesk.
  const stub = {
    open: () => queued.calls.push(['open', []]),
    close: () => queued.calls.push(['close', []]),
    send: (text: string) => queued.calls.push(['send', [text]]),
    on: (...args: unknown[]) => {
      queued.calls.push(['on', args]);
      return () => undefined;
    },
    state: () => undefined,
  } as unknown as ShopDeskApi;
  window.ShopDesk = stub;
  const mount = () => {
    const api = boot(config);
    window.ShopDesk = api;
    for (const [name, args] of queued.calls) (api[name] as (...a: unknown[]) => unknown)(...args);
  };
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount, { once: true });
}

start();
