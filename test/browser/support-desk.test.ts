/**
 * The support desk end to end in real Chromium, two browser contexts: a
 * shopper asks for a person -> a ticket appears in the right queue with a
 * summary -> an agent signs in to the console, takes over, messages flow both
 * ways (the bot stays quiet meanwhile), and the agent resolves the ticket.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../helpers/chromium';
import { startTestServer, type TestServer } from '../helpers/server';

jest.setTimeout(180_000);

let test_: TestServer;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let shopperContext: BrowserContext;
let agentContext: BrowserContext;

beforeAll(async () => {
  test_ = await startTestServer({ SHOPDESK_SEED_SCALE: '0.05' });
  while (!test_.server.assistant()) await new Promise((r) => setTimeout(r, 100));
  ({ browser, close: closeBrowser } = await launchChromium());
  shopperContext = await browser.newContext();
  agentContext = await browser.newContext();
});

afterAll(async () => {
  await closeBrowser?.();
  await test_?.stop();
});

const bubbles = (page: Page, role: string) => page.locator(`[data-testid="sd-message"][data-role="${role}"]`);

async function shopperSays(page: Page, text: string, waitForBot = true): Promise<void> {
  const before = await bubbles(page, 'bot').count();
  await page.fill('[data-testid="sd-input"]', text);
  await page.press('[data-testid="sd-input"]', 'Enter');
  await bubbles(page, 'user').filter({ hasText: text }).last().waitFor();
  if (waitForBot) await bubbles(page, 'bot').nth(before).waitFor({ timeout: 15_000 });
}

test('shopper asks for a person, the agent takes over, talks, and resolves', async () => {
  const shopper = await shopperContext.newPage();
  await shopper.goto(`${test_.server.url}/`);
  await shopper.click('[data-testid="sd-launcher"]');
  await shopper.locator('[data-testid="sd-input"]').waitFor();
  await shopperSays(shopper, 'where is my order #48213?');
  await shopperSays(shopper, 'alex.morgan@example.com');
  await shopper.locator('[data-testid="sd-timeline"]').last().waitFor();
  await shopperSays(shopper, 'it is taking too long, I want to talk to a real person');
  const handoffText = await bubbles(shopper, 'bot').last().innerText();
  const ticketId = Number(/ticket #(\d+)/.exec(handoffText)?.[1]);
  expect(ticketId).toBeGreaterThan(0);

  // The agent signs in; a wrong password is refused first.
  const agent = await agentContext.newPage();
  await agent.goto(`${test_.server.url}/console`);
  await agent.fill('[data-testid="login-email"]', 'ava@shopdesk.example');
  await agent.fill('[data-testid="login-password"]', 'wrong-password');
  await agent.click('[data-testid="login-submit"]');
  await agent.locator('[data-testid="login-error"]', { hasText: /wrong email or password/i }).waitFor();
  await agent.fill('[data-testid="login-password"]', 'shopdesk-demo');
  await agent.click('[data-testid="login-submit"]');
  await agent.locator('[data-testid="me"]', { hasText: 'Ava Agent' }).waitFor();

  // The ticket sits in the shipping queue (where is my order = delivery) with a factual summary.
  await agent.locator('[data-testid="queue-count-shipping_delivery"]', { hasText: '1' }).waitFor();
  await agent.click('[data-testid="queue-shipping_delivery"]');
  await agent.click(`[data-testid="ticket-row"][data-ticket-id="${ticketId}"]`);
  const summary = await agent.locator('[data-testid="ticket-summary"]').innerText();
  expect(summary).toContain('48213');
  expect(summary.toLowerCase()).toContain('in transit');
  expect(summary).toMatch(/verified/i);
  expect(await agent.locator('[data-testid="transcript"]').innerText()).toContain('where is my order #48213?');
  expect(await agent.locator('[data-testid="customer-panel"]').innerText()).toContain('alex.morgan@example.com');

  // Take over: the shopper is told, the agent's reply reaches the shopper.
  await agent.click('[data-testid="takeover"]');
  await bubbles(shopper, 'system').filter({ hasText: 'Ava Agent' }).waitFor();
  await agent.locator('[data-testid="reply-text"]').waitFor();
  await agent.fill('[data-testid="reply-text"]', 'Hi Alex, I have checked with the carrier: your parcel arrives tomorrow.');
  await agent.click('[data-testid="reply-send"]');
  await bubbles(shopper, 'agent').filter({ hasText: 'arrives tomorrow' }).waitFor();

  // The shopper answers: the agent sees it live, the bot stays quiet.
  const botBefore = await bubbles(shopper, 'bot').count();
  await shopperSays(shopper, 'great, thank you so much', false);
  await agent.locator('[data-testid="transcript"] [data-role="user"]', { hasText: 'great, thank you so much' }).waitFor();
  await shopper.waitForTimeout(1500);
  expect(await bubbles(shopper, 'bot').count()).toBe(botBefore);

  // Resolve with a reason: the ticket leaves the open queue, the shopper is told.
  await agent.fill('[data-testid="resolution"]', 'carrier confirmed delivery date');
  await agent.click('[data-testid="resolve"]');
  await bubbles(shopper, 'system').filter({ hasText: 'closed this request' }).waitFor();
  await agent.locator('[data-testid="queue-count-shipping_delivery"]', { hasText: '0' }).waitFor();
  const stored = await test_.server.database.database!.prisma.ticket.findUniqueOrThrow({ where: { id: ticketId } });
  expect(stored).toMatchObject({ status: 'resolved', resolution: 'carrier confirmed delivery date', queue: 'shipping_delivery' });

  // With the ticket resolved the bot answers again.
  await shopperSays(shopper, 'where is my order #48213?');
});
