/**
 * The agent console: sign in, queues with live counts, ticket lists, and the
 * ticket page (summary, transcript, customer and orders, history) with take
 * over / reply / hand back / notes / resolve. Live updates come over the
 * /agents Socket.io namespace; every action goes through the HTTP API.
 */
import { io, type Socket } from 'socket.io-client';
import { h } from '../src/dom';
import { api, ApiError, type Staff, type TicketDetail, type TicketSummaryRow, type TranscriptMessage } from './api';

const QUEUES = ['orders', 'returns_refunds', 'shipping_delivery', 'payments_billing', 'account', 'feedback', 'sales', 'general'];
const app = document.getElementById('console')!;

interface State {
  staff: Staff | null;
  queue: string;
  ticketId: number | null;
  socket: Socket | null;
  canned: Array<{ title: string; text: string }>;
}
const state: State = { staff: null, queue: 'all', ticketId: null, socket: null, canned: [] };

const money = (cents: number, currency: string) => new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(cents / 100);
const time = (iso: string) => new Date(iso).toLocaleString();
const label = (text: string) => text.replace(/_/g, ' ');

function clear(node: Element): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

function showError(error: unknown): void {
  const banner = document.getElementById('console-error');
  if (banner) banner.textContent = error instanceof Error ? error.message : String(error);
}

async function start(): Promise<void> {
  try {
    const me = await api<{ staff: Staff }>('GET', '/api/staff/me');
    state.staff = me.staff;
    await renderDesk();
  } catch (error) {
    if (error instanceof ApiError && (error.status === 401 || error.status === 403)) renderLogin(error.status === 403 ? 'This account cannot use the agent console.' : '');
    else showError(error);
  }
}

function renderLogin(message: string): void {
  clear(app);
  const email = h('input', { attrs: { type: 'email', name: 'email', required: true, autocomplete: 'username', 'data-testid': 'login-email' } });
  const password = h('input', { attrs: { type: 'password', name: 'password', required: true, autocomplete: 'current-password', 'data-testid': 'login-password' } });
  const error = h('p', { class: 'error', text: message, attrs: { role: 'alert', 'data-testid': 'login-error' } });
  const form = h('form', { class: 'login', attrs: { 'data-testid': 'login-form' } }, [
    h('h1', { text: 'ShopDesk agent console' }),
    h('label', { text: 'Email' }, [email]),
    h('label', { text: 'Password' }, [password]),
    h('button', { text: 'Sign in', attrs: { type: 'submit', 'data-testid': 'login-submit' } }),
    error,
  ]);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    api<{ staff: Staff }>('POST', '/api/staff/login', { email: email.value, password: password.value }).then(
      (result) => {
        if (result.staff.role === 'merchandiser') {
          error.textContent = 'This account cannot use the agent console.';
          return;
        }
        state.staff = result.staff;
        void renderDesk();
      },
      (failure: Error) => (error.textContent = failure.message),
    );
  });
  app.appendChild(form);
}

async function renderDesk(): Promise<void> {
  clear(app);
  const staff = state.staff!;
  const logout = h('button', { text: 'Sign out', attrs: { 'data-testid': 'logout' } });
  logout.addEventListener('click', () => {
    state.socket?.disconnect();
    void api('POST', '/api/staff/logout').then(() => renderLogin(''));
  });
  app.appendChild(h('header', { class: 'bar' }, [h('strong', { text: 'ShopDesk' }), h('span', { text: `${staff.name} (${staff.role})`, attrs: { 'data-testid': 'me' } }), h('span', { attrs: { id: 'console-error', class: 'error', role: 'alert' } }), logout]));
  app.appendChild(h('main', { class: 'desk' }, [h('nav', { attrs: { id: 'queues', 'data-testid': 'queues' } }), h('section', { attrs: { id: 'tickets', 'data-testid': 'ticket-list' } }), h('section', { attrs: { id: 'ticket', 'data-testid': 'ticket-detail' } })]));
  state.canned = (await api<{ replies: Array<{ title: string; text: string }> }>('GET', '/api/support/canned-replies')).replies;
  connectSocket();
  await Promise.all([renderQueues(), renderTickets()]);
}

