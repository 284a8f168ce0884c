/**
 * Chat load benchmark: N simulated shoppers (socket.io-client) run scripted
 * conversations against a real `shopdesk serve` process. Reports turn latency
 * (send -> first bot message) p50/p99, messages lost (stored by the server but
 * never received, or sent and never acknowledged: must be 0) and server RSS.
 *
 *   npx tsx bench/chat/run.ts [--clients 50,200,1000] [--turns 6] [--think-ms 2000]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { io, type Socket } from 'socket.io-client';
import type { ChatMessage } from '../../src/channels/socketio/protocol';

const ROOT = path.resolve(__dirname, '../..');
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const CLIENTS = arg('clients', '50,200,1000').split(',').map(Number);
const THINK_MS = Number(arg('think-ms', '2000'));

const SCRIPTS = [
  ['hi', 'show me running shoes under $80 in size 10', 'what about in blue?', 'the first one', 'thanks', 'bye'],
  ['hello', 'where is my order #48213?', 'alex.morgan@example.com', 'do you have wool sweaters', 'cheaper?', 'thank you'],
  ['hey', 'what are your delivery options', 'can I pay with paypal', 'recommend a gift for a runner', 'is the first one in stock', 'bye'],
];

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0;
}

async function startServer(dbDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/shopdesk.js'), 'serve'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: `file:${path.join(dbDir, 'bench.db')}`, SHOPDESK_PORT: '0', SHOPDESK_LOG_LEVEL: 'info', SHOPDESK_SEED_SCALE: '0.2' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      const match = /"url":"(http:\/\/[^"]+)"/.exec(String(chunk));
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code})`)));
  });
  child.stdout!.resume();
  for (let i = 0; i < 600; i++) {
    if ((await fetch(`${url}/readyz`).catch(() => undefined))?.status === 200) return { child, url };
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server not ready');
}

interface ClientResult {
  latencies: number[];
  sent: number;
  acked: number;
  lost: number;
}

async function shopper(url: string, index: number): Promise<ClientResult> {
  const socket: Socket = io(`${url}/chat`, { transports: ['websocket'], forceNew: true, reconnection: true });
  const received = new Map<number, ChatMessage>();
  let waiting: ((m: ChatMessage) => void) | undefined;
  socket.on('chat:message', (m: ChatMessage) => {
    received.set(m.id, m);
    if (m.role === 'bot' && waiting) {
      const w = waiting;
      waiting = undefined;
      w(m);
    }
  });
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  const hello = await socket.timeout(30_000).emitWithAck('chat:hello', {});
  const conversationId: string = hello.conversationId;
  const result: ClientResult = { latencies: [], sent: 0, acked: 0, lost: 0 };
  const script = SCRIPTS[index % SCRIPTS.length]!;
  await new Promise((r) => setTimeout(r, Math.random() * THINK_MS));
  for (const [turn, text] of script.entries()) {
    const started = performance.now();
    const reply = new Promise<ChatMessage>((resolve) => (waiting = resolve));
    result.sent += 1;
    const ack = await socket.timeout(30_000).emitWithAck('chat:send', { conversationId, clientId: `b${index}-${turn}`, text });
    if (ack.ok) {
      result.acked += 1;
      received.set(ack.message.id, ack.message);
    }
    await Promise.race([reply, new Promise((r) => setTimeout(r, 30_000))]);
    result.latencies.push(performance.now() - started);
    await new Promise((r) => setTimeout(r, THINK_MS * (0.5 + Math.random())));
  }
  await new Promise((r) => setTimeout(r, 500));
  const history = await socket.timeout(30_000).emitWithAck('chat:hello', { conversationId, afterId: 0 });
  result.lost = (history.messages as ChatMessage[]).filter((m) => !received.has(m.id)).length + (result.sent - result.acked);
  socket.close();
  return result;
}

async function main(): Promise<void> {
  const dbDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopdesk-bench-chat-'));
  const { child, url } = await startServer(dbDir);
  const rows = [];
  try {
    for (const n of CLIENTS) {
      process.stderr.write(`running ${n} shoppers...\n`);
      const rssBefore = rssMb(child.pid!);
      let peak = rssBefore;
      const sampler = setInterval(() => (peak = Math.max(peak, rssMb(child.pid!))), 250);
      const started = Date.now();
      const results = await Promise.all(Array.from({ length: n }, (_, i) => shopper(url, i)));
      clearInterval(sampler);
      const latencies = results.flatMap((r) => r.latencies).sort((a, b) => a - b);
      const row = {
        shoppers: n,
        turns: latencies.length,
        seconds: Math.round((Date.now() - started) / 100) / 10,
        p50_ms: Math.round(percentile(latencies, 50) * 10) / 10,
        p99_ms: Math.round(percentile(latencies, 99) * 10) / 10,
        lost: results.reduce((s, r) => s + r.lost, 0),
        rss_mb: Math.round(peak),
      };
      rows.push(row);
      process.stderr.write(`${JSON.stringify(row)}\n`);
    }
  } finally {
    child.kill('SIGTERM');
    fs.rmSync(dbDir, { recursive: true, force: true });
  }
  const table = ['| shoppers | turns | p50 ms | p99 ms | lost | server RSS MB |', '|---|---|---|---|---|---|', ...rows.map((r) => `| ${r.shoppers} | ${r.turns} | ${r.p50_ms} | ${r.p99_ms} | ${r.lost} | ${r.rss_mb} |`)].join('\n');
  process.stdout.write(`${table}\n`);
  const out = { date: new Date().toISOString(), machine: { cpu: os.cpus()[0]?.model, cores: os.cpus().length, node: process.version }, thinkMs: THINK_MS, rows };
  fs.mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'bench/results/chat-latest.json'), `${JSON.stringify(out, null, 2)}\n`);
  fs.writeFileSync(path.join(ROOT, 'bench/results/chat-latest.md'), `${table}\n\nThink time ${THINK_MS} ms between turns (x0.5-1.5); ${out.machine.cores} cores, ${out.machine.cpu}, node ${out.machine.node}.\n`);
}

void main();
