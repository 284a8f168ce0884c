/** The HTTP server: health, readiness, storefront pages, bad input, graceful close. */
import { loadConfig } from '../../src/config';
import { startServer } from '../../src/server';
import { startTestServer, type TestServer } from '../helpers/server';

describe('server with an embedded store', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => t.stop());

  test('healthz and readyz answer 200 once the store, the NLU model and the chat are ready', async () => {
    while (!t.server.assistant()) await new Promise((r) => setTimeout(r, 100));
    expect((await fetch(`${t.server.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${t.server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: 'ok', nlu: 'ok', chat: 'ok' });
  });

  test('the storefront lists products from the database, filters by category and pages', async () => {
    const all = await (await fetch(`${t.server.url}/api/products`)).json();
    expect(all.total).toBeGreaterThan(20);
    const page = await (await fetch(`${t.server.url}/`)).text();
    expect(page).toContain(`${all.total.toLocaleString('en-US')} products`);
    expect(page).toContain(all.products[0].title.replace(/&/g, '&amp;').replace(/'/g, '&#39;'));
    const category = all.products[0].category as string;
    const filtered = await (await fetch(`${t.server.url}/api/products?category=${encodeURIComponent(category)}`)).json();
    expect(filtered.total).toBeLessThan(all.total);
    expect(filtered.products.every((p: { category: string }) => p.category === category)).toBe(true);
    const second = await (await fetch(`${t.server.url}/api/products?page=2`)).json();
    expect(second.products[0].id).not.toBe(all.products[0].id);
  });

  test('a product page shows its details, reviews and picture', async () => {
    const { products } = await (await fetch(`${t.server.url}/api/products`)).json();
    const product = products[0];
    const page = await fetch(`${t.server.url}/products/${product.id}`);
    expect(page.status).toBe(200);
    const body = await page.text();
    expect(body).toContain(`data-sku="${product.sku}"`);
    expect(body).toMatch(/reviews\)/);
    const image = await fetch(`${t.server.url}${product.imageUrl}`);
    expect(image.headers.get('content-type')).toContain('image/svg+xml');
  });

  test('bad input gets a clear error, not a crash', async () => {
    expect((await fetch(`${t.server.url}/products/99999999`)).status).toBe(404);
    expect((await fetch(`${t.server.url}/products/not-a-number`)).status).toBe(404);
    const bad = await fetch(`${t.server.url}/api/products?page=-3`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toBe('invalid_query');
    const search = await (await fetch(`${t.server.url}/?q=${encodeURIComponent('<script>alert(1)</script>')}`)).text();
    expect(search).not.toContain('<script>alert(1)</script>');
    expect(search).toContain('&lt;script&gt;');
  });
});

describe('server with an unreachable database', () => {
  test('reports not ready, keeps serving health, retries, and closes cleanly', async () => {
    const config = loadConfig({
      DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/none',
      SHOPDESK_PORT: '0',
      SHOPDESK_LOG_LEVEL: 'silent',
      SHOPDESK_DB_RETRY_MS: '50',
    });
    const server = await startServer(config);
    try {
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      const ready = await fetch(`${server.url}/readyz`);
      expect(ready.status).toBe(503);
      expect((await ready.json()).status).toBe('not_ready');
      const state = server.database.current;
      expect(state.status).toBe('failed');
      expect(state.status === 'failed' && state.attempts).toBeGreaterThan(1);
      expect((await fetch(`${server.url}/`)).status).toBe(503);
    } finally {
      await server.close();
    }
  });
});