function connectSocket(): void {
  state.socket?.disconnect();
  const socket = io('/agents', { transports: ['websocket', 'polling'] });
  socket.on('connect_error', (error: Error) => showError(`Live updates unavailable: ${error.message}`));
  socket.on('connect', () => {
    showError('');
    if (state.ticketId) socket.emit('ticket:watch', { ticketId: state.ticketId }, () => undefined);
    // Changes made while disconnected were not pushed: reload what is on screen.
    if (!socket.recovered) {
      void renderQueues();
      void renderTickets();
      if (state.ticketId) void renderTicket(state.ticketId);
    }
  });
  socket.on('ticket:changed', (change: { ticketId: number }) => {
    void renderQueues();
    void renderTickets();
    if (change.ticketId === state.ticketId) void renderTicket(change.ticketId);
  });
  socket.on('conversation:message', (payload: { conversationId: string; message: TranscriptMessage }) => {
    const log = document.querySelector<HTMLElement>(`[data-conversation="${CSS.escape(payload.conversationId)}"]`);
    if (log && !log.querySelector(`[data-message-id="${payload.message.id}"]`)) {
      log.appendChild(messageRow(payload.message));
      log.scrollTop = log.scrollHeight;
    }
  });
  state.socket = socket;
}

async function renderQueues(): Promise<void> {
  const nav = document.getElementById('queues');
  if (!nav) return;
  const { counts } = await api<{ counts: Record<string, number> }>('GET', '/api/support/queues');
  clear(nav);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  for (const queue of ['all', 'mine', ...QUEUES]) {
    const count = queue === 'all' ? total : queue === 'mine' ? undefined : counts[queue] ?? 0;
    const button = h('button', { class: queue === state.queue ? 'active' : '', attrs: { 'data-queue': queue, 'data-testid': `queue-${queue}` } }, [
      h('span', { text: label(queue) }),
      count === undefined ? null : h('span', { class: 'count', text: String(count), attrs: { 'data-testid': `queue-count-${queue}` } }),
    ]);
    button.addEventListener('click', () => {
      state.queue = queue;
      void renderQueues();
      void renderTickets();
    });
    nav.appendChild(button);
  }
}

async function renderTickets(): Promise<void> {
  const list = document.getElementById('tickets');
  if (!list) return;
  const query = state.queue === 'all' ? '' : state.queue === 'mine' ? '?mine=true' : `?queue=${encodeURIComponent(state.queue)}`;
  const { tickets } = await api<{ tickets: TicketSummaryRow[] }>('GET', `/api/support/tickets${query}`);
  clear(list);
  if (tickets.length === 0) list.appendChild(h('p', { class: 'empty', text: 'No open tickets here.' }));
  for (const ticket of tickets) {
    const overdue = ticket.slaDueAt !== null && new Date(ticket.slaDueAt).getTime() < Date.now();
    const row = h('button', { class: `ticket-row${ticket.id === state.ticketId ? ' active' : ''}`, attrs: { 'data-ticket-id': ticket.id, 'data-testid': 'ticket-row' } }, [
      h('span', { class: `priority priority-${ticket.priority}`, text: ticket.priority }),
      h('span', { class: 'subject', text: `#${ticket.id} ${ticket.subject}` }),
      h('span', { class: 'meta', text: `${label(ticket.queue)} · ${ticket.status}${overdue ? ' · SLA overdue' : ''}` }),
    ]);
    row.addEventListener('click', () => void renderTicket(ticket.id));
    list.appendChild(row);
  }
}

function messageRow(message: TranscriptMessage): HTMLElement {
  return h('div', { class: `msg msg-${message.role}`, attrs: { 'data-message-id': message.id, 'data-role': message.role } }, [
    h('span', { class: 'who', text: message.role }),
    h('span', { class: 'text', text: message.text }),
    h('time', { text: time(message.createdAt) }),
  ]);
}

function actionButton(text: string, testId: string, run: () => Promise<unknown>): HTMLButtonElement {
  const button = h('button', { text, attrs: { 'data-testid': testId } });
  button.addEventListener('click', () => {
    button.disabled = true;
    run().then(
      () => (button.disabled = false),
      (error: Error) => {
        button.disabled = false;
        showError(error);
      },
    );
  });
  return button;
}

