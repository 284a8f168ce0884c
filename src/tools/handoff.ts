/**
 * handoff: opens a support ticket so a human agent takes over. With the
 * support desk (the server) the ticket is routed, summarised and assigned
 * there; without one (the engine alone, e.g. `shopdesk test stories`) it is
 * stored in the 'general' queue for a person to triage.
 */
import { z } from 'zod';
import type { Tool, ToolContext, ToolOutcome } from './types';

const SUBJECT_MAX = 120;

const input = z.object({
  reason: z.string().trim().min(1).max(500),
  summary: z.string().trim().min(1).max(4000).optional(),
  source: z.enum(['handoff', 'bot_failed', 'complaint']).default('handoff'),
});

async function run(args: z.infer<typeof input>, context: ToolContext): Promise<ToolOutcome> {
  if (context.desk) {
    const opened = await context.desk.openTicket(context.conversationId, { reason: args.reason, source: args.source, ...(context.message ? { current: context.message } : {}) });
    context.audit('handoff', { ticketId: opened.ticketId, queue: opened.queue, source: args.source, created: opened.created });
    return { status: 'ok', data: { ticketId: opened.ticketId, queue: opened.queue, status: opened.status } };
  }
  // The ticket links to the conversation only when the engine has stored it (foreign key);
  // otherwise its id is kept in the tags so an agent can still find the transcript.
  const conversation = await context.db.conversation.findUnique({ where: { id: context.conversationId }, select: { id: true } });
  const subject = args.reason.length > SUBJECT_MAX ? `${args.reason.slice(0, SUBJECT_MAX - 1)}…` : args.reason;
  const ticket = await context.db.ticket.create({
    data: {
      subject,
      queue: 'general',
      priority: 'normal',
      status: 'open',
      summary: args.summary ?? args.reason,
      conversationId: conversation ? conversation.id : null,
      customerId: context.verification.customerId,
      tags: conversation ? 'chat' : `chat,conversation:${context.conversationId}`,
      createdAt: context.now(),
    },
    select: { id: true, queue: true, status: true },
  });
  context.audit('handoff', { ticketId: ticket.id, conversationId: context.conversationId });
  return { status: 'ok', data: { ticketId: ticket.id, queue: ticket.queue, status: ticket.status } };
}

/** The handoff tool. */
export const handoffTool: Tool<typeof input> = {
  name: 'handoff',
  description: 'Hand the conversation to a human agent by opening a support ticket.',
  input,
  requiresVerifiedCustomer: false,
  run,
};
