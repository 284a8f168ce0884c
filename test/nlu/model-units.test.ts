/** Unit tests of the model's parts: features, batching, the embedding bag, BIO decoding, calibration. */
import { EmbeddingBag } from '../../src/nlu/model/embedding-bag';
import { buildTagSet, estimateTransitions, spansToTags, TagDecoder, tagsToSpans } from '../../src/nlu/model/bio';
import { Prng } from '../../src/util/prng';
import { decideIntent, fitCalibration, softmax } from '../../src/nlu/model/calibration';
import { encodeMessage, packBatch } from '../../src/nlu/features/featurizer';
import { fnv1a, tokenFeatureStrings } from '../../src/nlu/features/hashing';
import { tokenize } from '../../src/nlu/tokenizer';

const options = { buckets: 4096, charNgrams: [3, 4], maxFeatures: 20, maxTokens: 8 };

describe('tokenizer', () => {
  test('keeps offsets and joins ids like ORD-7731 and #48213 stays two tokens', () => {
    const text = 'Where is ORD-7731, café #48213?';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.text)).toEqual(['Where', 'is', 'ORD-7731', ',', 'café', '#', '48213', '?']);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokens[4]!.norm).toBe('cafe');
  });
});

describe('hashed features', () => {
  test('are deterministic and include word, shape, char n-grams and rule cues', () => {
    const [token] = tokenize('Sneakers');
    const features = tokenFeatureStrings(token!, options, ['rule:product']);
    expect(features).toContain('w:sneakers');
    expect(features).toContain('shape:Xxx');
    expect(features).toContain('rule:product');
    expect(features).toContain('c3:<sn');
    expect(fnv1a('w:sneakers')).toBe(fnv1a('w:sneakers'));
    expect(fnv1a('w:sneakers')).not.toBe(fnv1a('w:sneaker'));
  });

  test('typos share most features with the right word', () => {
    const a = new Set(tokenFeatureStrings(tokenize('refund')[0]!, options));
    const b = tokenFeatureStrings(tokenize('refnd')[0]!, options);
    const c = tokenFeatureStrings(tokenize('jacket')[0]!, options);
    expect(b.filter((f) => a.has(f)).length).toBeGreaterThan(c.filter((f) => a.has(f)).length + 2);
  });

  test('messages are truncated to maxTokens (flagged) and batches are padded with zeros', () => {
    const long = encodeMessage('one two three four five six seven eight nine ten', options);
    expect(long.truncated).toBe(true);
    expect(long.featureIds).toHaveLength(options.maxTokens);
    const short = encodeMessage('hi', options);
    const batch = packBatch([short, long], options.maxFeatures);
    expect(batch.length).toBe(options.maxTokens);
    expect(Array.from(batch.mask.slice(0, options.maxTokens))).toEqual([1, 1, 0, 0, 0, 0, 0, 0]);
    expect(batch.ids.slice(2 * options.maxFeatures, options.maxTokens * options.maxFeatures).every((id) => id === 0)).toBe(true);
  });
});

describe('embedding bag', () => {
  test('lookup is the weighted sum of rows and the sparse update touches only used rows', () => {
    const bag = new EmbeddingBag(16, 4, 1);
    const batch = packBatch([{ tokens: [], featureIds: [[3, 5]], truncated: false }], 2);
    const out = bag.lookup(batch);
    const w = 1 / Math.sqrt(2);
    for (let j = 0; j < 4; j++) expect(out[j]).toBeCloseTo(w * (bag.table[12 + j]! + bag.table[20 + j]!), 5);
    const before = bag.table.slice();
    bag.applyGradient(batch, new Float32Array([1, 1, 1, 1]), 0.1);
    const changedRows = new Set<number>();
    bag.table.forEach((v, i) => v !== before[i] && changedRows.add(Math.floor(i / 4)));
    expect([...changedRows].sort()).toEqual([3, 5]);
    expect(bag.table[12]!).toBeLessThan(before[12]!); // moved against the gradient
  });
});

