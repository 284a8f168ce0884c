/**
 * The Bot Framework channel: `POST /api/messages` for Teams, Web Chat, the
 * Emulator and every other Azure Bot Service channel. A request is validated,
 * then authenticated (401 without a valid token when an app id is configured),
 * then run through CloudAdapter into the same dialogue engine as the web chat.
 */
import { AuthenticationError, type AuthenticateRequestResult } from 'botframework-connector';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RichPart } from '../../dialogue/reply';
import type { StoredMessage } from '../../store';
import type { SupportEvents } from '../../support';
import type { Logger } from '../../util/logger';
import { parseInboundActivity } from './activity';
import { createChannelAuth, type BotFrameworkAuthOptions } from './auth';
import { BotFrameworkDeliveryError } from './errors';
import { ReferenceBook } from './references';
import { renderReply, type OutgoingMessage } from './render';
import { createTurnHandler, type BotFrameworkServices } from './turns';

/** Where Azure Bot Service (and the Emulator) post activities: the bot's "messaging endpoint". */
export const BOT_FRAMEWORK_PATH = '/api/messages';

/** Activities are small JSON documents; Teams caps messages at about 28 KB. */
const BODY_LIMIT = 256 * 1024;

export interface BotFrameworkChannelDeps {
  /** Undefined while the server is still starting (database or model not ready): requests then get 503. */
  services: () => BotFrameworkServices | undefined;
  /** Credentials from MICROSOFT_APP_*; without an app id the channel runs in anonymous local mode. */
  auth: BotFrameworkAuthOptions;
  logger: Logger;
  /**
   * Public origin of the shop, e.g. https://shop.example.com, that relative
   * links and images in cards are resolved against. Default: the origin the
   * activity was posted to (right for the Emulator and simple deployments).
   */
  publicUrl?: string;
  /**
   * The support desk's bus: shopper and bot messages go out (origin
   * 'botframework', agents watch), the desk's agent and system messages come in
   * and are delivered to the conversation when it is a Bot Framework one.
   */
  events?: SupportEvents;
}

export interface BotFrameworkChannel {
  /** Adds `POST /api/messages` to the app (before it listens). */
  register(app: FastifyInstance): void;
  /**
   * Sends a message (an agent's, typically) into a Bot Framework conversation
   * outside a turn; desk messages on `events` take this way by themselves, and
   * are not stored again (the desk stores them). References live in memory
   * only: after a restart a conversation is reachable again once its next
   * inbound activity arrives.
   *
   * @param conversationId The internal (store) conversation id.
   * @returns false when no reference is known for the conversation (not a Bot
   *   Framework conversation, or none of its activities seen since start).
   * @throws BotFrameworkDeliveryError when the channel service refuses or cannot be reached.
   * @example await channel.deliver(conversationId, { text: 'Hi, this is Ana from the support team.' })
   */
  deliver(conversationId: string, message: OutgoingMessage): Promise<boolean>;
  /** True without an app id: requests are not authenticated and only loopback service URLs are served. */
  readonly anonymous: boolean;
}

type Rejection = { status: number; error: string };

