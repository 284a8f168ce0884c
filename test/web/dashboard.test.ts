/**
 * The merchandiser dashboard API over a small seeded store, in-process: who may
 * see it, that its numbers are the store's (counts per filter straight from the
 * database), that scoring runs in slices and is cached and rebuilt when reviews
 * change, and the report downloads.
 */
import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { buildSentimentReport, loadSentimentModel, type SentimentReport } from '../../src/sentiment';
import { migrateDatabase, openDatabase, seedDatabase, type Database } from '../../src/store';
import { ensureDemoStaff, registerStaffRoutes, StaffAuth, STAFF_COOKIE } from '../../src/support';
import { loadReviewRecords, registerDashboard, type DashboardHandle, type FilterChoices, type ReportResponse } from '../../src/web/dashboard';
import { tempSqliteUrl, type TestDatabase } from '../helpers/databases';

jest.setTimeout(180_000);

const PASSWORD = 'shopdesk-demo';
const model = loadSentimentModel();
let tmp: TestDatabase;
let database: Database;
let app: FastifyInstance;
let dashboard: DashboardHandle;
let merchandiser = '';
let agent = '';

// Real HTTP on port 0: fastify.inject's cookie parser is ESM-only and cannot load under jest.
let base = '';
interface Answer {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  json(): any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function request(url: string, init: RequestInit = {}): Promise<Answer & { setCookie: string[] }> {
  const response = await fetch(base + url, init);
  const body = await response.text();
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  return { statusCode: response.status, headers, body, json: () => JSON.parse(body), setCookie: response.headers.getSetCookie() };
}

async function cookieFor(email: string): Promise<string> {
  const response = await request('/api/staff/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  expect(response.statusCode).toBe(200);
  const line = response.setCookie.find((c) => c.startsWith(`${STAFF_COOKIE}=`))!;
  return line.split(';')[0]!;
}

const get = (url: string, cookie = merchandiser): Promise<Answer> => request(url, { headers: cookie ? { cookie } : {} });
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** Polls the report until it is ready; returns it and the progress answers seen on the way. */
async function report(
  query = '',
): Promise<{ report: SentimentReport; view: Extract<ReportResponse, { status: 'ready' }>['view']; progress: { done: number; total: number }[] }> {
  const progress: { done: number; total: number }[] = [];
  for (let i = 0; i < 100_000; i++) {
    const response = await get(`/api/dashboard/report${query}`);
    const body = response.json() as ReportResponse;
    if (response.statusCode === 200 && body.status === 'ready') return { report: body.view.report, view: body.view, progress };
    expect(response.statusCode).toBe(202);
    if (body.status === 'scoring') progress.push({ done: body.done, total: body.total });
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the report never became ready');
}

beforeAll(async () => {
  tmp = tempSqliteUrl('dashboard-api');
  await migrateDatabase(tmp.url);
  await seedDatabase(tmp.url, { scale: 0.03, referenceDate: new Date('2026-11-01T00:00:00Z') });
  database = openDatabase(tmp.url);
  await database.prepare();
  await ensureDemoStaff(database.prisma, PASSWORD);
  const auth = new StaffAuth(database.prisma);
  app = Fastify();
  await app.register(fastifyCookie);
  registerStaffRoutes(app, { auth: () => auth, secureCookie: false });
  // 1 ms slices: the small test store still takes many slices, so progress between them is observable.
  dashboard = registerDashboard(app, { db: () => database.prisma, auth: () => auth, sentiment: () => model, sliceMs: 1 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  merchandiser = await cookieFor('mia@shopdesk.example');
  agent = await cookieFor('ava@shopdesk.example');
});

afterAll(async () => {
  await app?.close();
  await database?.close();
  await tmp?.drop();
});

describe('access', () => {
  test('signed out: 401 on every dashboard API, while the page shell is public and locked down by CSP', async () => {
    for (const url of [
      '/api/dashboard/report',
      '/api/dashboard/filters',
      '/api/dashboard/report.csv',
      '/api/dashboard/report.json',
      '/api/dashboard/report.html',
    ]) {
      expect((await get(url, '')).statusCode).toBe(401);
    }
    const page = await get('/dashboard', '');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.body).toContain('<script src="/static/dashboard.js"');
    expect(page.body).toContain('/static/dashboard.css');
  });

  test('an agent is refused with 403', async () => {
    for (const url of ['/api/dashboard/report', '/api/dashboard/filters', '/api/dashboard/report.csv']) {
      const response = await get(url, agent);
      expect(response.statusCode).toBe(403);
    }
  });
});

describe('the report for a merchandiser', () => {
  let full: SentimentReport;
  let view: Awaited<ReturnType<typeof report>>['view'];

  test('the first request answers 202 at once and scoring proceeds in slices until the view is ready', async () => {
    const first = await get('/api/dashboard/report');
    expect(first.statusCode).toBe(202);
    expect(first.json()).toMatchObject({ status: 'scoring' });
    expect(first.headers['retry-after']).toBe('1');
    // While scoring runs, the event loop keeps turning: progress strictly between 0 and the total is seen.
    const total = await database.prisma.review.count();
    const seen: number[] = [];
    while (dashboard.status().state === 'scoring') {
      seen.push(dashboard.status().done);
      await nextTurn();
    }
    expect(seen.some((done) => done > 0 && done < total)).toBe(true);
    expect(dashboard.status()).toEqual({ state: 'ready', done: total, total });
    ({ report: full, view } = await report());
  });

  test('the distribution counts equal the store reviews, per category and brand too', async () => {
    const total = await database.prisma.review.count();
    const { overall } = full;
    expect(overall.reviews).toBe(total);
    expect(overall.negative + overall.neutral + overall.positive).toBe(total);
    const perCategory = await database.prisma.product.findMany({ select: { category: true, brand: true, _count: { select: { reviews: true } } } });
    const byCategory = new Map<string, number>();
    const byBrand = new Map<string, number>();
    for (const p of perCategory) {
      if (p._count.reviews === 0) continue;
      byCategory.set(p.category, (byCategory.get(p.category) ?? 0) + p._count.reviews);
      byBrand.set(p.brand, (byBrand.get(p.brand) ?? 0) + p._count.reviews);
    }
    expect(Object.fromEntries(full.categories.map((c) => [c.category, c.reviews]))).toEqual(Object.fromEntries(byCategory));
    expect(Object.fromEntries(full.brands.map((b) => [b.brand, b.reviews]))).toEqual(Object.fromEntries(byBrand));
    for (const d of [...full.categories, ...full.brands, ...full.products]) expect(d.negative + d.neutral + d.positive).toBe(d.reviews);
  });

  test('the view carries aspects, themes with linked quotes, trend charts, alerts with their test, and disagreements', async () => {
    expect(full.aspects.reduce((n, a) => n + a.mentions, 0)).toBeGreaterThan(0);
    expect(full.themes.negative.length).toBeGreaterThan(0);
    expect(full.themes.positive.length).toBeGreaterThan(0);
    const quotes = [...full.themes.negative, ...full.themes.positive].flatMap((t) => t.quotes.map((q) => ({ ...q, polarity: t.polarity })));
    expect(quotes.length).toBeGreaterThan(0);
    for (const q of quotes) {
      // The quote is the review in the store, on the product the link points at, and its clause is in it.
      const row = await database.prisma.review.findUniqueOrThrow({ where: { id: q.reviewId } });
      expect(row.productId).toBe(q.productId);
      expect(row.text).toBe(q.text);
      expect(q.text).toContain(q.opinion);
      expect(q.label).toBe(q.polarity);
    }
    expect(view.links.review.replace('{productId}', '7').replace(/\{reviewId\}/g, '42')).toBe('/products/7?review=42#review-42');
    // Trend charts: one polyline point per week for each series.
    const points = /<polyline[^>]*points="([^"]+)"/.exec(view.charts.trend)![1]!.trim().split(/\s+/);
    expect(points.length).toBe(full.weekly.length);
    expect(view.charts.volume).toContain('<polyline');
    for (const p of full.rising.products) {
      expect(p.z).toBeGreaterThan(0);
      expect(p.significant).toBe(p.q < full.rising.falseDiscoveryRate);
    }
    expect(full.rising.tested).toBeGreaterThan(0);
    for (const d of full.disagreements.examples) expect(d.rating >= 4 ? d.label === 'negative' : d.rating <= 2 && d.label === 'positive').toBe(true);
  });

  test('scoring in slices gives the same report as the CLI (buildSentimentReport over the same reviews)', async () => {
    const reviews = await loadReviewRecords(database.prisma);
    const expected = buildSentimentReport(reviews, model, { source: 'store reviews' });
    // Compared as JSON: that is what the dashboard sends (undefined filters drop out, dates are strings).
    const strip = ({ generatedAt: _g, seconds: _s, ...rest }: SentimentReport) => JSON.parse(JSON.stringify(rest)) as unknown;
    expect(strip(full)).toEqual(strip(expected));
  });

  test('filter choices list the categories, brands and products that have reviews', async () => {
    const response = await get('/api/dashboard/filters');
    expect(response.statusCode).toBe(200);
    const choices = response.json() as FilterChoices;
    expect(choices.categories).toEqual(full.categories.map((c) => c.category));
    expect(choices.brands.map((b) => b.name)).toEqual(full.brands.map((b) => b.brand));
    expect(choices.products.map((p) => p.id).sort((a, b) => a - b)).toEqual(full.products.map((p) => p.productId).sort((a, b) => a - b));
  });
});

describe('filters', () => {
  test('category, brand, product and since narrow the counts to what the database counts', async () => {
    const product = await database.prisma.product.findFirstOrThrow({ where: { reviews: { some: {} } }, orderBy: { id: 'asc' } });
    const category = product.category;
    const brand = product.brand;
    const since = '2026-06-01';
    const cases: [string, object][] = [
      [`?category=${encodeURIComponent(category)}`, { product: { category } }],
      [`?category=${encodeURIComponent(category.toUpperCase())}`, { product: { category } }],
      [`?brand=${encodeURIComponent(brand)}`, { product: { brand } }],
      [`?category=${encodeURIComponent(category)}&brand=${encodeURIComponent(brand)}`, { product: { category, brand } }],
      [`?product=${product.id}`, { productId: product.id }],
      [`?since=${since}`, { createdAt: { gte: new Date(`${since}T00:00:00Z`) } }],
    ];
    for (const [query, where] of cases) {
      const expected = await database.prisma.review.count({ where });
      const { report: filtered } = await report(query);
      expect([query, filtered.overall.reviews]).toEqual([query, expected]);
      expect(filtered.overall.negative + filtered.overall.neutral + filtered.overall.positive).toBe(expected);
    }
    const { report: one } = await report(`?category=${encodeURIComponent(category)}`);
    expect(one.categories.map((c) => c.category)).toEqual([category]);
    expect(one.filters.category).toBe(category);
  });

  test('bad filters are a 400 with the reason', async () => {
    for (const query of ['?product=abc', '?since=yesterday', '?since=2026-13-45', `?category=${'x'.repeat(101)}`]) {
      const response = await get(`/api/dashboard/report${query}`);
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toEqual(expect.any(String));
    }
  });
});

describe('cache', () => {
  test('a filter set is computed once and served from the cache until the reviews change', async () => {
    const first = await report('?category=shoes');
    const again = await report('?category=SHOES');
    expect(again.report.generatedAt).toBe(first.report.generatedAt);

    // A new review changes the table's fingerprint: the next request rebuilds, scoring only that review.
    const product = await database.prisma.product.findFirstOrThrow({ where: { category: 'shoes' } });
    const customer = await database.prisma.customer.findFirstOrThrow();
    await database.prisma.review.create({
      data: {
        productId: product.id,
        customerId: customer.id,
        rating: 1,
        title: 'Awful',
        text: 'The sole came off after two days, terrible quality.',
        createdAt: new Date('2026-10-30T12:00:00Z'),
      },
    });
    const after = await report('?category=shoes');
    expect(after.report.overall.reviews).toBe(first.report.overall.reviews + 1);
    expect(dashboard.status()).toEqual({ state: 'ready', done: 1, total: 1 });

    // invalidate() forces a rebuild (e.g. after edits the fingerprint cannot see); nothing needs rescoring.
    dashboard.invalidate();
    const rebuilt = await report('?category=shoes');
    expect(rebuilt.report.generatedAt).not.toBe(after.report.generatedAt);
    expect(rebuilt.report.overall).toEqual(after.report.overall);
    expect(dashboard.status().total).toBe(0);
  });
});

describe('exports', () => {
  test('CSV for a category: the CLI renderer, as an attachment, with the filtered counts', async () => {
    const { report: shoes } = await report('?category=shoes');
    const response = await get('/api/dashboard/report.csv?category=shoes');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toBe('attachment; filename="sentiment-report-shoes.csv"');
    const lines = response.body.trim().split('\n');
    expect(lines[0]).toBe('section,name,category,reviews,negative,neutral,positive,negative_share,mean_score,mean_rating,z,p,q,detail');
    expect(lines[1]!.split(',').slice(0, 4)).toEqual(['overall', 'all', '', String(shoes.overall.reviews)]);
    expect(lines.filter((l) => l.startsWith('category,')).map((l) => l.split(',')[1])).toEqual(['shoes']);
    expect(lines.filter((l) => l.startsWith('brand,')).length).toBe(shoes.brands.length);
  });

  test('JSON and HTML downloads carry the same report', async () => {
    const { report: all } = await report();
    const json = await get('/api/dashboard/report.json');
    expect(json.headers['content-disposition']).toBe('attachment; filename="sentiment-report-all.json"');
    expect((json.json() as SentimentReport).overall).toEqual(all.overall);
    const html = await get('/api/dashboard/report.html?brand=Stridewell');
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.body).toContain('<svg');
    expect(html.body).toContain('brand=Stridewell');
  });
});
