/**
 * HTTP face of the support desk. `POST /api/tickets` is public (the store's
 * contact form or e-mail gateway) and rate limited per client; everything
 * under /api/support needs a signed-in agent, and the acting agent always
 * comes from the session, never from the request body.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { KeyedRateLimiter } from '../../util/rate-limit';
import { requireStaff, type StaffAuth } from '../staff';
import type { Actor, TicketService } from '../tickets/ticket-service';
import { TICKET_STATUSES, TicketError } from '../tickets/types';
import { loadCannedReplies, type CannedReply } from './canned-replies';

export interface TicketRoutesOptions {
  auth: () => StaffAuth | undefined;
  tickets: () => TicketService | undefined;
  /** Inbound tickets per client address per minute. */
  inboundPerMinute?: number;
  cannedReplies?: CannedReply[];
}

const inboundSchema = z.object({
  subject: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(20_000),
  email: z.string().trim().email().max(254),
});
const idParams = z.object({ id: z.coerce.number().int().positive() });
const listQuery = z.object({
  queue: z.string().max(60).optional(),
  status: z.enum(TICKET_STATUSES).optional(),
  mine: z.enum(['true', 'false']).optional(),
});
const textBody = z.object({ text: z.string().trim().min(1).max(4000) });
const resolveBody = z.object({ resolution: z.string().trim().min(1).max(500) });
const assignBody = z.object({ agentId: z.number().int().positive().nullable() });
const presenceBody = z.object({ online: z.boolean() });

const HTTP_STATUS: Record<TicketError['code'], number> = { not_found: 404, not_allowed: 403, conflict: 409, invalid: 400 };

function parseOr400<T>(schema: z.ZodType<T>, value: unknown, reply: FastifyReply): T | undefined {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  void reply.code(400).send({ error: `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}` });
  return undefined;
}

export function registerTicketRoutes(app: FastifyInstance, options: TicketRoutesOptions): void {
  const inboundLimiter = new KeyedRateLimiter(options.inboundPerMinute ?? 10);
  const canned = options.cannedReplies ?? loadCannedReplies();
  const agentOnly = { preHandler: requireStaff(options.auth, ['agent']) };

  const service = (reply: FastifyReply): TicketService | undefined => {
    const tickets = options.tickets();
    if (!tickets) void reply.code(503).send({ error: 'the support desk is starting' });
    return tickets;
  };
  const actorOf = (request: FastifyRequest): Actor => ({ agentId: request.staff!.agentId, name: request.staff!.name });
  /** Runs a desk action and maps its typed errors to HTTP statuses. */
  const act = async <T>(reply: FastifyReply, work: (tickets: TicketService) => Promise<T>) => {
    const tickets = service(reply);
    if (!tickets) return reply;
    try {
      return await work(tickets);
    } catch (error) {
      if (error instanceof TicketError) return reply.code(HTTP_STATUS[error.code]).send({ error: error.message });
      throw error;
    }
  };

  app.post('/api/tickets', async (request, reply) => {
    if (!inboundLimiter.tryTake(request.ip)) return reply.code(429).send({ error: 'too many requests: try again in a minute' });
    const input = parseOr400(inboundSchema, request.body, reply);
    if (!input) return reply;
    return act(reply, async (tickets) => {
      const ticket = await tickets.openInbound(input);
      // The sender learns the reference, not the internal routing.
      return reply.code(201).send({ ticketId: ticket.id, status: ticket.status });
    });
  });

  app.get('/api/support/queues', agentOnly, async (_request, reply) => act(reply, async (tickets) => ({ counts: await tickets.queueCounts() })));

  app.get('/api/support/tickets', agentOnly, async (request, reply) => {
    const query = parseOr400(listQuery, request.query, reply);
    if (!query) return reply;
    return act(reply, async (tickets) => ({
      tickets: await tickets.list({ ...(query.queue ? { queue: query.queue } : {}), ...(query.status ? { status: query.status } : {}), ...(query.mine === 'true' ? { assigneeId: request.staff!.agentId } : {}) }),
    }));
  });

  app.get('/api/support/tickets/:id', agentOnly, async (request, reply) => {
    const params = parseOr400(idParams, request.params, reply);
    if (!params) return reply;
    return act(reply, async (tickets) => ({ ticket: await tickets.detail(params.id) }));
  });

  const action = <T>(name: string, schema: z.ZodType<T> | null, run: (tickets: TicketService, id: number, actor: Actor, body: T) => Promise<unknown>) => {
    app.post(`/api/support/tickets/:id/${name}`, agentOnly, async (request, reply) => {
      const params = parseOr400(idParams, request.params, reply);
      if (!params) return reply;
      const body = schema ? parseOr400(schema, request.body, reply) : (undefined as T);
      if (schema && body === undefined) return reply;
      return act(reply, async (tickets) => ({ ok: true, result: await run(tickets, params.id, actorOf(request), body as T) }));
    });
  };
  action('takeover', null, (t, id, actor) => t.takeOver(id, actor));
  action('handback', null, (t, id, actor) => t.handBack(id, actor));
  action('reply', textBody, (t, id, actor, body) => t.reply(id, actor, body.text));
  action('notes', textBody, (t, id, actor, body) => t.addNote(id, actor, body.text));
  action('resolve', resolveBody, (t, id, actor, body) => t.resolve(id, actor, body.resolution));
  action('assign', assignBody, (t, id, actor, body) => t.assign(id, actor, body.agentId));

  app.post('/api/support/presence', agentOnly, async (request, reply) => {
    const body = parseOr400(presenceBody, request.body, reply);
    if (!body) return reply;
    return act(reply, async (tickets) => ({ ok: true, reassigned: await tickets.setPresence(request.staff!.agentId, body.online) }));
  });

  app.get('/api/support/canned-replies', agentOnly, async () => ({ replies: canned }));
}
