/**
 * The support desk's tickets: opened from a conversation (handoff, the bot
 * failing twice, a strongly negative complaint) or from the inbound API,
 * routed and summarised on creation, assigned by skills and load, and worked
 * by agents (take over, reply, hand back, notes, resolve). Every change is
 * published on SupportEvents so consoles and shopper channels update live.
 */
import type { ConversationStore, Db } from '../../store';
import type { SupportEvents } from '../events';
import { agentLoads, chooseAgent } from './assignment';
import { collectSignals, inboundSignals } from './signals';
import {
  TICKET_PRIORITIES,
  TicketError,
  type CurrentTurn,
  type SentimentScorer,
  type RoutingDecision,
  type TicketPriority,
  type TicketRouter,
  type TicketRow,
  type TicketSource,
  type TicketSummarizer,
} from './types';

export interface TicketServiceDeps {
  db: Db;
  conversations: ConversationStore;
  router: TicketRouter;
  summarizer: TicketSummarizer;
  events: SupportEvents;
  nlu: { parseAsync(text: string): Promise<{ intent: { name: string; confidence: number }; entities: Array<{ entity: string; value: unknown }> }> };
  sentiment?: SentimentScorer;
  now?: () => Date;
}

/** The agent acting; handlers get it from the signed-in session, never from the request body. */
export interface Actor {
  agentId: number;
  name: string;
}