/** Anonymous mode posts replies to whatever serviceUrl a caller names, so it only serves the local machine (the Emulator). */
function isLoopback(serviceUrl: string): boolean {
  const host = new URL(serviceUrl).hostname;
  return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Token problems are the caller's (401); failing to load the signing keys is ours (503, the channel retries). */
function authRejection(error: unknown): Rejection {
  const infrastructure = (error instanceof AuthenticationError && error.statusCode >= 500) || (error instanceof Error && error.name === 'FetchError');
  return infrastructure ? { status: 503, error: 'authentication_unavailable' } : { status: 401, error: 'unauthorized' };
}

/**
 * Creates the channel. Authentication is configured here, so inconsistent
 * credentials fail at startup, not on the first message.
 *
 * @throws BotFrameworkConfigError when the MICROSOFT_APP_* settings are inconsistent.
 * @example
 * const channel = createBotFrameworkChannel({ services: () => assistant, auth: config.botFramework, logger });
 * channel.register(app);
 */
export function createBotFrameworkChannel(deps: BotFrameworkChannelDeps): BotFrameworkChannel {
  const log = deps.logger.child({ module: 'botframework' });
  const { authentication, adapter, botAppId, anonymous } = createChannelAuth(deps.auth);
  if (anonymous) log.warn('MICROSOFT_APP_ID is not set: the Bot Framework channel accepts unauthenticated requests from local clients only (development mode)');
  const references = new ReferenceBook();
  const stored = (conversationId: string, message: StoredMessage) => {
    try {
      deps.events?.emit('message', { conversationId, message, origin: 'botframework' });
    } catch (error) {
      // A listener's bug must not cost the shopper the reply.
      log.error({ err: error, conversationId }, 'a support event listener failed');
    }
  };
  const handleTurn = createTurnHandler({ references, logger: log, stored });

  const receive = async (request: FastifyRequest, reply: FastifyReply) => {
    const parsed = parseInboundActivity(request.body);
    if (!parsed.ok) return reply.code(400).send({ error: 'invalid_activity', detail: parsed.problem });
    const activity = parsed.activity;
    if (anonymous && !isLoopback(activity.serviceUrl)) return reply.code(403).send({ error: 'anonymous_mode_is_local_only' });

    let auth: AuthenticateRequestResult;
    try {
      auth = await authentication.authenticateRequest(activity, request.headers.authorization ?? '');
    } catch (error) {
      const rejection = authRejection(error);
      log.warn({ err: error, channelId: activity.channelId, status: rejection.status }, 'activity rejected by authentication');
      return reply.code(rejection.status).send({ error: rejection.error });
    }

    const services = deps.services();
    if (!services) return reply.code(503).header('retry-after', '5').send({ error: 'starting' });
    // Invokes (Teams task modules, message extensions...) expect a specific response body this bot does not offer.
    if (activity.type === 'invoke') return reply.code(501).send({ error: 'invoke_not_supported' });

    const baseUrl = deps.publicUrl ?? `${request.protocol}://${request.host}`;
    try {
      await adapter.runAuthenticated(auth, activity, (context) => handleTurn(context, services, baseUrl));
    } catch (error) {
      log.error({ err: error, channelId: activity.channelId, activityId: activity.id }, 'activity failed');
      return reply.code(500).send({ error: 'internal_error' });
    }
    return reply.code(200).send();
  };

  const deliver = async (conversationId: string, message: OutgoingMessage): Promise<boolean> => {
    const known = references.get(conversationId);
    if (!known) return false;
    try {
      await adapter.continueConversationAsync(botAppId, known.reference, async (context) => {
        await context.sendActivity(renderReply(message, { baseUrl: known.baseUrl }));
      });
    } catch (error) {
      throw new BotFrameworkDeliveryError(conversationId, { cause: error });
    }
    return true;
  };

  deps.events?.on('message', ({ conversationId, message, origin }) => {
    if (origin !== 'desk') return;
    const payload = message.payload as { parts?: unknown } | null;
    const parts = Array.isArray(payload?.parts) ? (payload.parts as RichPart[]) : [];
    deliver(conversationId, { text: message.text, parts }).then(
      // Every conversation's desk messages pass here; false mostly means "not ours" (or not seen since a restart).
      (sent) => sent && log.debug({ conversationId, messageId: message.id }, 'desk message delivered'),
      (error: unknown) => log.error({ err: error, conversationId, messageId: message.id }, 'desk message could not be delivered'),
    );
  });

  return {
    anonymous,
    register(app) {
      app.post(BOT_FRAMEWORK_PATH, { bodyLimit: BODY_LIMIT }, receive);
    },
    deliver,
  };
}
