/**
 * Fitting the sparse heads in a worker thread (beside the transformer) or inline
 * must give the same heads; a fit that fails in the worker reports the fit's error.
 */
import { buildTagSet, spansToTags } from '../../src/nlu/model/bio';
import { SparseHeadFitter } from '../../src/nlu/model/sparse-fitter';
import type { TaggedSentence } from '../../src/nlu/model/sparse-tagger-fit';
import { tokenize } from '../../src/nlu/tokenizer';

const TEXTS = ['where is my parcel', 'track my parcel please', 'I want a refund', 'refund my money', 'my account was hacked', 'hacked account help'];
const LABELS = [0, 0, 1, 1, 2, 2];
const LINEAR_OPTIONS = { epochs: 5, learningRate: 0.1, l2: 1e-6, seed: 3, minCount: 1 };

const TAGS = buildTagSet(['city']);
const SENTENCES: TaggedSentence[] = ['fly to boston', 'trains to denver today', 'a bus to dallas'].map((text) => {
  const tokens = tokenize(text);
  const city = tokens[tokens.length - (text.endsWith('today') ? 2 : 1)]!;
  return { tokens, cues: [], tags: spansToTags(tokens, [{ entity: 'city', start: city.start, end: city.end, value: city.text }], new Map(TAGS.map((t, i) => [t, i]))) };
});
const TAGGER_OPTIONS = { epochs: 5, learningRate: 0.1, l2: 1e-6, seed: 5, minCount: 1, denseDim: 0, denseScale: 0, contextFeatures: true };

async function fitBoth(background: boolean) {
  const fitter = new SparseHeadFitter(background);
  try {
    const linear = fitter.linear(TEXTS, LABELS, 3, LINEAR_OPTIONS);
    const tagger = fitter.tagger(SENTENCES, TAGS.length, TAGGER_OPTIONS);
    const heads = { linear: await linear.get(), tagger: await tagger.get() };
    return { ...heads, background: fitter.background };
  } finally {
    await fitter.close();
  }
}

test('a worker thread fits the same linear head and tagger as fitting inline', async () => {
  const inWorker = await fitBoth(true);
  const inline = await fitBoth(false);
  expect(inWorker.background).toBe(true); // it did not fall back to fitting inline
  expect(inline.background).toBe(false);
  // Arrays from the worker belong to Node's realm, not jest's: compare their values.
  const values = (array: ArrayLike<number>) => Array.from(array);
  expect(values(inWorker.linear.ids)).toEqual(values(inline.linear.ids));
  expect(values(inWorker.linear.weights)).toEqual(values(inline.linear.weights));
  expect(values(inWorker.linear.bias)).toEqual(values(inline.linear.bias));
  expect(values(inWorker.tagger.weights)).toEqual(values(inline.tagger.weights));
  expect(inWorker.tagger.contextFeatures).toBe(true);
  // The heads learned something: both are non-trivial.
  expect(inWorker.linear.weights.some((w) => w !== 0)).toBe(true);
  expect(inWorker.tagger.weights.some((w) => w !== 0)).toBe(true);
});

test('a fit that fails in the worker rejects with its own error', async () => {
  const fitter = new SparseHeadFitter(true);
  try {
    // A tagger with dense columns needs dense features per token; these sentences have none.
    const broken = fitter.tagger(SENTENCES, TAGS.length, { ...TAGGER_OPTIONS, denseDim: 4, denseScale: 1 });
    await expect(broken.get()).rejects.toThrow(/needs 4 dense features per token/);
    // The worker survives a failed job.
    expect(fitter.background).toBe(true);
    const linear = await fitter.linear(TEXTS, LABELS, 3, LINEAR_OPTIONS).get();
    expect(linear.classes).toBe(3);
  } finally {
    await fitter.close();
  }
});
