/**
 * Several ShopDesk servers behind one store: the Socket.io Redis adapter
 * (Redis pub/sub) carries every room broadcast (chat replies, agent messages,
 * ticket changes) to the sockets connected to the other servers.
 *
 * Redis trouble never stops a server. Both clients reconnect forever with a
 * capped backoff; while Redis is away, broadcasts still reach this server's own
 * sockets at once (the pub/sub adapter emits locally without waiting for Redis)
 * and the other servers miss them: the messages are stored, and a widget that
 * reconnects catches up with 'chat:hello' { afterId }.
 *
 * The pub/sub adapter keeps no packet log, so Socket.io's connection state
 * recovery cannot work through it: the composition root turns recovery off
 * when this adapter is used.
 */
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { Server } from 'socket.io';
import type { Logger } from '../../util/logger';

export interface RedisAdapterOptions {
  /**
   * Prefix of the pub/sub channels. Servers of one store share it; two stores on one Redis need different
   * prefixes (pub/sub channels ignore Redis database numbers). Default: 'shopdesk'.
   */
  key?: string;
  /** How long a cross-server request (e.g. fetchSockets()) waits for the other servers. Default: 5000 ms. */
  requestsTimeoutMs?: number;
  /** Longest wait between two reconnection attempts. Default: 5000 ms. */
  maxRetryDelayMs?: number;
}

export interface RedisAdapterHandle {
  /** 'ok' while both connections are up, 'connecting' before the first connection, else 'unavailable: <reason>'. */
  status(): string;
  /** Disconnects from Redis; call after io.close() (which unsubscribes). Idempotent. */
  close(): Promise<void>;
}

/** Commands the adapter sends without awaiting them. */
const FIRE_AND_FORGET = new Set(['publish', 'sPublish', 'pSubscribe', 'subscribe', 'sSubscribe', 'pUnsubscribe', 'unsubscribe', 'sUnsubscribe']);
/** Subscription changes, which wait for a connection (see forAdapter). */
const SUBSCRIPTIONS = new Set(['pSubscribe', 'subscribe', 'sSubscribe', 'pUnsubscribe', 'unsubscribe', 'sUnsubscribe']);

/** A graceful close waits for pending replies; a Redis that went away would make it wait forever. */
const CLOSE_TIMEOUT_MS = 2000;

type RedisClient = ReturnType<typeof createClient>;

/**
 * Attaches the Redis adapter to `io` before any namespace has sockets. Returns at once: the clients connect in the
 * background, and broadcasts made before that are sent when the connection is up.
 *
 * @throws Error when `url` is not a redis:// or rediss:// URL.
 * @example
 * const redis = attachRedisAdapter(io, 'redis://127.0.0.1:6379', logger);
 * // ... on shutdown, after io.close():
 * await redis.close();
 */
export function attachRedisAdapter(io: Server, url: string, logger: Logger, options: RedisAdapterOptions = {}): RedisAdapterHandle {
  const { key = 'shopdesk', requestsTimeoutMs = 5000, maxRetryDelayMs = 5000 } = options;
  const problem = redisUrlProblem(url);
  if (problem) throw new Error(`REDIS_URL ${problem}`);
  const log = logger.child({ module: 'redis-adapter' });

  const pub = createClient({
    url,
    // The default strategy gives up after a socket timeout; a server must keep trying for as long as it runs.
    socket: { reconnectStrategy: (retries) => Math.min(100 * 2 ** Math.min(retries, 10), maxRetryDelayMs) + Math.floor(Math.random() * 100) },
  });
  const sub = pub.duplicate();
  const clients = [pub, sub];
  let closing: Promise<void> | undefined;
  /** After close(), a broadcast that cannot go out is expected, not news. */
  const closed = () => closing !== undefined;
  const errors = [watch(pub, 'publisher', log), watch(sub, 'subscriber', log)];

  io.adapter(
    createAdapter(forAdapter(pub, log, closed), forAdapter(sub, log, closed), {
      key,
      requestsTimeout: requestsTimeoutMs,
      publishOnSpecificResponseChannel: true,
    }),
  );
  // connect() keeps retrying by itself (reconnectStrategy) and reports through 'error' events; it only settles
  // when connected or closed, so there is nothing to await here.
  for (const client of clients) client.connect().catch((error: Error) => log.error({ err: error }, 'redis connection abandoned'));
  log.info({ redis: redactedUrl(url), key }, 'Socket.io Redis adapter attached');

  return {
    status() {
      if (clients.every((client) => client.isReady)) return 'ok';
      const reason = errors.find((_, i) => !clients[i]!.isReady)?.last;
      return reason ? `unavailable: ${reason}` : 'connecting';
    },
    close: () =>
      (closing ??= Promise.all(clients.map((client) => closeClient(client))).then(() => {
        log.info('disconnected from redis');
      })),
  };
}