async function renderTicket(ticketId: number): Promise<void> {
  const panel = document.getElementById('ticket');
  if (!panel) return;
  if (state.ticketId !== ticketId) {
    if (state.ticketId) state.socket?.emit('ticket:unwatch', { ticketId: state.ticketId });
    state.socket?.emit('ticket:watch', { ticketId }, () => undefined);
    state.ticketId = ticketId;
  }
  const { ticket } = await api<{ ticket: TicketDetail }>('GET', `/api/support/tickets/${ticketId}`);
  clear(panel);
  const post = (path: string, body?: unknown) => api('POST', `/api/support/tickets/${ticket.id}/${path}`, body);
  const mine = ticket.assignee?.id === state.staff?.agentId;
  const live = ticket.conversation?.mode === 'agent' && mine;
  const resolved = ticket.status === 'resolved';

  panel.appendChild(h('h2', { text: `#${ticket.id} ${ticket.subject}`, attrs: { 'data-testid': 'ticket-title' } }));
  panel.appendChild(h('p', { class: 'meta', attrs: { 'data-testid': 'ticket-meta' } }, [
    h('span', { class: `priority priority-${ticket.priority}`, text: ticket.priority }),
    h('span', { text: ` ${label(ticket.queue)} · ${ticket.status} · via ${ticket.source}${ticket.assignee ? ` · ${ticket.assignee.name}` : ' · unassigned'}`, attrs: { 'data-testid': 'ticket-queue' } }),
  ]));
  panel.appendChild(h('section', { class: 'summary' }, [h('h3', { text: 'Summary' }), h('p', { text: ticket.summary, attrs: { 'data-testid': 'ticket-summary' } })]));

  const actions = h('div', { class: 'actions' });
  if (!resolved && ticket.conversation && !live) actions.appendChild(actionButton('Take over', 'takeover', () => post('takeover')));
  if (!resolved && live) actions.appendChild(actionButton('Hand back to bot', 'handback', () => post('handback')));
  if (!resolved) {
    const reason = h('input', { attrs: { placeholder: 'Resolution', 'data-testid': 'resolution', maxlength: 500 } });
    actions.appendChild(reason);
    actions.appendChild(actionButton('Resolve', 'resolve', () => post('resolve', { resolution: reason.value.trim() || 'resolved' })));
  }
  panel.appendChild(actions);

  const customer = ticket.customer;
  panel.appendChild(h('section', { class: 'customer', attrs: { 'data-testid': 'customer-panel' } }, [
    h('h3', { text: 'Customer' }),
    h('p', { text: customer ? `${customer.name} <${customer.email}>${customer.city ? `, ${customer.city}` : ''}` : 'Unknown (not signed in, not verified)' }),
    h('p', { text: ticket.conversation ? (ticket.conversation.verified ? 'Identity verified in chat' : 'Identity not verified') : 'By e-mail / contact form' }),
    h('ul', {}, ticket.orders.map((o) => h('li', { text: `${o.number}: ${label(o.status)}, ${money(o.totalCents, o.currency)}, ${new Date(o.placedAt).toLocaleDateString()}` }))),
  ]));

  const log = h('div', { class: 'transcript', attrs: { 'data-testid': 'transcript', 'data-conversation': ticket.conversationId ?? '' } }, ticket.transcript.map(messageRow));
  panel.appendChild(h('section', {}, [h('h3', { text: 'Conversation' }), log]));
  if (live) {
    const input = h('textarea', { attrs: { rows: 2, maxlength: 4000, placeholder: 'Reply to the customer', 'data-testid': 'reply-text' } });
    const canned = h('select', { attrs: { 'data-testid': 'canned' } }, [h('option', { text: 'Canned replies…', attrs: { value: '' } }), ...state.canned.map((c, i) => h('option', { text: c.title, attrs: { value: i } }))]);
    canned.addEventListener('change', () => {
      const choice = state.canned[Number(canned.value)];
      if (choice) input.value = choice.text;
      canned.value = '';
    });
    const send = actionButton('Send', 'reply-send', async () => {
      const text = input.value.trim();
      if (!text) return;
      await post('reply', { text });
      input.value = '';
    });
    panel.appendChild(h('div', { class: 'composer' }, [canned, input, send]));
  }
  log.scrollTop = log.scrollHeight;

  const note = h('input', { attrs: { placeholder: 'Internal note (customer never sees it)', maxlength: 4000, 'data-testid': 'note-text' } });
  panel.appendChild(h('section', { class: 'history' }, [
    h('h3', { text: 'History and notes' }),
    h('ul', { attrs: { 'data-testid': 'events' } }, ticket.events.map((e) => h('li', { class: `event-${e.kind}`, text: `${time(e.createdAt)} · ${e.kind}${e.agent ? ` · ${e.agent.name}` : ''}: ${e.text}` }))),
    h('div', { class: 'composer' }, [note, actionButton('Add note', 'note-add', async () => {
      if (note.value.trim()) await post('notes', { text: note.value.trim() });
    })]),
  ]));
}

void start();
