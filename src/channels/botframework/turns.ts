/**
 * One inbound activity through the dialogue engine, the way the web chat does
 * it: the shopper's message is stored once per activity id (a retried activity
 * is not run twice), turns of one conversation run one at a time, replies are
 * stored before they are sent, and in agent mode the bot stays silent.
 */
import { ActivityTypes, TurnContext } from 'botbuilder';
import type { DialogueEngine } from '../../dialogue/engine';
import { nluRecordOf } from '../../dialogue/turn';
import type { ConversationStore, StoredMessage } from '../../store';
import type { Logger } from '../../util/logger';
import { MAX_TEXT_LENGTH, messageText } from './activity';
import { conversationIdFor, storeChannelFor } from './conversation-id';
import type { ReferenceBook } from './references';
import { renderReply, type OutgoingMessage } from './render';
import { SerialQueue } from '../../util/serial-queue';

/** What a turn needs once the server is ready. */
export interface BotFrameworkServices {
  engine: DialogueEngine;
  conversations: ConversationStore;
}

export interface TurnHandlerDeps {
  references: ReferenceBook;
  logger: Logger;
  /** Told about every message this channel stores (shopper and bot). */
  stored: (conversationId: string, message: StoredMessage) => void;
}

/** Sent, not stored: it answers the delivery, not the conversation (the web chat's error acks are not stored either). */
const TOO_LONG = `That message is too long: please keep it under ${MAX_TEXT_LENGTH} characters.`;
/** Stored and sent like any reply when a turn fails, as the web chat does, so the transcript shows what the shopper saw. */
const INTERNAL = 'Sorry, something went wrong on our side. Please try again.';

export type TurnHandler = (context: TurnContext, services: BotFrameworkServices, baseUrl: string) => Promise<void>;

export function createTurnHandler(deps: TurnHandlerDeps): TurnHandler {
  const queue = new SerialQueue();
  const { logger: log, stored } = deps;

  const ensureConversation = async (conversations: ConversationStore, conversationId: string, channelId: string) => {
    if (await conversations.exists(conversationId)) return;
    try {
      await conversations.create(conversationId, storeChannelFor(channelId));
    } catch (error) {
      // Another server instance created it in the meantime: that is the outcome we wanted.
      if (!(await conversations.exists(conversationId))) throw error;
    }
  };

  const runTurn = async (
    context: TurnContext,
    services: BotFrameworkServices,
    conversationId: string,
    text: string,
    userMessageId: number,
    baseUrl: string,
  ) => {
    const { engine, conversations } = services;
    const replies: OutgoingMessage[] = [];
    const keep = async (reply: OutgoingMessage) => {
      const { message } = await conversations.append(conversationId, { role: 'bot', text: reply.text, payload: { parts: reply.parts ?? [] } });
      stored(conversationId, message);
      replies.push(reply);
    };
    try {
      const result = await engine.handle(conversationId, text);
      await conversations.setNlu(userMessageId, nluRecordOf(result));
      // In agent mode the engine returns no replies: the agent answers through deliver().
      for (const reply of result.replies) await keep(reply);
    } catch (error) {
      log.error({ err: error, conversationId }, 'turn failed');
      await keep({ text: INTERNAL, parts: [] });
    }
    if (replies.length === 0) return;
    // Stored first, sent second: a failed send leaves a complete transcript, and the error reaches the route's log.
    await context.sendActivities(replies.map((reply) => renderReply(reply, { baseUrl })));
  };

  return async (context, services, baseUrl) => {
    const activity = context.activity;
    const conversationId = conversationIdFor(activity.channelId, activity.conversation.id);
    deps.references.remember(conversationId, { reference: TurnContext.getConversationReference(activity), baseUrl });
    // conversationUpdate, typing, reactions...: nothing to answer; the reference above is all they teach us.
    if (activity.type !== ActivityTypes.Message) return;
    const text = messageText(activity);
    if (!text) return; // attachments or card submits without words: the engine reads text only
    if (text.length > MAX_TEXT_LENGTH) {
      await context.sendActivity(TOO_LONG);
      return;
    }
    await queue.run(conversationId, async () => {
      const { conversations } = services;
      await ensureConversation(conversations, conversationId, activity.channelId);
      const { message, created } = await conversations.append(conversationId, { ...(activity.id ? { clientId: activity.id } : {}), role: 'user', text });
      if (created) {
        stored(conversationId, message);
      } else {
        // A retry of an activity we already have. Answer it only if it never got an answer (the process stopped
        // mid-turn); the queue guarantees the original turn, if it ran here, has finished by now.
        const last = await conversations.lastMessage(conversationId);
        if (last?.id !== message.id) return;
        log.info({ conversationId, activityId: activity.id }, 'answering a retried activity that was never answered');
      }
      await runTurn(context, services, conversationId, text, message.id, baseUrl);
    });
  };
}
