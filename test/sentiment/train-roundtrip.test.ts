import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_SENTIMENT_MODEL_DIR, loadSentimentModelFrom, saveSentimentModel, trainSentiment, type LabelledText } from '../../src/sentiment';
import { tf } from '../../src/ml/tf-backend';
import { seedAspectLexicon } from '../../src/sentiment/aspects/expand';
import { Lexicon } from '../../src/sentiment/lexicon/lexicon';
import { resolveSentimentConfig } from '../../src/sentiment/model/config';
import { InferenceNetwork } from '../../src/sentiment/model/inference';
import { initWeights } from '../../src/sentiment/model/layout';
import { packBatch, TrainingNetwork } from '../../src/sentiment/model/network-tf';
import { SentimentFeaturizer, TOKEN_LEXICON_FEATURES } from '../../src/sentiment/features/featurizer';
import { Prng } from '../../src/util/prng';

// The lexicon is built from natural's AFINN (an ES module jest cannot require): reuse the shipped model's.
const lexicon = Lexicon.load(path.join(DEFAULT_SENTIMENT_MODEL_DIR, 'lexicon.json'));
const tiny = { buckets: 4096, embeddingDim: 8, hidden: 16, attention: 8, head: 8, epochs: 3, ensemble: 2, batchSize: 16, validationSplit: 0.2, vectors: '' };

const positive = ['love it', 'great quality', 'works perfectly', 'very comfortable', 'fast shipping', 'not bad at all', 'excellent value', 'so happy'];
const negative = ['broke after a week', 'terrible quality', 'not good', 'runs small', 'waste of money', 'arrived late', 'very disappointed', 'cheap and flimsy'];
const neutral = ['it is okay', 'average at best', 'some good some bad', 'decent but not amazing'];
const examples: LabelledText[] = [
  ...positive.flatMap((text) => [{ text, label: 'positive' as const }, { text: `${text}!`, label: 'positive' as const }]),
  ...negative.flatMap((text) => [{ text, label: 'negative' as const }, { text: `${text}.`, label: 'negative' as const }]),
  ...neutral.flatMap((text) => [{ text, label: 'neutral' as const }, { text: `${text}.`, label: 'neutral' as const }]),
];

describe('training and persistence', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopdesk-sentiment-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('trains a tiny ensemble, saves it and loads it back with the same outputs', async () => {
    const result = await trainSentiment(examples, { config: tiny, lexicon, aspects: seedAspectLexicon() });
    expect(result.bestEpochs).toHaveLength(2);
    expect(result.dataHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    saveSentimentModel(result.model, dir, { kind: 'sentiment', test: true });
    for (const file of ['model.json', 'weights.bin', 'embeddings.bin', 'lexicon.json', 'aspects.json', 'meta.json']) expect(fs.existsSync(path.join(dir, file))).toBe(true);
    const loaded = loadSentimentModelFrom(dir);
    for (const text of [...positive, ...negative, 'Love the color but it runs small', '']) {
      const before = result.model.scoreText(text);
      const after = loaded.scoreText(text);
      expect(after.label).toBe(before.label);
      expect(Math.abs(after.score - before.score)).toBeLessThan(0.02); // embeddings are stored as int8
    }
    expect(loaded.predict('Love the color but it runs small').aspects.map((a) => a.aspect)).toEqual(['appearance/design', 'fit/size']);
  });

  it('refuses a corrupt model folder with a message naming the file', () => {
    const broken = path.join(dir, 'broken');
    fs.mkdirSync(broken);
    fs.writeFileSync(path.join(broken, 'model.json'), '{"format":"something-else"}');
    expect(() => loadSentimentModelFrom(broken)).toThrow(/model\.json: has format something-else/);
  });

  it('gives the same outputs in the TensorFlow.js graph and the plain TypeScript pass', () => {
    const config = resolveSentimentConfig({ ...tiny, dropout: 0 });
    const featurizer = new SentimentFeaturizer(config, lexicon);
    const network = new TrainingNetwork(config, featurizer.denseDim, initWeights(config, featurizer.denseDim));
    const rng = new Prng(3);
    for (let i = config.embeddingDim; i < network.embedding.table.length; i++) network.embedding.table[i] = rng.normal() * 0.3;
    const texts = ['not bad at all', 'Love the color but it runs small and the strap broke after a week', ''];
    const encoded = texts.map((t) => featurizer.encode(t));
    const batch = packBatch(encoded, config.maxFeaturesPerToken, featurizer.denseDim);
    const graph = tf.tidy(() => {
      const out = network.forward(batch, network.embed(batch), { training: false });
      return { logits: out.logits.arraySync(), score: out.score.arraySync() };
    });
    const plain = new InferenceNetwork(config, featurizer.denseDim, network.embedding.table, network.snapshot(), TOKEN_LEXICON_FEATURES);
    encoded.forEach((e, b) => {
      const out = plain.forward(e);
      const logits = graph.logits[b]!;
      const max = Math.max(...logits);
      const exp = logits.map((l) => Math.exp(l - max));
      const sum = exp.reduce((a, c) => a + c, 0);
      exp.forEach((p, c) => expect(out.probabilities[c]).toBeCloseTo(p / sum, 4));
      expect(out.score).toBeCloseTo(graph.score[b]!, 4);
      expect(plain.forwardText(featurizer, texts[b]!).score).toBeCloseTo(out.score, 5);
    });
    network.dispose();
  });
});
