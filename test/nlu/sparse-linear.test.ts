/**
 * The sparse linear intent head: n-gram features, training, persistence, and
 * the blend with the transformer's logits fitted on held-out examples.
 */
import { ngramCounts } from '../../src/nlu/features/ngram-bag';
import { blendLogits, fitCalibration } from '../../src/nlu/model/calibration';
import { LINEAR_WEIGHTS, SparseLinearHead } from '../../src/nlu/model/sparse-linear';
import { fitSparseLinear } from '../../src/nlu/model/sparse-linear-fit';
import { Prng } from '../../src/util/prng';

const OPTIONS = { epochs: 10, learningRate: 0.1, l2: 1e-6, seed: 3 };

const TRAIN: Array<[string, number]> = [
  ['where is my parcel', 0],
  ['track my parcel please', 0],
  ['has my parcel shipped', 0],
  ['parcel tracking number', 0],
  ['I want a refund', 1],
  ['refund my money', 1],
  ['how do I get a refund', 1],
  ['refund for the broken lamp', 1],
  ['someone hacked my account', 2],
  ['my account was hacked', 2],
  ['a stranger logged into my account', 2],
  ['hacked account help', 2],
];

function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}

describe('n-gram bag', () => {
  test('counts words, bigrams and character n-grams apart, deterministically, ignoring punctuation', () => {
    const a = ngramCounts('Track my parcel!!');
    expect(a).toEqual(ngramCounts('track my parcel'));
    expect(a.words.size).toBe(5); // 3 words + 2 bigrams
    // " my " gives 2 trigrams + 1 four-gram; "track" and "parcel" more: all in the char group.
    expect(a.chars.size).toBeGreaterThan(15);
    expect([...a.words.keys(), ...a.chars.keys()].every((id) => id >= 0 && id < 1 << 20)).toBe(true);
    expect(ngramCounts('parcel parcel').words.size).toBe(2); // the word (counted twice) and the bigram
    expect(ngramCounts('').words.size).toBe(0);
  });
});

describe('sparse linear head', () => {
  const head = fitSparseLinear(
    TRAIN.map(([t]) => t),
    TRAIN.map(([, y]) => y),
    3,
    OPTIONS,
  );

  test('learns from a few examples and reads typos and unseen wordings', () => {
    expect(argmax(head.logits('where is my parcle'))).toBe(0);
    expect(argmax(head.logits('can I have a refund please'))).toBe(1);
    expect(argmax(head.logits('I think my account got hacked'))).toBe(2);
    // Nothing it has seen: only the bias speaks, so every class scores the same.
    const unseen = head.logits('zzzz qqqq');
    expect(Math.max(...unseen) - Math.min(...unseen)).toBeLessThan(0.2);
  });

  test('is deterministic for a seed', () => {
    const again = fitSparseLinear(
      TRAIN.map(([t]) => t),
      TRAIN.map(([, y]) => y),
      3,
      OPTIONS,
    );
    expect(again.weights).toEqual(head.weights);
  });

  test('minCount keeps only n-grams found in that many messages, and still classifies', () => {
    const pruned = fitSparseLinear(
      TRAIN.map(([t]) => t),
      TRAIN.map(([, y]) => y),
      3,
      { ...OPTIONS, minCount: 2 },
    );
    expect(pruned.columns).toBeGreaterThan(0);
    expect(pruned.columns).toBeLessThan(head.columns / 2);
    // "broken lamp" is in one message only: no column, so it moves no score.
    expect(pruned.logits('broken lamp')).toEqual(pruned.logits(''));
    expect(head.logits('broken lamp')).not.toEqual(head.logits(''));
    expect(argmax(pruned.logits('where is my parcel'))).toBe(0);
    expect(argmax(pruned.logits('refund please'))).toBe(1);
    expect(argmax(pruned.logits('account hacked'))).toBe(2);
  });

  test('snapshot -> fromWeights gives the same logits; incomplete weights are refused', () => {
    const { weights, shapes } = head.snapshot();
    expect(shapes.get(LINEAR_WEIGHTS.w)).toEqual([head.columns, 3]);
    const loaded = SparseLinearHead.fromWeights(weights)!;
    for (const text of ['has my parcel shipped', 'refund', 'account hacked', 'hello']) expect(loaded.logits(text)).toEqual(head.logits(text));
    expect(SparseLinearHead.fromWeights(new Map())).toBeUndefined();
    const partial = new Map(weights);
    partial.delete(LINEAR_WEIGHTS.idf);
    expect(() => SparseLinearHead.fromWeights(partial)).toThrow(/incomplete/);
  });
});

describe('blending with the transformer', () => {
  const rng = new Prng(11);
  const classes = 4;
  const labels = Array.from({ length: 200 }, (_, i) => i % classes);
  const informative = (label: number, strength: number) => Float32Array.from({ length: classes }, (_, k) => (k === label ? strength : 0) + rng.normal());
  const noise = () => Float32Array.from({ length: classes }, () => rng.normal());

  test('blendLogits adds the weighted linear logits', () => {
    expect([...blendLogits(Float32Array.of(1, 2), Float32Array.of(3, -1), 0.5)]).toEqual([2.5, 1.5]);
    expect([...blendLogits(Float32Array.of(1, 2), undefined, 3)]).toEqual([1, 2]);
  });

  test('the fitted weight trusts the linear head when it is the one that knows', () => {
    const fitted = fitCalibration({ logits: labels.map(() => noise()), linearLogits: labels.map((y) => informative(y, 3)), labels }, undefined);
    expect(fitted.linearWeight).toBeGreaterThanOrEqual(1);
  });

  test('the fitted weight ignores a linear head that is noise', () => {
    const fitted = fitCalibration({ logits: labels.map((y) => informative(y, 3)), linearLogits: labels.map(() => noise()), labels }, undefined);
    expect(fitted.linearWeight).toBeLessThanOrEqual(0.25);
  });

  test('a model without the head is calibrated as before (no linear weight)', () => {
    const fitted = fitCalibration({ logits: labels.map((y) => informative(y, 3)), labels }, undefined);
    expect(fitted.linearWeight).toBeUndefined();
  });
});
