/**
 * The shopper's path in real Chromium: storefront -> widget -> track an order
 * with verification -> product cards -> start a return -> reload keeps the
 * history -> the server restarts mid-conversation and nothing is lost or doubled.
 */
import type { Browser, Page } from 'playwright-core';
import { loadConfig } from '../../src/config';
import { startServer, type RunningServer } from '../../src/server';
import { launchChromium } from '../helpers/chromium';
import { tempSqliteUrl } from '../helpers/databases';

jest.setTimeout(180_000);

const db = tempSqliteUrl('shopdesk-browser');
let server: RunningServer;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let port = 0;

async function start(): Promise<RunningServer> {
  const config = loadConfig({ DATABASE_URL: db.url, SHOPDESK_PORT: String(port), SHOPDESK_SEED_SCALE: '0.05', SHOPDESK_LOG_LEVEL: 'silent' });
  const s = await startServer(config);
  port = s.port;
  while (!s.assistant()) await new Promise((r) => setTimeout(r, 100));
  return s;
}

beforeAll(async () => {
  server = await start();
  ({ browser, close: closeBrowser } = await launchChromium());
});

afterAll(async () => {
  await closeBrowser?.();
  await server?.close();
  await db.drop();
});

const messages = (page: Page) => page.locator('[data-testid="sd-message"]');

async function say(page: Page, text: string): Promise<void> {
  const before = await messages(page).locator('[data-role="bot"], [data-role="bot"] *').count();
  await page.fill('[data-testid="sd-input"]', text);
  await page.press('[data-testid="sd-input"]', 'Enter');
  await page.locator(`[data-testid="sd-message"][data-role="user"]`, { hasText: text }).last().waitFor();
  // Wait for the bot's answer to this message.
  await page.waitForFunction(
    (count) => {
      const root = document.getElementById('shopdesk-widget')?.shadowRoot;
      return (root?.querySelectorAll('[data-testid="sd-message"][data-role="bot"]').length ?? 0) > count;
    },
    before,
    { timeout: 15_000 },
  );
}

async function lastBotText(page: Page): Promise<string> {
  return (await page.locator('[data-testid="sd-message"][data-role="bot"]').last().innerText()).trim();
}

test('a shopper tracks an order, finds shoes, starts a return, reloads, and survives a server restart', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}/`);
  await page.locator('[data-testid="product-count"]').waitFor();
  await page.click('[data-testid="sd-launcher"]');
  await page.locator('[data-testid="sd-panel"]').waitFor({ state: 'visible' });
  await page.locator('[data-testid="sd-input"]').waitFor();

  // Track an order: asked to verify, then the status timeline.
  await say(page, 'where is my order #48213?');
  expect(await lastBotText(page)).toMatch(/email/i);
  await say(page, 'alex.morgan@example.com');
  await page.locator('[data-testid="sd-timeline"]').last().waitFor();
  expect(await page.locator('[data-testid="sd-timeline"]').last().innerText()).toContain('48213');

  // Search: product cards with prices under $80.
  await say(page, 'show me running shoes under $80 in size 10');
  const cards = page.locator('[data-testid="sd-product-card"]');
  await cards.first().waitFor();
  expect(await cards.count()).toBeGreaterThan(0);
  const prices = await cards.evaluateAll((els) => els.map((el) => Number((el.textContent ?? '').match(/\$(\d+\.\d\d)/)?.[1])));
  expect(prices.every((p) => p > 0 && p <= 80)).toBe(true);

  // Return: eligible, confirm, started.
  await say(page, 'I want to return order 48214');
  expect(await lastBotText(page)).toMatch(/start the return/i);
  await say(page, 'yes');
  expect(await lastBotText(page)).toMatch(/return is started/i);

  // Reload: the history comes back from the server.
  const countBefore = await messages(page).count();
  await page.reload();
  await page.click('[data-testid="sd-launcher"]');
  await page.locator('[data-testid="sd-timeline"]').first().waitFor();
  expect(await messages(page).count()).toBe(countBefore);

  // Restart the server mid-conversation; a message sent while it is down is delivered once it is back.
  await server.close();
  await page.locator('[data-testid="sd-status"]', { hasText: /reconnect|connect/i }).waitFor({ timeout: 15_000 });
  await page.fill('[data-testid="sd-input"]', 'thank you');
  await page.press('[data-testid="sd-input"]', 'Enter');
  server = await start();
  await page.waitForFunction(
    (count) => (document.getElementById('shopdesk-widget')?.shadowRoot?.querySelectorAll('[data-testid="sd-message"][data-role="bot"]').length ?? 0) > count,
    await page.locator('[data-testid="sd-message"][data-role="bot"]').count(),
    { timeout: 30_000 },
  );
  const ids = await messages(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-id')).filter(Boolean));
  expect(new Set(ids).size).toBe(ids.length);
  const userTexts = await page.locator('[data-testid="sd-message"][data-role="user"]').allInnerTexts();
  expect(userTexts.filter((t) => t.includes('thank you'))).toHaveLength(1);
  await page.close();
});
