/**
 * The merchandiser's path in real Chromium: the dashboard asks for sign-in,
 * the merchandiser sees charts, alerts and linked quotes computed from the
 * store, a category filter changes the numbers, a download works, and an
 * agent account is turned away.
 */
import path from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import type { Db } from '../../src/store';
import { launchChromium } from '../helpers/chromium';
import { startTestServer, type TestServer } from '../helpers/server';

jest.setTimeout(240_000);

const ROOT = path.resolve(__dirname, '../..');
const PASSWORD = 'shopdesk-demo';
let test_: TestServer;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let db: Db;

/** The page's bundle, as scripts/build-widget.js makes it (only this entry, so other bundles in progress do not matter). */
async function buildDashboardBundle(): Promise<void> {
  await build({
    entryPoints: [path.join(ROOT, 'widget/dashboard/index.ts')],
    outfile: path.join(ROOT, 'widget/public/dashboard.js'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2019',
    minify: true,
    logLevel: 'warning',
  });
}

beforeAll(async () => {
  await buildDashboardBundle();
  test_ = await startTestServer();
  db = test_.server.database.database!.prisma;
  // Staff sign-in is wired once the NLU model has loaded, then the demo accounts are created.
  while ((await db.agent.count()) < 3) await new Promise((resolve) => setTimeout(resolve, 200));
  for (;;) {
    const response = await fetch(`${test_.server.url}/api/staff/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'nobody@shopdesk.example', password: 'not-a-password' }),
    });
    if (response.status !== 503) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  ({ browser, close: closeBrowser } = await launchChromium());
});

afterAll(async () => {
  await closeBrowser?.();
  await test_?.stop();
});

/** Console errors other than the expected 401/403 answers (CSP violations would show up here). */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/Failed to load resource: the server responded with a status of 40[13]/.test(message.text()))
      errors.push(message.text());
  });
  return errors;
}

async function signIn(page: Page, email: string): Promise<void> {
  await page.locator('[data-testid="login-form"]').waitFor();
  await page.fill('[data-testid="login-email"]', email);
  await page.fill('[data-testid="login-password"]', PASSWORD);
  await page.click('[data-testid="login-submit"]');
}

const content = (page: Page) => page.locator('[data-testid="dash-content"]');

async function waitForReviews(page: Page, reviews: number): Promise<void> {
  await page.locator(`[data-testid="dash-content"][data-state="ready"][data-reviews="${reviews}"]`).waitFor({ timeout: 120_000 });
}

test('a merchandiser signs in, reads the charts, alerts and quotes, filters by category and downloads CSV', async () => {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await page.goto(`${test_.server.url}/dashboard`);
  await signIn(page, 'mia@shopdesk.example');

  const total = await db.review.count();
  await waitForReviews(page, total);
  expect(await page.locator('[data-testid="summary-reviews"] b').innerText()).toBe(total.toLocaleString('en-US'));

  // Weekly trend: a server-drawn line chart with one point per week, adopted as real SVG elements.
  const points = await page.locator('[data-testid="trend-chart"] svg polyline').first().getAttribute('points');
  expect(points!.trim().split(/\s+/).length).toBeGreaterThan(10);
  expect(await page.locator('[data-testid="volume-chart"] svg polyline').count()).toBe(1);
  // Aspect scores: one bar per mentioned aspect, with its score.
  const bars = page.locator('[data-testid="aspect-chart"] [data-testid="aspect-bar"]');
  expect(await bars.count()).toBeGreaterThan(3);
  const scores = await bars.evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-score'))));
  expect(scores.every((s) => s >= -1 && s <= 1)).toBe(true);
  // Distribution: a stacked bar per category, whose review counts add up to the total.
  const categoryRows = page.locator('[data-testid="row-category"]');
  const counts = await categoryRows.evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-reviews'))));
  expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
  expect(await page.locator('[data-testid="row-category"] [data-testid="dist-bar"] rect').count()).toBe(counts.length * 3);

  // Alerts name their test, and list items or say there are none.
  const method = await page.locator('[data-testid="alerts-method"]').innerText();
  expect(method).toMatch(/two-proportion z-test/i);
  expect(method).toMatch(/Benjamini-Hochberg/);
  expect(
    (await page.locator('[data-testid="alert-list"] [data-testid="alert"]').count()) + (await page.locator('[data-testid="no-alerts"]').count()),
  ).toBeGreaterThan(0);

  // Quotes link to their review on the product page.
  const quoteLinks = page.locator('[data-testid="themes"] [data-testid="quote-link"]');
  expect(await quoteLinks.count()).toBeGreaterThan(0);
  const href = (await quoteLinks.first().getAttribute('href'))!;
  const [, productId, reviewId] = /^\/products\/(\d+)\?review=(\d+)#review-\2$/.exec(href)!;
  expect((await db.review.findUniqueOrThrow({ where: { id: Number(reviewId) } })).productId).toBe(Number(productId));
  const quoted = await page.locator('[data-testid="themes"] [data-testid="quote"]').first().locator('blockquote').innerText();
  expect((await db.review.findUniqueOrThrow({ where: { id: Number(reviewId) } })).text).toBe(quoted);

  // Filter by a category: the numbers become that category's, and the URL keeps the filter.
  const shoes = await db.review.count({ where: { product: { category: 'shoes' } } });
  expect(shoes).toBeLessThan(total);
  await page.selectOption('[data-testid="filter-category"]', 'shoes');
  await waitForReviews(page, shoes);
  expect(await page.locator('[data-testid="summary-reviews"] b').innerText()).toBe(shoes.toLocaleString('en-US'));
  expect(await page.locator('[data-testid="row-category"]').count()).toBe(0);
  expect(new URL(page.url()).searchParams.get('category')).toBe('shoes');
  const brandOptions = await page.locator('[data-testid="filter-brand"] option').allInnerTexts();
  const shoeBrands = await db.product.findMany({ where: { category: 'shoes', reviews: { some: {} } }, distinct: ['brand'], select: { brand: true } });
  expect(brandOptions.slice(1).sort()).toEqual(shoeBrands.map((b) => b.brand).sort());

  // The CSV link downloads this filtered report with the page's session.
  const csvHref = (await page.locator('[data-testid="export-csv"]').getAttribute('href'))!;
  expect(csvHref).toBe('/api/dashboard/report.csv?category=shoes');
  const csv = await page.request.get(`${test_.server.url}${csvHref}`);
  expect(csv.status()).toBe(200);
  const overall = (await csv.text()).split('\n')[1]!.split(',');
  expect(overall.slice(0, 4)).toEqual(['overall', 'all', '', String(shoes)]);

  // A reload keeps the filter.
  await page.reload();
  await waitForReviews(page, shoes);
  expect(errors).toEqual([]);
  await page.close();
});

test('an agent account is refused', async () => {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await page.goto(`${test_.server.url}/dashboard`);
  await signIn(page, 'ava@shopdesk.example');
  await page.locator('[data-testid="refused"]').waitFor();
  expect(await page.locator('[data-testid="refused"]').innerText()).toMatch(/cannot open the merchandiser dashboard/);
  expect(await content(page).count()).toBe(0);
  // Its session gets nothing from the API either.
  expect((await page.request.get(`${test_.server.url}/api/dashboard/report`)).status()).toBe(403);
  // Signing out offers the sign-in form again.
  await page.click('[data-testid="refused-sign-out"]');
  await page.locator('[data-testid="login-form"]').waitFor();
  expect(errors).toEqual([]);
  await page.close();
});
