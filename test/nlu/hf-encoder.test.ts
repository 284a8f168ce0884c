/**
 * Hugging Face encoder token features, end to end with a tiny BERT-shaped ONNX
 * model that the test writes itself (no network): transformers.js loads it,
 * HfEncoderFeatures aligns subword vectors to our tokens, and an NLU model
 * trained with them parses (parseAsync) before and after a save/load round trip.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadNluModel, loadTrainingData, type NluModel } from '../../src/nlu';
import { ConcatDenseFeatures, loadDenseFeatures, loadDenseFeaturesAsync } from '../../src/nlu/features/dense-features';
import { encodeMessage } from '../../src/nlu/features/featurizer';
import { HfEncoderFeatures } from '../../src/nlu/features/hf-encoder';
import type { DenseTokenFeatures } from '../../src/nlu/features/word-vectors';
import { saveModel, trainNlu } from '../../src/nlu/training';
import { tokenize } from '../../src/nlu/tokenizer';
import { TINY_BERT_HIDDEN, useMainRealmTypedArrays, writeTinyBert } from '../helpers/tiny-bert';

// Before transformers.js / onnxruntime are loaded (lazily, by the first encoder load).
useMainRealmTypedArrays();

const FIXTURES = path.resolve(__dirname, '../fixtures');
const H = TINY_BERT_HIDDEN;

let root: string;
let modelDir: string;
let encoder: HfEncoderFeatures;

beforeAll(async () => {
  process.env.SHOPDESK_HF_ALLOW_REMOTE = 'false';
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'nlu-hf-'));
  modelDir = writeTinyBert(path.join(root, 'tiny-bert'));
  encoder = await HfEncoderFeatures.load(modelDir, { allowRemote: false, cacheSize: 50 });
});

afterAll(async () => {
  await encoder.dispose();
  fs.rmSync(root, { recursive: true, force: true });
});

function vectorOf(values: Float32Array, t: number): number[] {
  return Array.from(values.subarray(t * H, (t + 1) * H));
}

describe('HfEncoderFeatures', () => {
  test('dim is the hidden size; prepared text encodes to tokens x dim, deterministic, words differ', async () => {
    expect(encoder.dim).toBe(H);
    const text = 'where is my order?';
    await encoder.prepare([text]);
    const tokens = tokenize(text);
    const values = encoder.encode(tokens);
    expect(values).toHaveLength(tokens.length * H);
    expect(Array.from(values).every(Number.isFinite)).toBe(true);
    expect(vectorOf(values, 0)).not.toEqual(vectorOf(values, 1));
    expect(vectorOf(values, 0).some((v) => v !== 0)).toBe(true);

    // Same text again (cached) and from a fresh cache: same vectors.
    expect(encoder.encode(tokenize(text))).toEqual(values);
    encoder.clearCache();
    await encoder.prepare([text, text]);
    expect(encoder.encode(tokenize(text))).toEqual(values);
  });

  test('vectors are contextual: the same word in another sentence gets another vector', async () => {
    await encoder.prepare(['track my order', 'where is my order']);
    const a = encoder.encode(tokenize('track my order'));
    const b = encoder.encode(tokenize('where is my order'));
    expect(vectorOf(a, 2)).not.toEqual(vectorOf(b, 3));
  });

  test('a word split into subword pieces gets the mean of its pieces', async () => {
    // The tiny vocab splits "shipped" into ship + ##ped and "sneakers" into sneak + ##er + ##s.
    const text = 'shipped sneakers';
    await encoder.prepare([text]);
    const values = encoder.encode(tokenize(text));
    expect(values).toHaveLength(2 * H);

    // Run the same graph on the piece sequence itself: [CLS] ship ##ped sneak ##er ##s [SEP].
    const hf = await import('@huggingface/transformers');
    const extractor = await hf.pipeline('feature-extraction', modelDir);
    expect(extractor.tokenizer.tokenize(text)).toEqual(['ship', '##ped', 'sneak', '##er', '##s']);
    const hidden = await extractor(text, { pooling: 'none' });
    expect(hidden.dims).toEqual([1, 7, H]);
    const rows = (hidden.tolist() as number[][][])[0]!;
    const mean = (from: number, to: number) => Array.from({ length: H }, (_, j) => rows.slice(from, to).reduce((s, r) => s + r[j]!, 0) / (to - from));
    const close = (actual: number[], expected: number[]) => actual.forEach((v, j) => expect(v).toBeCloseTo(expected[j]!, 5));
    close(vectorOf(values, 0), mean(1, 3));
    close(vectorOf(values, 1), mean(3, 6));
    await extractor.dispose();
  });

  test('an unprepared text throws a clear error; empty input needs no preparing', () => {
    expect(() => encoder.encode(tokenize('never prepared this one'))).toThrow(/call prepare\(\) first.*parseAsync/);
    expect(encoder.encode([])).toHaveLength(0);
  });

  test('batches many texts in one prepare and keeps the cache bounded', async () => {
    const texts = Array.from({ length: 70 }, (_, i) => `show me red boots ${i}`);
    await encoder.prepare(texts);
    expect(encoder.cachedTexts).toBe(50);
    expect(() => encoder.encode(tokenize(texts[69]!))).not.toThrow();
    expect(() => encoder.encode(tokenize(texts[0]!))).toThrow(/prepare/);
    // Preparing refreshes cached texts: the oldest one survives the next new text.
    await encoder.prepare([texts[20]!, 'a brand new text']);
    expect(() => encoder.encode(tokenize(texts[20]!))).not.toThrow();
    expect(() => encoder.encode(tokenize(texts[21]!))).toThrow(/prepare/);
  });

  test('concatenated with other features: dim is the sum, vectors side by side', async () => {
    const ones: DenseTokenFeatures = { dim: 3, encode: (tokens) => new Float32Array(tokens.length * 3).fill(1) };
    const both = new ConcatDenseFeatures([ones, encoder]);
    expect(both.dim).toBe(3 + H);
    await both.prepare(['hello there']);
    const tokens = tokenize('hello there');
    const values = both.encode(tokens);
    const own = encoder.encode(tokens);
    expect(Array.from(values.subarray(0, 3))).toEqual([1, 1, 1]);
    expect(Array.from(values.subarray(3, 3 + H))).toEqual(vectorOf(own, 0));
    expect(Array.from(values.subarray(3 + H + 3, 3 + 2 * H + 3))).toEqual(vectorOf(own, 1));
  });

  test('a missing folder fails with a clear error', async () => {
    await expect(HfEncoderFeatures.load(path.join(root, 'nope'), { allowRemote: false })).rejects.toThrow(/no config\.json/);
  });
});

describe('an NLU model with an hfEncoder', () => {
  const config = () => ({ dim: 16, heads: 2, ffnDim: 32, epochs: 15, minSteps: 0, validationSplit: 0, wordVectors: null, hfEncoder: modelDir, seed: 7 });
  let trained: NluModel;
  let dir: string;

  beforeAll(async () => {
    const data = loadTrainingData(path.join(FIXTURES, 'nlu-tiny.yml'));
    const result = await trainNlu(data, { config: config() });
    trained = result.model;
    dir = path.join(root, 'nlu');
    saveModel(result, dir, { dataSource: 'nlu-tiny.yml', examples: data.examples.length });
  });

  afterAll(() => trained?.dispose());

  test('the sync loader needs the async one first; then both give the encoder', async () => {
    const loaded = await loadDenseFeaturesAsync({ ...config(), maxTokens: 48 });
    expect(loaded?.dim).toBe(H);
    expect(loadDenseFeatures({ ...config(), maxTokens: 48 })).toBe(loaded);
    expect(() => loadDenseFeatures({ wordVectors: null, hfEncoder: path.join(root, 'not-loaded'), maxTokens: 48 })).toThrow(/loadDenseFeaturesAsync/);
  });

  test('parseAsync finds known intents; parse() of an unprepared text says to use parseAsync', async () => {
    const where = await trained.parseAsync('where is my order 48213');
    expect(where.intent.name).toBe('track_order');
    expect((await trained.parseAsync('hello there')).intent.name).toBe('greet');
    expect(() => trained.parse('a text nobody prepared before')).toThrow(/parseAsync/);
    // Once prepared (parseAsync did it), the synchronous parse works and agrees.
    expect(trained.parse('where is my order 48213')).toEqual(where);
    const batch = await trained.parseBatchAsync(['bye then', 'I want to return my shoes']);
    expect(batch.map((r) => r.intent.name)).toEqual(['goodbye', 'return_item']);
  });

  test('the encoder sees the same words as the featurizer (long texts are cut alike)', async () => {
    const long = Array.from({ length: 80 }, () => 'order').join(' ');
    const result = await trained.parseAsync(long);
    expect(result.intent.name).toEqual(expect.any(String));
    const encoded = encodeMessage(long, { ...trained.manifest.config, maxFeatures: 20 }, [], loadDenseFeatures(trained.manifest.config));
    expect(encoded.tokens).toHaveLength(trained.manifest.config.maxTokens - 1);
  });

  test('save -> loadNluModel round trip parses the same', async () => {
    const loaded = await loadNluModel(dir);
    const texts = ['where is order 66021', 'I want red boots', 'bye then', 'asdf qwerty'];
    expect(await loaded.parseBatchAsync(texts)).toEqual(await trained.parseBatchAsync(texts));
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'model.json'), 'utf8'));
    expect(manifest.config.hfEncoder).toBe(modelDir);
    // The network was trained on the encoder's 16-dimensional token vectors.
    expect(manifest.weights.find((w: { name: string }) => w.name === 'dense_projection').shape[0]).toBe(H);
    loaded.dispose();
  });
});