const SUBJECT_MAX = 120;
const OPEN_STATUSES = ['open', 'assigned', 'pending'];

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export class TicketService {
  private readonly now: () => Date;

  constructor(private readonly deps: TicketServiceDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /**
   * Opens (or returns the already open) ticket of a conversation. Idempotent per conversation:
   * asking twice for a person does not queue the shopper twice.
   */
  async openFromConversation(conversationId: string, options: { reason: string; source: TicketSource; current?: CurrentTurn }): Promise<{ ticket: TicketRow; created: boolean }> {
    const { db } = this.deps;
    const existing = await db.ticket.findFirst({ where: { conversationId, status: { in: OPEN_STATUSES } }, orderBy: { id: 'desc' } });
    if (existing) {
      await this.event(existing.id, null, 'note', `Customer asked again: ${clip(options.reason, 300)}`);
      return { ticket: existing, created: false };
    }
    const conversation = await db.conversation.findUnique({ where: { id: conversationId }, select: { id: true, customerId: true } });
    const signals = await collectSignals(db, conversationId, { current: options.current, sentiment: this.deps.sentiment });
    const decision = this.deps.router.route(signals);
    const summary = await this.deps.summarizer.forConversation(conversationId, options.current);
    const ticket = await this.create({
      subject: clip(options.reason, SUBJECT_MAX),
      summary,
      decision,
      source: options.source,
      // The ticket links to the conversation only when it is stored (foreign key); tests and tools may run without.
      conversationId: conversation ? conversationId : null,
      customerId: conversation?.customerId ?? null,
      extraTags: ['chat', ...(conversation ? [] : [`conversation:${conversationId}`])],
    });
    return { ticket, created: true };
  }

  /** A ticket from the store's contact form or e-mail gateway. */
  async openInbound(input: { subject: string; body: string; email: string }): Promise<TicketRow> {
    const { db } = this.deps;
    const email = input.email.trim().toLowerCase();
    const customer = await db.customer.findUnique({ where: { email }, select: { id: true } });
    const text = `${input.subject}. ${input.body}`;
    const parse = await this.deps.nlu.parseAsync(text.slice(0, 1000));
    const signals = await inboundSignals(db, { text, parse, customerId: customer?.id ?? null, sentiment: this.deps.sentiment });
    const decision = this.deps.router.route(signals);
    const summary = await this.deps.summarizer.forInbound({ subject: input.subject, body: input.body, email });
    const ticket = await this.create({
      subject: clip(input.subject, SUBJECT_MAX),
      summary,
      decision,
      source: 'inbound',
      conversationId: null,
      customerId: customer?.id ?? null,
      extraTags: ['email', `from:${email}`],
    });
    await this.event(ticket.id, null, 'message', clip(input.body, 20_000));
    return ticket;
  }

  private async create(input: {
    subject: string;
    summary: string;
    decision: RoutingDecision;
    source: TicketSource;
    conversationId: string | null;
    customerId: number | null;
    extraTags: string[];
  }): Promise<TicketRow> {
    const { db } = this.deps;
    const now = this.now();
    const assigneeId = chooseAgent(input.decision.queue, await agentLoads(db));
    const tags = [...new Set([...input.extraTags, ...input.decision.tags])].join(',');
    const ticket = await db.ticket.create({
      data: {
        subject: input.subject,
        queue: input.decision.queue,
        priority: input.decision.priority,
        routedPriority: input.decision.priority,
        status: assigneeId ? 'assigned' : 'open',
        summary: input.summary,
        tags,
        source: input.source,
        conversationId: input.conversationId,
        customerId: input.customerId,
        assigneeId,
        createdAt: now,
        slaDueAt: new Date(now.getTime() + input.decision.slaMinutes * 60_000),
      },
    });
    await this.event(ticket.id, null, 'created', `Routed to ${ticket.queue} (${ticket.priority}) by rule "${input.decision.rule}": ${input.decision.reasons.join('; ') || 'default'}`);
    if (assigneeId) await this.event(ticket.id, assigneeId, 'assigned', 'Assigned automatically (skills and load)');
    this.publish(ticket, 'created');
    return ticket;
  }

  async list(filter: { queue?: string; status?: string; assigneeId?: number } = {}): Promise<TicketRow[]> {
    return this.deps.db.ticket.findMany({
      where: {
        ...(filter.queue ? { queue: filter.queue } : {}),
        ...(filter.status ? { status: filter.status } : { status: { in: OPEN_STATUSES } }),
        ...(filter.assigneeId ? { assigneeId: filter.assigneeId } : {}),
      },
      orderBy: [{ slaDueAt: 'asc' }, { id: 'asc' }],
      take: 200,
    });
  }

  /** Open tickets per queue, for the queue view. */
  async queueCounts(): Promise<Record<string, number>> {
    const rows = await this.deps.db.ticket.groupBy({ by: ['queue'], where: { status: { in: OPEN_STATUSES } }, _count: { _all: true } });
    return Object.fromEntries(rows.map((r) => [r.queue, r._count._all]));
  }

  /** Everything the ticket page shows: the ticket, its history, the transcript, the customer and their orders. */
  async detail(ticketId: number) {
    const { db } = this.deps;
    const ticket = await db.ticket.findUnique({
      where: { id: ticketId },
      include: {
        events: { orderBy: { id: 'asc' }, include: { agent: { select: { name: true } } } },
        assignee: { select: { id: true, name: true } },
        customer: { select: { id: true, name: true, email: true, phone: true, city: true, country: true, createdAt: true } },
        conversation: { select: { id: true, mode: true, channel: true, state: true } },
      },
    });
    if (!ticket) throw new TicketError('not_found', `No ticket ${ticketId}`);
    const transcript = ticket.conversationId ? await this.deps.conversations.messagesAfter(ticket.conversationId, 0, 500) : [];
    const orders = ticket.customerId
      ? await db.order.findMany({ where: { customerId: ticket.customerId }, orderBy: { placedAt: 'desc' }, take: 10, select: { number: true, status: true, totalCents: true, currency: true, placedAt: true } })
      : [];
    const verified = Boolean((ticket.conversation?.state as { verification?: { customerId?: number | null } } | null)?.verification?.customerId);
    const { state: _state, ...conversation } = ticket.conversation ?? { state: null };
    return { ...ticket, conversation: ticket.conversation ? { ...conversation, verified } : null, transcript, orders };
  }

  /** The agent joins the live conversation: the bot stops answering until handed back. */
  async takeOver(ticketId: number, actor: Actor): Promise<TicketRow> {
    const ticket = await this.openTicket(ticketId);
    if (!ticket.conversationId) throw new TicketError('invalid', 'This ticket has no live conversation (reply by e-mail)');
    const conversation = await this.deps.db.conversation.findUnique({ where: { id: ticket.conversationId }, select: { mode: true } });
    if (conversation?.mode === 'agent' && ticket.assigneeId !== actor.agentId) throw new TicketError('conflict', 'Another agent is already in this conversation');
    await this.deps.conversations.setMode(ticket.conversationId, 'agent');
    const updated = await this.update(ticket, { assigneeId: actor.agentId, status: 'assigned', firstResponseAt: ticket.firstResponseAt ?? this.now() }, actor, 'takeover', `${actor.name} took over the conversation`);
    await this.toShopper(ticket.conversationId, 'system', `${actor.name} from our support team has joined the chat.`);
    return updated;
  }

  /** The bot answers again. */
  async handBack(ticketId: number, actor: Actor): Promise<TicketRow> {
    const ticket = await this.openTicket(ticketId);
    if (!ticket.conversationId) throw new TicketError('invalid', 'This ticket has no live conversation');
    await this.requireInConversation(ticket, actor);
    await this.deps.conversations.setMode(ticket.conversationId, 'bot');
    const updated = await this.update(ticket, { status: 'pending' }, actor, 'handback', `${actor.name} handed the conversation back to the assistant`);
    await this.toShopper(ticket.conversationId, 'system', "You're back with our virtual assistant. Ask me anything.");
    return updated;
  }

  /** An agent's message to the shopper (only while they hold the conversation). */
  async reply(ticketId: number, actor: Actor, text: string): Promise<{ messageId: number }> {
    const ticket = await this.openTicket(ticketId);
    if (!ticket.conversationId) throw new TicketError('invalid', 'This ticket has no live conversation');
    await this.requireInConversation(ticket, actor);
    const message = await this.toShopper(ticket.conversationId, 'agent', text, { agentName: actor.name });
    return { messageId: message.id };
  }

  async addNote(ticketId: number, actor: Actor, text: string): Promise<void> {
    const ticket = await this.findTicket(ticketId);
    await this.event(ticket.id, actor.agentId, 'note', text);
    this.publish(ticket, 'note');
  }

  async resolve(ticketId: number, actor: Actor, resolution: string): Promise<TicketRow> {
    const ticket = await this.openTicket(ticketId);
    if (ticket.conversationId) {
      const conversation = await this.deps.db.conversation.findUnique({ where: { id: ticket.conversationId }, select: { mode: true } });
      if (conversation?.mode === 'agent') {
        await this.deps.conversations.setMode(ticket.conversationId, 'bot');
        await this.toShopper(ticket.conversationId, 'system', `${actor.name} has closed this request. The assistant is here if you need anything else.`);
      }
    }
    return this.update(ticket, { status: 'resolved', resolution, resolvedAt: this.now(), assigneeId: ticket.assigneeId ?? actor.agentId }, actor, 'status', `Resolved: ${resolution}`);
  }

  /** Moves a ticket to an agent (or back to the queue with null). */
  async assign(ticketId: number, actor: Actor, agentId: number | null): Promise<TicketRow> {
    const ticket = await this.openTicket(ticketId);
    if (agentId !== null && !(await this.deps.db.agent.findUnique({ where: { id: agentId }, select: { id: true } }))) throw new TicketError('invalid', `No agent ${agentId}`);
    return this.update(ticket, { assigneeId: agentId, status: agentId ? 'assigned' : 'open' }, actor, 'assigned', agentId ? `Assigned to agent ${agentId} by ${actor.name}` : `Returned to the queue by ${actor.name}`);
  }

  /** Marks an agent online/offline; going offline hands their open tickets to colleagues (or the queue). */
  async setPresence(agentId: number, online: boolean): Promise<number> {
    const { db } = this.deps;
    await db.agent.update({ where: { id: agentId }, data: { online } });
    if (online) return 0;
    const held = await db.ticket.findMany({ where: { assigneeId: agentId, status: { in: OPEN_STATUSES } } });
    for (const ticket of held) {
      const next = chooseAgent(ticket.queue, await agentLoads(db, agentId));
      // A conversation the agent held goes back to the bot rather than hanging silent.
      if (ticket.conversationId) {
        const conversation = await db.conversation.findUnique({ where: { id: ticket.conversationId }, select: { mode: true } });
        if (conversation?.mode === 'agent') {
          await this.deps.conversations.setMode(ticket.conversationId, 'bot');
          await this.toShopper(ticket.conversationId, 'system', 'Our agent had to step away. The assistant is back, and your request stays with our team.');
        }
      }
      await this.update(ticket, { assigneeId: next, status: next ? 'assigned' : 'open' }, null, 'assigned', next ? `Reassigned to agent ${next}: previous agent went offline` : 'Back in the queue: the agent went offline');
    }
    return held.length;
  }

  /**
   * SLA housekeeping, run periodically: raises the priority of tickets waiting past their SLA
   * and assigns queued tickets to agents who came online.
   */
  async sweep(): Promise<{ escalated: number; assigned: number }> {
    const { db } = this.deps;
    const now = this.now();
    let escalated = 0;
    let assigned = 0;
    const open = await db.ticket.findMany({ where: { status: { in: OPEN_STATUSES } }, take: 1000, orderBy: { id: 'asc' } });
    for (const ticket of open) {
      const ageMinutes = (now.getTime() - ticket.createdAt.getTime()) / 60_000;
      const slaMinutes = ticket.slaDueAt ? (ticket.slaDueAt.getTime() - ticket.createdAt.getTime()) / 60_000 : 24 * 60;
      const priority = this.deps.router.escalate(ticket.routedPriority as TicketPriority, ageMinutes, slaMinutes);
      // Only ever upwards: an agent who raised a ticket by hand is not overruled. Conditional updates:
      // with several servers sweeping, only one of them raises or assigns a given ticket.
      if (TICKET_PRIORITIES.indexOf(priority) > TICKET_PRIORITIES.indexOf(ticket.priority as TicketPriority)) {
        const text = `Priority raised to ${priority}: waiting ${Math.round(ageMinutes)} min (SLA ${Math.round(slaMinutes)} min)`;
        if (await this.updateIf(ticket, { priority: ticket.priority }, { priority }, 'status', text)) escalated += 1;
      }
      if (ticket.assigneeId === null) {
        const next = chooseAgent(ticket.queue, await agentLoads(db));
        if (next && (await this.updateIf(ticket, { assigneeId: null }, { assigneeId: next, status: 'assigned' }, 'assigned', 'Assigned automatically (skills and load)'))) assigned += 1;
      }
    }
    return { escalated, assigned };
  }

  /** Tickets whose conversation the shopper is writing in: agents watching it get the message live. */
  async ticketIdsForConversation(conversationId: string): Promise<number[]> {
    const rows = await this.deps.db.ticket.findMany({ where: { conversationId, status: { in: OPEN_STATUSES } }, select: { id: true } });
    return rows.map((r) => r.id);
  }

  private async findTicket(ticketId: number) {
    const ticket = await this.deps.db.ticket.findUnique({ where: { id: ticketId } });
    if (!ticket) throw new TicketError('not_found', `No ticket ${ticketId}`);
    return ticket;
  }

  private async openTicket(ticketId: number) {
    const ticket = await this.findTicket(ticketId);
    if (ticket.status === 'resolved') throw new TicketError('conflict', `Ticket ${ticketId} is already resolved`);
    return ticket;
  }

  private async requireInConversation(ticket: TicketRow, actor: Actor): Promise<void> {
    const conversation = await this.deps.db.conversation.findUnique({ where: { id: ticket.conversationId! }, select: { mode: true } });
    if (conversation?.mode !== 'agent' || ticket.assigneeId !== actor.agentId) throw new TicketError('not_allowed', 'Take over the conversation first');
  }

  private async update(ticket: TicketRow, data: Record<string, unknown>, actor: Actor | null, kind: string, text: string): Promise<TicketRow> {
    const updated = await this.deps.db.ticket.update({ where: { id: ticket.id }, data });
    await this.event(ticket.id, actor?.agentId ?? null, kind, text);
    this.publish(updated, kind);
    return updated;
  }

  /** Updates only while `expected` still holds; false when another server got there first. */
  private async updateIf(ticket: TicketRow, expected: Record<string, unknown>, data: Record<string, unknown>, kind: string, text: string): Promise<boolean> {
    const { count } = await this.deps.db.ticket.updateMany({ where: { id: ticket.id, ...expected }, data });
    if (count === 0) return false;
    await this.event(ticket.id, null, kind, text);
    this.publish({ ...ticket, ...data } as TicketRow, kind);
    return true;
  }

  private async event(ticketId: number, agentId: number | null, kind: string, text: string): Promise<void> {
    await this.deps.db.ticketEvent.create({ data: { ticketId, agentId, kind, text, createdAt: this.now() } });
  }

  private publish(ticket: { id: number; queue: string; status: string }, change: string): void {
    this.deps.events.emit('ticket', { ticketId: ticket.id, queue: ticket.queue, status: ticket.status, change });
  }

  private async toShopper(conversationId: string, role: 'agent' | 'system', text: string, payload: Record<string, unknown> = {}) {
    const { message } = await this.deps.conversations.append(conversationId, { role, text, payload: { parts: [], ...payload } });
    this.deps.events.emit('message', { conversationId, message, origin: 'desk' });
    return message;
  }
}
