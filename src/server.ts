/**
 * Composition root: builds the HTTP server (Fastify), Socket.io on the same
 * port, the database lifecycle and the web routes from one config. Nothing
 * else in the code base wires modules together.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { Server as SocketServer } from 'socket.io';
import { buildAssistant, loadNlu, type Assistant } from './assistant';
import { BotFrameworkConfigError, createBotFrameworkChannel } from './channels/botframework';
import { attachAgentChannel } from './channels/socketio/agent-channel';
import { attachChatChannel } from './channels/socketio/chat-channel';
import { attachRedisAdapter, redisUrlProblem, type RedisAdapterHandle } from './channels/socketio/redis-adapter';
import { ConfigError, type ShopDeskConfig } from './config';
import type { NluModel } from './nlu';
import { DatabaseLifecycle } from './store';
import { ensureDemoStaff, registerStaffRoutes, registerTicketRoutes, StaffAuth, SupportEvents } from './support';
import { verifySessionToken } from './tools';
import { createLogger } from './util/logger';
import { registerDashboard } from './web/dashboard';
import { registerConsolePage } from './web/console-page';
import { registerStorefront } from './web/storefront';

const WIDGET_PUBLIC = path.resolve(__dirname, '../widget/public');

/** How often tickets are checked against their SLA (escalation, assignment to agents who came online). */
const SLA_SWEEP_MS = 60_000;

/** The chat widget on every storefront page (served by this server). */
const WIDGET_TAG = '<script src="/widget.js" data-shopdesk-title="Chat with us" async></script>';

export interface RunningServer {
  app: FastifyInstance;
  io: SocketServer;
  database: DatabaseLifecycle;
  /** The assistant once the database and the NLU model are ready. */
  assistant(): Assistant | undefined;
  /** Base URL, e.g. http://127.0.0.1:3000 */
  url: string;
  port: number;
  /** Drains connections and closes the database. Idempotent. */
  close(): Promise<void>;
}

