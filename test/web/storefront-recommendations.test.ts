/**
 * The storefront's "You may also like" (a real server on port 0): an anonymous
 * session cookie, a recorded 'view' per product page, recommendations from the
 * hybrid for the product and that session's views only, and products created
 * after training shown through content similarity.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { registerStorefront, VISITOR_COOKIE } from '../../src/web/storefront';
import { createNewProduct, trainStoreModel, type TrainedStoreModel } from '../recommend/store-model';
import { seededStore, type SeededStore } from '../tools/tool-context';

let store: SeededStore;
let trained: TrainedStoreModel;
let app: FastifyInstance;
let base: string;

async function serve(target: FastifyInstance): Promise<string> {
  await target.listen({ host: '127.0.0.1', port: 0 });
  const address = target.server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

beforeAll(async () => {
  store = await seededStore('shopdesk-web-recommend');
  trained = await trainStoreModel(store.db);
  app = Fastify();
  registerStorefront(app, { db: () => store.db, recommender: () => trained.live });
  base = await serve(app);
}, 120_000);
afterAll(async () => {
  await app?.close();
  trained?.remove();
  await store?.close();
});

const decode = (s: string) => s.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

interface Page {
  status: number;
  /** The value of the visitor cookie set by this response, if any. */
  issued?: string;
  setCookie?: string;
  /** "You may also like" cards in page order. */
  cards: { id: number; reason: string }[];
  hasSection: boolean;
}

async function visit(productId: number, visitor?: string, url: string = base): Promise<Page> {
  const res = await fetch(`${url}/products/${productId}`, { headers: visitor ? { cookie: `other=1; ${VISITOR_COOKIE}=${visitor}` } : {} });
  const body = await res.text();
  const setCookie = res.headers.getSetCookie().find((c) => c.startsWith(`${VISITOR_COOKIE}=`));
  const section = /<section class="also-like"[\s\S]*?<\/section>/.exec(body)?.[0] ?? '';
  const cards = [...section.matchAll(/<li class="card" data-product-id="(\d+)">[\s\S]*?<span class="reason">([^<]*)<\/span>/g)].map((m) => ({ id: Number(m[1]), reason: decode(m[2]!) }));
  return { status: res.status, issued: setCookie?.split(';')[0]!.split('=')[1], setCookie, cards, hasSection: section !== '' };
}

/** A new visitor: opens a first page and keeps the cookie it was given. */
async function newVisitor(firstProduct: number): Promise<{ id: string; first: Page }> {
  const first = await visit(firstProduct);
  return { id: first.issued!, first };
}

const soldOut = async () => (await store.db.product.findMany({ where: { stock: { lte: 0 } }, select: { id: true } })).map((p) => String(p.id));

