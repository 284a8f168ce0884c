/**
 * The chat's recommend tool on the hybrid: a model trained on the seeded test
 * store and loaded the way the assistant loads it. Cold start (a product
 * created after training), a new visitor's conversation (no customer, no
 * history: only what the chat showed), and one customer's history never
 * reaching another conversation.
 */
import { DialogueEngine } from '../../src/dialogue/engine';
import type { ProductCard } from '../../src/dialogue/reply';
import { ResponseTemplates } from '../../src/dialogue/responses';
import type { ParseResult } from '../../src/nlu';
import { ConversationStore } from '../../src/store';
import { createToolRegistry, invalidateCatalog, type ToolOutcome, type ToolRegistry } from '../../src/tools';
import { makeContext, seededStore, type SeededStore } from '../tools/tool-context';
import { createNewProduct, trainStoreModel, type TrainedStoreModel } from './store-model';

let store: SeededStore;
let trained: TrainedStoreModel;
let registry: ToolRegistry;

beforeAll(async () => {
  store = await seededStore('shopdesk-chat-recommend');
  trained = await trainStoreModel(store.db);
  registry = createToolRegistry();
}, 120_000);
afterAll(async () => {
  trained?.remove();
  await store?.close();
});

function cards(outcome: ToolOutcome): ProductCard[] {
  if (outcome.status !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(outcome)}`);
  expect(outcome.data.recommender).toBe('hybrid');
  return outcome.products ?? [];
}

const recommend = (input: unknown, options: { customerId?: number; session?: number[] } = {}) =>
  registry.run(
    'recommend',
    input,
    makeContext(store.db, {
      verification: { customerId: options.customerId ?? null },
      recommender: { live: trained.live, sessionProductIds: options.session ?? [] },
    }),
  );

describe('recommend tool on the hybrid', () => {
  test('without a model in the context it still answers, with the baseline', async () => {
    const outcome = await registry.run('recommend', { limit: 3 }, makeContext(store.db));
    expect(outcome).toMatchObject({ status: 'ok', data: { recommender: 'baseline' } });
  });

  test("a verified customer gets recommendations from their own history; an unverified conversation gets nobody's", async () => {
    const busiest = await store.db.interaction.groupBy({ by: ['customerId'], where: { customerId: { not: null } }, _count: { _all: true }, orderBy: { _count: { customerId: 'desc' } }, take: 2 });
    const [alice, bob] = busiest.map((b) => b.customerId!);
    const view = (await trained.live.current())!;
    expect(view.model.hasUser(`c:${alice}`)).toBe(true);
    const soldOut = (await store.db.product.findMany({ where: { stock: { lte: 0 } }, select: { id: true } })).map((p) => String(p.id));

    const forAlice = cards(await recommend({ limit: 5 }, { customerId: alice }));
    const expected = view.recommend({ userId: `c:${alice}`, sessionItems: [], exclude: soldOut, excludeSeen: 'purchased', k: 5 });
    expect(forAlice.map((c) => String(c.id))).toEqual(expected.map((r) => r.item));
    const bought = await store.db.interaction.findMany({ where: { customerId: alice, kind: 'purchase' }, select: { productId: true } });
    expect(forAlice.map((c) => c.id)).not.toEqual(expect.arrayContaining(bought.slice(0, 1).map((b) => b.productId)));

    const forBob = cards(await recommend({ limit: 5 }, { customerId: bob }));
    const anonymous = cards(await recommend({ limit: 5 }));
    expect(anonymous.map((c) => String(c.id))).toEqual(view.recommend({ sessionItems: [], exclude: soldOut, excludeSeen: 'purchased', k: 5 }).map((r) => r.item));
    for (const c of anonymous) expect(c.reason).toMatch(/^popular in /);
    expect(forAlice.map((c) => c.id)).not.toEqual(anonymous.map((c) => c.id));
    expect(forBob.map((c) => c.id)).not.toEqual(forAlice.map((c) => c.id));
  });

  test('a product created after training is recommended through content similarity, and gets its own "more like this"', async () => {
    const seed = await store.db.product.findUniqueOrThrow({ where: { id: 1 } });
    const fresh = await createNewProduct(store.db, seed.id, `${seed.title.replace(/, \w+$/, '')}, Lime`);
    invalidateCatalog(store.db);
    trained.live.invalidate();
    expect(await store.db.interaction.count({ where: { productId: fresh.id } })).toBe(0);
    const view = (await trained.live.current())!;
    expect(view.model.hasItem(String(fresh.id))).toBe(false);

    const forSeed = cards(await recommend({ productId: seed.id, limit: 5 }));
    expect(forSeed.find((c) => c.id === fresh.id)).toMatchObject({ reason: `similar to ${seed.title}` });

    const forFresh = cards(await recommend({ productId: fresh.id, limit: 4 }));
    expect(forFresh).toHaveLength(4);
    for (const c of forFresh) expect(c.reason).toBe(`similar to ${fresh.title}`);
    expect(forFresh.map((c) => c.id)).not.toContain(fresh.id);
  });
});

describe('a new visitor in the chat', () => {
  /** Reads every message as the intent named in the table (the NLU is not under test here). */
  const nlu = {
    parseAsync: async (text: string): Promise<ParseResult> => {
      const name = /recommend/.test(text) ? 'product_recommendation' : 'product_search';
      return { text, intent: { name, confidence: 0.99 }, intent_ranking: [{ name, confidence: 0.99 }], entities: [], ambiguous: false, truncated: false };
    },
  };
  const engine = async (...conversationIds: string[]) => {
    const conversations = new ConversationStore(store.db);
    for (const id of conversationIds) await conversations.create(id, 'web');
    return new DialogueEngine({ nlu, tools: registry, conversations, responses: ResponseTemplates.load(), db: store.db, recommender: trained.live });
  };
  const shown = (result: Awaited<ReturnType<DialogueEngine['handle']>>): ProductCard[] =>
    result.replies.flatMap((r) => r.parts.flatMap((p) => (p.type === 'product_cards' ? p.products : [])));

  test('gets recommendations from the products the conversation showed, with no customer and no history', async () => {
    const chat = await engine('conv-new-visitor-0', 'conv-new-visitor-1');
    const fresh = shown(await chat.handle('conv-new-visitor-0', 'can you recommend something?'));
    expect(fresh.length).toBeGreaterThan(0);
    for (const c of fresh) expect(c.reason).toMatch(/^popular in /);

    const results = shown(await chat.handle('conv-new-visitor-1', 'show me backpacks'));
    expect(results.length).toBeGreaterThan(0);
    const titles = results.map((c) => c.title);
    const after = await chat.handle('conv-new-visitor-1', 'can you recommend something?');
    expect(after.toolCalls).toEqual([{ name: 'recommend', input: expect.anything(), status: 'ok' }]);
    const recommended = shown(after);
    expect(recommended.length).toBeGreaterThan(0);
    expect(recommended.map((c) => c.id)).not.toEqual(expect.arrayContaining([results[0]!.id]));
    for (const c of recommended) expect(results.map((r) => r.id)).not.toContain(c.id);
    expect(recommended.some((c) => titles.some((t) => c.reason!.endsWith(t)))).toBe(true);
    expect(recommended.map((c) => c.id)).not.toEqual(fresh.map((c) => c.id));
  });
});