describe('BIO tagging and constrained decoding', () => {
  const tags = buildTagSet(['color', 'product']);
  const index = new Map(tags.map((t, i) => [t, i]));

  test('spans become B/I tags per token and back', () => {
    const text = 'show me red running shoes';
    const tokens = tokenize(text);
    const ids = spansToTags(tokens, [{ entity: 'color', value: 'red', start: 8, end: 11 }, { entity: 'product', value: 'running shoes', start: 12, end: 25 }], index);
    expect(ids.map((i) => tags[i])).toEqual(['O', 'O', 'B-color', 'B-product', 'I-product']);
    expect(tagsToSpans(ids, tags)).toEqual([
      { entity: 'color', first: 2, last: 2 },
      { entity: 'product', first: 3, last: 4 },
    ]);
  });

  test('viterbi never starts a span with I- nor continues another type', () => {
    const logp = (best: string) => Float32Array.from(tags, (t) => (t === best ? Math.log(0.6) : Math.log(0.4 / (tags.length - 1))));
    // The per-token argmax would be O, I-product, I-color: invalid twice.
    const path = new TagDecoder(tags).decode([logp('O'), logp('I-product'), logp('I-color')]).map((i) => tags[i]);
    for (let i = 0; i < path.length; i++) {
      if (path[i]!.startsWith('I-')) expect([`B-${path[i]!.slice(2)}`, path[i]]).toContain(path[i - 1]);
    }
  });

  test('viterbi finds the best valid sequence (checked against brute force)', () => {
    const rng = new Prng(7);
    const decoder = new TagDecoder(tags);
    const valid = (seq: number[]) => seq.every((tag, t) => !tags[tag]!.startsWith('I-') || (t > 0 && tags[seq[t - 1]!]!.slice(2) === tags[tag]!.slice(2)));
    const score = (seq: number[], scores: Float32Array[]) => seq.reduce((sum, tag, t) => sum + scores[t]![tag]!, 0);
    for (let trial = 0; trial < 20; trial++) {
      const scores = Array.from({ length: 3 }, () => Float32Array.from(tags, () => Math.log(rng.next() + 1e-3)));
      let best = -Infinity;
      for (let code = 0; code < tags.length ** 3; code++) {
        const seq = [code % tags.length, Math.floor(code / tags.length) % tags.length, Math.floor(code / tags.length ** 2)];
        if (valid(seq)) best = Math.max(best, score(seq, scores));
      }
      const path = decoder.decode(scores);
      expect(valid(path)).toBe(true);
      expect(score(path, scores)).toBeCloseTo(best, 5);
    }
  });

  test('a learned tag-bigram prior decides what the tokens alone cannot', () => {
    const routeTags = buildTagSet(['from', 'to']);
    const id = (tag: string) => routeTags.indexOf(tag);
    // Training sequences: an origin always comes before the destination.
    const prior = estimateTransitions(Array.from({ length: 20 }, () => [id('B-from'), id('O'), id('B-to')]), routeTags, 1);
    const even = Float32Array.from(routeTags, (t) => (t.startsWith('B-') ? Math.log(0.45) : Math.log(0.1 / 3)));
    const outside = Float32Array.from(routeTags, (t) => (t === 'O' ? Math.log(0.9) : Math.log(0.1 / 4)));
    const decodeWith = (weight: number) => new TagDecoder(routeTags, { ...prior, weight }).decode([even, outside, even]).map((i) => routeTags[i]);
    expect(decodeWith(1)).toEqual(['B-from', 'O', 'B-to']);
    // Without the prior both spans get the same (first) type: the prior is what made the difference.
    expect(decodeWith(0)).toEqual(['B-from', 'O', 'B-from']);
    expect(() => new TagDecoder(buildTagSet(['a', 'b', 'c']), prior)).toThrow(/transitions are for 5 tags, the model has 7/);
  });
});

describe('calibration', () => {
  test('softmax with temperature flattens, and the threshold sends unsure messages out of scope', () => {
    const sharp = softmax([2, 0, 0]);
    const flat = softmax([2, 0, 0], 3);
    expect(flat[0]!).toBeLessThan(sharp[0]!);
    const calibration = { temperature: 1, oosThreshold: 0.6, ambiguityMargin: 0.1 };
    expect(decideIntent([0.2, 0.1, 0], calibration, 2).decided).toBe(2);
    expect(decideIntent([5, 0, 0], calibration, 2).decided).toBe(0);
    expect(decideIntent([2, 1.95, -5], { ...calibration, oosThreshold: 0 }, 2).ambiguous).toBe(true);
  });

  test('fitted threshold catches out-of-scope examples without costing in-scope accuracy', () => {
    // in-scope: confident and right; out of scope (label 2): unsure.
    const logits = [...Array.from({ length: 40 }, () => Float32Array.from([4, 0, 0])), ...Array.from({ length: 10 }, () => Float32Array.from([0.3, 0.2, 0]))];
    const labels = [...Array(40).fill(0), ...Array(10).fill(2)];
    const calibration = fitCalibration({ logits, labels }, 2);
    const decisions = logits.map((l) => decideIntent(l, calibration, 2).decided);
    expect(decisions.slice(0, 40).every((d) => d === 0)).toBe(true);
    expect(decisions.slice(40).every((d) => d === 2)).toBe(true);
  });
});