export async function startServer(config: ShopDeskConfig): Promise<RunningServer> {
  const redisProblem = config.redisUrl ? redisUrlProblem(config.redisUrl) : undefined;
  if (redisProblem) throw new ConfigError('REDIS_URL', redisProblem);
  const logger = createLogger(config.logLevel);
  const database = new DatabaseLifecycle({
    url: config.databaseUrl,
    // Only the embedded database gets demo data by itself; a PostgreSQL store is seeded on purpose (`shopdesk db seed`).
    autoSeed: config.autoSeed && config.databaseProvider === 'sqlite',
    seed: config.seed,
    seedScale: config.seedScale,
    retryMs: config.dbRetryMs,
    logger: logger.child({ module: 'store' }),
  });

  const app = Fastify({
    loggerInstance: logger.child({ module: 'http' }) as FastifyBaseLogger,
    // Per-request lines only when debugging: at info level they would drown the useful logs.
    logController: new LogController({ disableRequestLogging: config.logLevel !== 'debug' && config.logLevel !== 'trace' }),
    bodyLimit: 256 * 1024,
    forceCloseConnections: 'idle',
  });

  app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    void reply.code(status).send({ error: status >= 500 ? 'internal_error' : error.message });
  });

  const sessionSecret = config.sessionSecret ?? crypto.randomBytes(32).toString('hex');
  if (!config.sessionSecret) logger.warn('SHOPDESK_SESSION_SECRET is not set: store session tokens are signed with a random per-process secret');

  let nlu: NluModel | undefined;
  let nluError: string | undefined;
  let assistant: Assistant | undefined;
  let staffAuth: StaffAuth | undefined;
  /** Set when REDIS_URL is: room broadcasts then reach the sockets of every server (README: Several servers). */
  let redis: RedisAdapterHandle | undefined;
  /** One bus for the desk and every channel: agent messages reach shoppers on whichever channel they use. */
  const events = new SupportEvents();
  const nluLoading = loadNlu(config.modelsDir, logger.child({ module: 'nlu' })).then(
    (model) => (nlu = model),
    (error: Error) => {
      nluError = error.message;
      logger.error({ err: error.message }, 'NLU model could not be loaded: the chat stays unavailable');
    },
  );
  void database.whenReady().then(async () => {
    await nluLoading;
    const db = database.database;
    if (!db) return;
    // The embedded demo gets staff accounts so the console and dashboard can be tried at once;
    // sign-in opens only after they exist (503 "starting" before, never a misleading 401).
    if (config.autoSeed && config.databaseProvider === 'sqlite') {
      const created = await ensureDemoStaff(db.prisma, config.demoStaffPassword);
      if (created) logger.info({ accounts: created }, 'demo staff accounts created (README: agent console)');
      if (config.demoStaffPassword === 'shopdesk-demo') logger.warn('demo staff use the default password: set SHOPDESK_DEMO_STAFF_PASSWORD, or create real accounts with `shopdesk staff add`');
    }
    staffAuth = new StaffAuth(db.prisma);
    if (!nlu) return;
    assistant = await buildAssistant(nlu, db.prisma, logger.child({ module: 'assistant' }), {
      recommendModelDir: path.join(config.modelsDir, 'recommend'),
      events,
      ...(config.routingConfigPath ? { routingConfigPath: config.routingConfigPath } : {}),
    });
  }).catch((error: Error) => {
    nluError = error.message;
    logger.error({ err: error }, 'assistant could not be built');
  });

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const state = database.current;
    const dbOk = state.status === 'ready' && (await database.ping());
    const body = {
      status: dbOk && assistant ? 'ready' : 'not_ready',
      database: dbOk ? 'ok' : state.status === 'failed' ? `unavailable: ${state.error}` : state.status === 'ready' ? 'unreachable' : 'starting',
      nlu: nlu ? 'ok' : nluError ? `failed: ${nluError}` : 'loading',
      chat: assistant ? 'ok' : 'starting',
      // Reported, not required: without Redis each server still serves its own sockets.
      ...(redis ? { redis: redis.status() } : {}),
    };
    return reply.code(body.status === 'ready' ? 200 : 503).send(body);
  });
  app.get('/widget.js', async (_request, reply) => reply.header('cache-control', 'no-cache').sendFile('widget.js'));

  await app.register(fastifyCookie);
  registerStaffRoutes(app, { auth: () => staffAuth, secureCookie: config.secureCookies });
  registerTicketRoutes(app, { auth: () => staffAuth, tickets: () => assistant?.tickets });
  registerConsolePage(app);
  registerDashboard(app, { db: () => database.database?.prisma, auth: () => staffAuth });
  await app.register(fastifyStatic, { root: WIDGET_PUBLIC, prefix: '/static/' });
  registerStorefront(app, { db: () => database.database?.prisma, bodyEnd: WIDGET_TAG, recommender: () => assistant?.recommender, secureCookie: config.secureCookies });

  let botFramework;
  try {
    botFramework = createBotFrameworkChannel({ services: () => assistant, auth: config.botFramework, logger, events, ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}) });
  } catch (error) {
    if (error instanceof BotFrameworkConfigError) throw new ConfigError('MICROSOFT_APP_ID', error.message);
    throw error;
  }
  botFramework.register(app);

  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;

  const io = new SocketServer(app.server, {
    // Recovery needs an adapter that keeps missed packets; the Redis pub/sub adapter does not (the widget resyncs anyway).
    ...(config.redisUrl ? {} : { connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000 } }),
    maxHttpBufferSize: 64 * 1024,
  });
  if (config.redisUrl) redis = attachRedisAdapter(io, config.redisUrl, logger);

  attachChatChannel({
    io,
    services: () => assistant,
    verifySessionToken: (token) => verifySessionToken(token, sessionSecret),
    logger,
    events,
  });
  attachAgentChannel({ io, auth: () => staffAuth, tickets: () => assistant?.tickets, events, logger });

  const slaSweep = setInterval(() => {
    assistant?.tickets.sweep().catch((error: Error) => logger.error({ err: error }, 'SLA sweep failed'));
  }, SLA_SWEEP_MS).unref();

  database.start();

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      logger.info('shutting down: draining connections');
      clearInterval(slaSweep);
      io.close();
      await app.close();
      await database.stop();
      await redis?.close();
      nlu?.dispose();
      logger.info('stopped');
    })());

  return { app, io, database, assistant: () => assistant, url: `http://${config.host}:${port}`, port, close };
}
