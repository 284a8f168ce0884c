/**
 * Composition root: builds the HTTP server (Fastify), Socket.io on the same
 * port, the database lifecycle and the web routes from one config. Nothing
 * else in the code base wires modules together.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { Server as SocketServer } from 'socket.io';
import { buildAssistant, loadNlu, type Assistant } from './assistant';
import { attachChatChannel } from './channels/socketio/chat-channel';
import type { ShopDeskConfig } from './config';
import type { NluModel } from './nlu';
import { DatabaseLifecycle } from './store';
import { verifySessionToken } from './tools';
import { createLogger } from './util/logger';
import { registerStorefront } from './web/storefront';

const WIDGET_PUBLIC = path.resolve(__dirname, '../widget/public');

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
    if (!nlu || !db) return;
    assistant = await buildAssistant(nlu, db.prisma, logger.child({ module: 'assistant' }));
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
    };
    return reply.code(body.status === 'ready' ? 200 : 503).send(body);
  });
  app.get('/widget.js', async (_request, reply) => reply.header('cache-control', 'no-cache').sendFile('widget.js'));

  await app.register(fastifyStatic, { root: WIDGET_PUBLIC, prefix: '/static/' });
  registerStorefront(app, { db: () => database.database?.prisma, bodyEnd: WIDGET_TAG });

  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;

  const io = new SocketServer(app.server, {
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000 },
    maxHttpBufferSize: 64 * 1024,
  });

  attachChatChannel({
    io,
    services: () => assistant,
    verifySessionToken: (token) => verifySessionToken(token, sessionSecret),
    logger,
  });

  database.start();

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      logger.info('shutting down: draining connections');
      io.close();
      await app.close();
      await database.stop();
      nlu?.dispose();
      logger.info('stopped');
    })());

  return { app, io, database, assistant: () => assistant, url: `http://${config.host}:${port}`, port, close };
}