interface LastError {
  last: string | undefined;
}

/** Logs each outage of one connection once (node-redis emits an error per failed attempt) and keeps its reason. */
function watch(client: RedisClient, role: string, log: Logger): LastError {
  const error: LastError = { last: undefined };
  let down = false;
  client.on('error', (cause: Error) => {
    error.last = cause.message || cause.name;
    if (down) return log.debug({ err: error.last, role }, 'redis still unavailable');
    down = true;
    log.error({ err: error.last, role }, 'redis connection failed; retrying in the background');
  });
  client.on('ready', () => {
    if (down) log.info({ role }, 'redis connection restored');
    down = false;
  });
  return error;
}

/**
 * Two fixes between the adapter and node-redis:
 * - The adapter publishes and subscribes without awaiting the result. A command in flight when the connection
 *   drops is rejected, and an unhandled rejection stops a Node process: these rejections are logged instead.
 * - A subscription made while the client is not connected is both queued and replayed on connect (node-redis
 *   resubscribes what it knows), and the duplicate reply breaks its decoder. Subscription changes therefore wait
 *   for the connection and run, in order, on 'ready'.
 * Every other member is passed through, bound to the client (node-redis uses private fields, which a Proxy lacks).
 */
function forAdapter(client: RedisClient, log: Logger, closed: () => boolean): RedisClient {
  const report = (command: string, error: unknown) =>
    (closed() ? log.debug : log.warn).call(
      log,
      { err: (error as Error)?.message ?? String(error), command },
      'redis command failed; the other servers missed it',
    );
  const call = (command: string, method: (...args: unknown[]) => unknown, args: unknown[]): unknown => {
    try {
      const result = method.apply(client, args);
      return result instanceof Promise ? result.catch((error: unknown) => report(command, error)) : result;
    } catch (error) {
      report(command, error);
      return undefined;
    }
  };
  const waiting: (() => void)[] = [];
  client.on('ready', () => {
    for (const run of waiting.splice(0)) run();
  });
  return new Proxy(client, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function' || property === 'constructor') return value;
      const method = value as (...args: unknown[]) => unknown;
      if (typeof property !== 'string' || !FIRE_AND_FORGET.has(property)) return method.bind(target);
      return (...args: unknown[]) => {
        if (!SUBSCRIPTIONS.has(property) || (target.isReady && waiting.length === 0)) return call(property, method, args);
        waiting.push(() => void call(property, method, args));
        return Promise.resolve();
      };
    },
  });
}

async function closeClient(client: RedisClient): Promise<void> {
  if (!client.isOpen) return;
  if (!client.isReady) return client.destroy();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), CLOSE_TIMEOUT_MS)));
  const outcome = await Promise.race([
    client.close().then(
      () => 'closed' as const,
      () => 'failed' as const,
    ),
    timedOut,
  ]);
  clearTimeout(timer);
  if (outcome !== 'closed' && client.isOpen) client.destroy();
}

/** What is wrong with a Redis URL, or undefined when it can be used. */
export function redisUrlProblem(url: string): string | undefined {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    return 'is not a URL';
  }
  return protocol === 'redis:' || protocol === 'rediss:' ? undefined : `must start with redis:// or rediss:// (got ${protocol})`;
}

/** The URL without its password, for logs. */
function redactedUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
