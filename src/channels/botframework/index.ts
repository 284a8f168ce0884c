/**
 * Bot Framework channel (Azure Bot Service: Teams, Web Chat, the Emulator...):
 * `POST /api/messages` into the dialogue engine, and proactive delivery of
 * agent messages. The composition root creates it and registers its route.
 */
export { createBotFrameworkChannel, BOT_FRAMEWORK_PATH, type BotFrameworkChannel, type BotFrameworkChannelDeps } from './channel';
export type { BotFrameworkAuthOptions } from './auth';
export type { BotFrameworkServices } from './turns';
export type { OutgoingMessage } from './render';
export { conversationIdFor, storeChannelFor } from './conversation-id';
export { BotFrameworkChannelError, BotFrameworkConfigError, BotFrameworkDeliveryError } from './errors';
