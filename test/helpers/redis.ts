/**
 * The Redis that scale-out tests use: SHOPDESK_TEST_REDIS_URL when set (CI
 * starts one), else a private, throw-away redis-server started here when the
 * binary exists. Under CI its absence is an error, not a silent skip.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const REDIS_SERVER_BIN = '/usr/bin/redis-server';

export interface TestRedis {
  url: string;
  stop(): Promise<void>;
}

export interface PrivateRedis extends TestRedis {
  port: number;
  /** Kills the server at once (SIGKILL), as a crash would. */
  kill(): Promise<void>;
}

/** Whether Redis tests can run here; throws under CI when they cannot. */
export function redisAvailable(): boolean {
  if (process.env.SHOPDESK_TEST_REDIS_URL || canStartRedis()) return true;
  if (process.env.CI) throw new Error(`CI must run the Redis tests: set SHOPDESK_TEST_REDIS_URL or install redis-server (${REDIS_SERVER_BIN})`);
  return false;
}

export function canStartRedis(): boolean {
  return fs.existsSync(REDIS_SERVER_BIN);
}

/** The configured Redis, or a private one (stopped by stop()). */
export async function testRedis(): Promise<TestRedis> {
  const url = process.env.SHOPDESK_TEST_REDIS_URL;
  if (url) return { url, stop: async () => undefined };
  return startPrivateRedis();
}

/** A free loopback port (another process could take it before it is used: callers retry). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts redis-server on loopback (a free port unless given) with its files in a temporary directory. */
export async function startPrivateRedis(port?: number): Promise<PrivateRedis> {
  for (let attempt = 1; ; attempt++) {
    const chosen = port ?? (await freePort());
    try {
      return await launch(chosen);
    } catch (error) {
      if (port !== undefined || attempt >= 3) throw error;
    }
  }
}

async function launch(port: number): Promise<PrivateRedis> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopdesk-redis-'));
  const child = spawn(REDIS_SERVER_BIN, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output.push(String(chunk));
      if (output.join('').includes('Ready to accept connections')) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${output.join('')}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { url: `redis://127.0.0.1:${port}`, port, stop: () => end('SIGTERM'), kill: () => end('SIGKILL') };
}
