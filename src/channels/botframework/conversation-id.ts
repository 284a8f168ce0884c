/**
 * Stable internal conversation ids for Bot Framework conversations. The store
 * keys conversations by UUID (the socket channel uses random ones); here the id
 * is derived from the channel's own conversation key so the same Teams chat
 * finds its state again after a restart, without a lookup table.
 */
import crypto from 'node:crypto';

/**
 * Namespace of the name-based UUIDs below (RFC 9562 section 5.8, SHA-256). Fixed
 * forever: changing it would orphan every stored Bot Framework conversation.
 */
const NAMESPACE = Buffer.from('5e0c2a1f9b7d4c8e8a3f6d2b1c0e9f47', 'hex');

/**
 * The internal conversation id for a Bot Framework conversation: a UUIDv8 made
 * from SHA-256 of `${channelId}:${conversationId}`, so it is the same on every
 * process and after every restart.
 *
 * @example conversationIdFor('msteams', '19:abc@thread.v2') // always the same UUID
 */
export function conversationIdFor(channelId: string, channelConversationId: string): string {
  const digest = crypto.createHash('sha256').update(NAMESPACE).update(`${channelId}:${channelConversationId}`, 'utf8').digest();
  const bytes = digest.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80; // version 8: custom (here SHA-256 name-based)
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 9562 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The store's `channel` value for conversations from a Bot Framework channel, e.g. 'botframework:msteams'. */
export function storeChannelFor(channelId: string): string {
  return `botframework:${channelId}`;
}
