/**
 * Conversations and their messages. Messages are idempotent per client id: a
 * retried send returns the stored message instead of storing it twice.
 */
import type { Prisma } from '.prisma/shopdesk-sqlite';
import type { Db } from './client';

export interface StoredMessage {
  id: number;
  clientId: string | null;
  role: string;
  text: string;
  payload: unknown;
  createdAt: Date;
}

export interface NewMessage {
  clientId?: string;
  role: 'user' | 'bot' | 'agent' | 'system';
  text: string;
  payload?: unknown;
  nlu?: unknown;
}

const messageSelect = { id: true, clientId: true, role: true, text: true, payload: true, createdAt: true } as const;

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === 'P2002';
}

export class ConversationStore {
  constructor(private readonly db: Db) {}

  async exists(id: string): Promise<boolean> {
    return (await this.db.conversation.count({ where: { id } })) > 0;
  }

  async create(id: string, channel: string, customerId: number | null = null): Promise<void> {
    await this.db.conversation.create({ data: { id, channel, state: {}, customerId } });
  }

  async load(id: string): Promise<{ state: unknown; mode: string } | null> {
    return this.db.conversation.findUnique({ where: { id }, select: { state: true, mode: true } });
  }

  async save(id: string, state: unknown, customerId: number | null): Promise<void> {
    await this.db.conversation.update({ where: { id }, data: { state: state as Prisma.InputJsonValue, customerId } });
  }

  async setMode(id: string, mode: 'bot' | 'agent' | 'closed'): Promise<void> {
    await this.db.conversation.update({ where: { id }, data: { mode } });
  }

  /** Stores a message once per (conversation, clientId); returns it and whether it was new. */
  async append(conversationId: string, message: NewMessage): Promise<{ message: StoredMessage; created: boolean }> {
    if (message.clientId) {
      const existing = await this.db.message.findUnique({ where: { conversationId_clientId: { conversationId, clientId: message.clientId } }, select: messageSelect });
      if (existing) return { message: existing, created: false };
    }
    try {
      const created = await this.db.message.create({
        data: {
          conversationId,
          clientId: message.clientId ?? null,
          role: message.role,
          text: message.text,
          payload: (message.payload ?? undefined) as Prisma.InputJsonValue | undefined,
          nlu: (message.nlu ?? undefined) as Prisma.InputJsonValue | undefined,
        },
        select: messageSelect,
      });
      return { message: created, created: true };
    } catch (error) {
      // Two concurrent retries of the same message: the loser reads the winner's row.
      if (message.clientId && isUniqueViolation(error)) {
        const existing = await this.db.message.findUniqueOrThrow({ where: { conversationId_clientId: { conversationId, clientId: message.clientId } }, select: messageSelect });
        return { message: existing, created: false };
      }
      throw error;
    }
  }

  async setNlu(messageId: number, nlu: unknown): Promise<void> {
    await this.db.message.update({ where: { id: messageId }, data: { nlu: nlu as Prisma.InputJsonValue } });
  }

  async messagesAfter(conversationId: string, afterId = 0, limit = 200): Promise<StoredMessage[]> {
    return this.db.message.findMany({ where: { conversationId, id: { gt: afterId } }, orderBy: { id: 'asc' }, take: limit, select: messageSelect });
  }

  /** The last message, to find a user message that never got its reply (e.g. the server stopped mid-turn). */
  async lastMessage(conversationId: string): Promise<StoredMessage | null> {
    return this.db.message.findFirst({ where: { conversationId }, orderBy: { id: 'desc' }, select: messageSelect });
  }
}
