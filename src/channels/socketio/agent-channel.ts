/**
 * The agent console's live channel (namespace /agents). Only signed-in staff
 * connect: the handshake's session cookie is checked before the connection
 * exists, so a shopper's socket never reaches an agent event. Agents get
 * ticket changes and the messages of the conversations they watch; actions go
 * through the HTTP API (one place for authorization and validation).
 */
import { fastifyCookie } from '@fastify/cookie';
import type { Namespace, Server, Socket } from 'socket.io';
import { z } from 'zod';
import { STAFF_COOKIE, type StaffAuth, type StaffPrincipal, type SupportEvents, type TicketService } from '../../support';
import type { Logger } from '../../util/logger';
import { toChatMessage } from './chat-channel';
import type { ChatMessage } from './protocol';

export const AGENT_NAMESPACE = '/agents';
/** A reload or a flaky network should not hand an agent's tickets to colleagues: wait this long first. */
const OFFLINE_GRACE_MS = 20_000;

export interface AgentServerToClient {
  'ticket:changed': (change: { ticketId: number; queue: string; status: string; change: string }) => void;
  'conversation:message': (payload: { conversationId: string; message: ChatMessage }) => void;
}
export interface AgentClientToServer {
  'ticket:watch': (payload: { ticketId: number }, ack: (response: { ok: boolean; error?: string }) => void) => void;
  'ticket:unwatch': (payload: { ticketId: number }) => void;
}

interface AgentSocketData {
  staff: StaffPrincipal;
}

type AgentSocket = Socket<AgentClientToServer, AgentServerToClient, Record<string, never>, AgentSocketData>;

export interface AgentChannelDeps {
  io: Server;
  auth: () => StaffAuth | undefined;
  tickets: () => TicketService | undefined;
  events: SupportEvents;
  logger: Logger;
}

const watchSchema = z.object({ ticketId: z.number().int().positive() });
const conversationRoom = (id: string) => `conversation:${id}`;

export function attachAgentChannel(deps: AgentChannelDeps): void {
  const log = deps.logger.child({ module: 'agent-channel' });
  const namespace = deps.io.of(AGENT_NAMESPACE) as unknown as Namespace<AgentClientToServer, AgentServerToClient, Record<string, never>, AgentSocketData>;
  const offlineTimers = new Map<number, NodeJS.Timeout>();

  namespace.use((socket, next) => {
    const auth = deps.auth();
    if (!auth) return next(new Error('starting'));
    const token = fastifyCookie.parse(socket.handshake.headers.cookie ?? '')[STAFF_COOKIE];
    auth.authenticate(token).then(
      (staff) => {
        if (!staff || (staff.role !== 'agent' && staff.role !== 'admin')) return next(new Error('unauthorized'));
        socket.data.staff = staff;
        next();
      },
      (error: Error) => next(error),
    );
  });

  deps.events.on('ticket', (change) => namespace.to('agents').emit('ticket:changed', change));
  deps.events.on('message', ({ conversationId, message }) => {
    namespace.to(conversationRoom(conversationId)).emit('conversation:message', { conversationId, message: toChatMessage(message) });
  });

  const setPresence = (agentId: number, online: boolean) => {
    const tickets = deps.tickets();
    if (!tickets) return;
    tickets.setPresence(agentId, online).catch((error: Error) => log.error({ err: error, agentId }, 'presence update failed'));
  };

  namespace.on('connection', (socket: AgentSocket) => {
    const { agentId } = socket.data.staff;
    clearTimeout(offlineTimers.get(agentId));
    offlineTimers.delete(agentId);
    void socket.join('agents');
    setPresence(agentId, true);

    socket.on('ticket:watch', async (raw, ack) => {
      const reply = typeof ack === 'function' ? ack : () => undefined;
      const parsed = watchSchema.safeParse(raw);
      const tickets = deps.tickets();
      if (!parsed.success || !tickets) return reply({ ok: false, error: 'invalid' });
      try {
        const ticket = await tickets.detail(parsed.data.ticketId);
        if (ticket.conversationId) await socket.join(conversationRoom(ticket.conversationId));
        reply({ ok: true });
      } catch {
        reply({ ok: false, error: 'not_found' });
      }
    });
    socket.on('ticket:unwatch', async (raw) => {
      const parsed = watchSchema.safeParse(raw);
      const tickets = deps.tickets();
      if (!parsed.success || !tickets) return;
      const ticket = await tickets.detail(parsed.data.ticketId).catch(() => null);
      if (ticket?.conversationId) await socket.leave(conversationRoom(ticket.conversationId));
    });

    socket.on('disconnect', () => {
      clearTimeout(offlineTimers.get(agentId));
      // Checked when the grace period ends, across every server (with the Redis adapter): a reload or a
      // reconnection to another server in the meantime keeps the agent online.
      offlineTimers.set(agentId, setTimeout(() => {
        offlineTimers.delete(agentId);
        namespace.fetchSockets().then(
          (sockets) => {
            if (!sockets.some((s) => s.data.staff?.agentId === agentId)) setPresence(agentId, false);
          },
          (error: Error) => log.warn({ err: error, agentId }, 'could not check other servers for the agent: presence left unchanged'),
        );
      }, OFFLINE_GRACE_MS).unref());
    });
  });
}