describe('storefront visitor session', () => {
  test('a first visit gets a random httpOnly session cookie; every product page records a view for that session', async () => {
    const a = await visit(3);
    expect(a.status).toBe(200);
    expect(a.issued).toMatch(/^[0-9a-f]{32}$/);
    expect(a.setCookie).toMatch(/; HttpOnly/);
    expect(a.setCookie).toMatch(/; SameSite=Lax/);
    expect(a.setCookie).toMatch(/; Path=\//);
    const b = await visit(3);
    expect(b.issued).not.toBe(a.issued);

    const again = await visit(4, a.issued);
    expect(again.setCookie).toBeUndefined();
    const rows = await store.db.interaction.findMany({ where: { sessionId: `web_${a.issued}` }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => [r.productId, r.kind, r.customerId])).toEqual([
      [3, 'view', null],
      [4, 'view', null],
    ]);
    // A cookie the server did not issue is replaced, never used as a session id.
    const forged = await visit(5, 's_000001');
    expect(forged.issued).toMatch(/^[0-9a-f]{32}$/);
    expect(await store.db.interaction.count({ where: { sessionId: { in: ['s_000001', 'web_s_000001'] }, at: { gt: new Date(Date.now() - 60_000) } } })).toBe(0);
  });
});

describe('You may also like', () => {
  test('shows cards with reasons from the hybrid for the product', async () => {
    const { first } = await newVisitor(1);
    const view = (await trained.live.current())!;
    const expected = view.recommend({ seedItem: '1', sessionItems: [], exclude: await soldOut(), k: 4 });
    expect(first.cards.map((c) => String(c.id))).toEqual(expected.map((r) => r.item));
    expect(first.cards).toHaveLength(4);
    for (const card of first.cards) {
      expect(card.id).not.toBe(1);
      expect(card.reason).toMatch(/^(bought together with|similar to|because you viewed|often viewed after|popular in) ./);
    }
  });

  test("a new visitor's own session views shape the cards, and another visitor's never do", async () => {
    const exclude = await soldOut();
    const view = (await trained.live.current())!;
    const nobody = await newVisitor(46);

    const browsing = await newVisitor(12);
    await visit(45, browsing.id);
    const shaped = await visit(46, browsing.id);
    const expected = view.recommend({ seedItem: '46', sessionItems: ['12', '45'], exclude, k: 4 });
    expect(shaped.cards.map((c) => String(c.id))).toEqual(expected.map((r) => r.item));
    expect(shaped.cards.map((c) => c.id)).not.toEqual(nobody.first.cards.map((c) => c.id));

    // Someone else browses a lot; a newcomer on the same page sees exactly what a newcomer saw before.
    const other = await newVisitor(10);
    for (const id of [22, 23, 24, 25]) await visit(id, other.id);
    const newcomer = await newVisitor(46);
    expect(newcomer.first.cards).toEqual(nobody.first.cards);
  });

  test('a product created after training appears on a similar product page and gets its own cards by content similarity', async () => {
    const seed = await store.db.product.findUniqueOrThrow({ where: { id: 2 } });
    const fresh = await createNewProduct(store.db, seed.id, `${seed.title.replace(/, \w+$/, '')}, Orange`);
    trained.live.invalidate();
    expect(await store.db.interaction.count({ where: { productId: fresh.id } })).toBe(0);

    const seedPage = (await newVisitor(seed.id)).first;
    expect(seedPage.cards.find((c) => c.id === fresh.id)).toEqual({ id: fresh.id, reason: `similar to ${seed.title}` });

    const freshPage = (await newVisitor(fresh.id)).first;
    expect(freshPage.cards).toHaveLength(4);
    for (const card of freshPage.cards) expect(card.reason).toBe(`similar to ${fresh.title}`);
  });

  test('without a recommender the page is complete, without the section, and still records the view', async () => {
    const bare = Fastify();
    registerStorefront(bare, { db: () => store.db });
    const bareUrl = await serve(bare);
    try {
      const page = await visit(7, undefined, bareUrl);
      expect(page.status).toBe(200);
      expect(page.hasSection).toBe(false);
      expect(await store.db.interaction.count({ where: { sessionId: `web_${page.issued}`, productId: 7 } })).toBe(1);
    } finally {
      await bare.close();
    }
  });
});

describe('review links', () => {
  test("a dashboard quote's link shows that review highlighted, even when it is older than the recent ones, and only on its own product", async () => {
    const product = await store.db.review.groupBy({ by: ['productId'], _count: { _all: true }, orderBy: { _count: { productId: 'desc' } }, take: 1 });
    const productId = product[0]!.productId;
    expect(product[0]!._count._all).toBeGreaterThan(6);
    const oldest = await store.db.review.findFirstOrThrow({ where: { productId }, orderBy: { createdAt: 'asc' } });
    const plain = await (await fetch(`${base}/products/${productId}`)).text();
    expect(plain).not.toContain(`id="review-${oldest.id}"`);
    const linked = await (await fetch(`${base}/products/${productId}?review=${oldest.id}#review-${oldest.id}`)).text();
    expect(linked).toMatch(new RegExp(`class="review highlighted" id="review-${oldest.id}"`));
    const other = await store.db.review.findFirstOrThrow({ where: { productId: { not: productId } } });
    const elsewhere = await (await fetch(`${base}/products/${productId}?review=${other.id}`)).text();
    expect(elsewhere).not.toContain(`id="review-${other.id}"`);
    expect(elsewhere).not.toContain('highlighted');
  });
});
