/**
 * The dashboard's scored corpus without a database: a failed read is reported
 * once and then retried, the age limit rebuilds without rescoring, edited text
 * and a new model are rescored, and sliced scoring equals scoring in one go.
 */
import { loadSentimentModel, type ReviewRecord } from '../../src/sentiment';
import { createReviewScorer, scoreReviewsInSlices } from '../../src/sentiment/report/score';
import { CorpusBuildError } from '../../src/web/dashboard';
import { ScoredCorpus } from '../../src/web/dashboard/scored-corpus';

const model = loadSentimentModel();
const texts = ['Love the color, but it runs small.', 'Arrived broken and support never answered.', 'Fine for the price.', 'Super comfy, wear them every day!'];
const reviews = (): ReviewRecord[] =>
  texts.map((text, i) => ({
    id: i + 1,
    productId: 10 + (i % 2),
    productTitle: `P${i % 2}`,
    category: 'shoes',
    brand: 'B',
    rating: 1 + i,
    text,
    createdAt: new Date(Date.UTC(2026, 0, 1 + 7 * i)),
  }));

function corpus(overrides: Partial<ConstructorParameters<typeof ScoredCorpus>[0]> = {}) {
  let clock = 0;
  const loads = { count: 0 };
  const c = new ScoredCorpus({
    load: async () => {
      loads.count += 1;
      return reviews();
    },
    version: async () => 'v1',
    maxAgeMs: 1000,
    sliceMs: 1,
    now: () => clock,
    ...overrides,
  });
  return { c, loads, advance: (ms: number) => (clock += ms) };
}

async function settle(c: ScoredCorpus) {
  return c.ready(model);
}

test('a failed read is thrown to the next caller, then retried', async () => {
  let fail = true;
  const { c } = corpus({
    load: async () => {
      if (fail) throw new Error('database is locked');
      return reviews();
    },
  });
  expect(await c.current(model)).toBeUndefined();
  expect(c.status().state).toBe('scoring');
  await expect(settle(c)).rejects.toThrow(CorpusBuildError);
  fail = false;
  // The failure was reported; the next call starts over and succeeds.
  expect(await c.current(model)).toBeUndefined();
  const snapshot = await settle(c);
  expect(snapshot.scored.map((s) => s.review.id)).toEqual([1, 2, 3, 4]);
  expect(c.status()).toEqual({ state: 'ready', done: 4, total: 4 });
});

test('the failure keeps its cause', async () => {
  const { c } = corpus({ load: async () => Promise.reject(new Error('disk I/O error')) });
  const error = await settle(c).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(CorpusBuildError);
  expect(((error as Error).cause as Error).message).toBe('disk I/O error');
});

test('a current snapshot is served without reading again; past the age limit it is rebuilt without rescoring', async () => {
  const { c, loads, advance } = corpus();
  const first = await settle(c);
  expect(await c.current(model)).toBe(first);
  expect(loads.count).toBe(1);
  advance(1001);
  expect(await c.current(model)).toBeUndefined();
  const second = await settle(c);
  expect(second.generation).toBe(first.generation + 1);
  expect(loads.count).toBe(2);
  expect(c.status()).toEqual({ state: 'ready', done: 0, total: 0 });
  expect(second.scored.map((s) => s.result)).toEqual(first.scored.map((s) => s.result));
});

test('a changed fingerprint rebuilds; edited text and another model are scored again', async () => {
  let version = 'v1';
  const edited = { text: texts[1]! };
  const { c } = corpus({
    version: async () => version,
    load: async () => reviews().map((r) => (r.id === 2 ? { ...r, text: edited.text } : r)),
  });
  const first = await settle(c);
  version = 'v2';
  edited.text = 'Actually it is great, the replacement works perfectly.';
  const second = await settle(c);
  expect(second.generation).toBe(first.generation + 1);
  expect(c.status().total).toBe(1);
  expect(second.scored[1]!.review.text).toBe(edited.text);

  const other = { scoreText: model.scoreText.bind(model), aspects: model.aspects };
  expect(await c.current(other)).toBeUndefined();
  await c.ready(other);
  expect(c.status().total).toBe(4);
});

test('scoring in slices gives what scoring in one go gives, and reports progress up to the total', async () => {
  const progress: [number, number][] = [];
  const sliced = await scoreReviewsInSlices(reviews(), createReviewScorer(model), { sliceMs: 0, onProgress: (done, total) => progress.push([done, total]) });
  expect(sliced).toEqual(reviews().map(createReviewScorer(model)));
  expect(progress.at(-1)).toEqual([4, 4]);
  // A 0 ms slice still scores one review per slice, so every step is seen.
  expect(progress.map(([done]) => done)).toEqual([1, 2, 3, 4]);
});
