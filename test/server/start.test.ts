/**
 * What a new user does: `npm start` on an empty machine. The server must
 * migrate and seed the full demo store by itself and serve the storefront
 * with >= 1,000 products within 90 s, then shut down cleanly on SIGTERM.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { tempSqliteUrl } from '../helpers/databases';

const ROOT = path.resolve(__dirname, '../..');

test('`shopdesk serve` on an empty database serves >= 1,000 products within 90 s and stops on SIGTERM', async () => {
  const db = tempSqliteUrl('shopdesk-start');
  const started = Date.now();
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/shopdesk.js'), 'serve'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: db.url, SHOPDESK_PORT: '0', SHOPDESK_LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  child.stderr.on('data', (chunk) => logs.push(String(chunk)));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const lines = readline.createInterface({ input: child.stdout });
      lines.on('line', (line) => {
        logs.push(line);
        const match = /"url":"(http:\/\/[^"]+)"/.exec(line);
        if (match) resolve(match[1]!);
      });
      child.once('exit', (code) => reject(new Error(`server exited early (${code}): ${logs.join('\n')}`)));
    });
    let ready = false;
    while (!ready && Date.now() - started < 90_000) {
      ready = (await fetch(`${url}/readyz`).catch(() => undefined))?.status === 200;
      if (!ready) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(ready).toBe(true);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const page = await (await fetch(`${url}/`)).text();
    const count = Number(/data-testid="product-count">([\d,]+) products/.exec(page)?.[1]?.replace(/,/g, ''));
    expect(count).toBeGreaterThanOrEqual(1000);
    expect(Date.now() - started).toBeLessThan(90_000);

    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    await db.drop();
  }
}, 120_000);
