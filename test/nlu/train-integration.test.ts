/**
 * Trains a tiny model in seconds and checks that it learned (held-out accuracy far
 * above chance, entities found), that save -> load gives the same parses, and that
 * bad data or corrupt files fail with clear errors.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadNluModel, loadTrainingData, ModelFileError, TrainingDataError, type NluModel } from '../../src/nlu';
import { evaluateModel, saveModel, trainNlu } from '../../src/nlu/training';

const FIXTURES = path.resolve(__dirname, '../fixtures');
const TINY = { dim: 32, heads: 2, ffnDim: 64, epochs: 25, minSteps: 0, batchSize: 16, learningRate: 0.01, validationSplit: 0, seed: 7 };

describe('training a tiny model', () => {
  let dir: string;
  let model: NluModel;
  let seconds: number;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nlu-tiny-'));
    const data = loadTrainingData(path.join(FIXTURES, 'nlu-tiny.yml'));
    const result = await trainNlu(data, { config: TINY });
    seconds = result.trainingSeconds;
    saveModel(result, dir, { dataSource: 'nlu-tiny.yml', examples: data.examples.length });
    model = result.model;
  });
  afterAll(() => {
    model.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('learns: held-out intent accuracy well above chance (20%) and entities found', async () => {
    const test = loadTrainingData(path.join(FIXTURES, 'nlu-tiny-test.yml'));
    const report = await evaluateModel(model, test.examples);
    expect(report.intent.accuracy).toBeGreaterThanOrEqual(0.8);
    expect(report.entity.micro_f1).toBeGreaterThanOrEqual(0.6);
    expect(seconds).toBeLessThan(60);
  });

  test('save -> load round trip gives identical parses; meta.json records the run', async () => {
    const loaded = await loadNluModel(dir);
    for (const text of ['where is order 66021', 'I want red boots', 'bye then', 'asdf qwerty']) {
      expect(loaded.parse(text)).toEqual(model.parse(text));
    }
    loaded.dispose();
    const meta = JSON.parse(fs.readFileSync(path.join(dir, 'meta.json'), 'utf8'));
    expect(meta).toMatchObject({ kind: 'nlu', intents: 5, examples: 60, backend: expect.any(String), dataHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(meta.config.dim).toBe(32);
  });

  test('training is deterministic for a seed', async () => {
    const data = loadTrainingData(path.join(FIXTURES, 'nlu-tiny.yml'));
    const again = await trainNlu(data, { config: { ...TINY, epochs: 2 } });
    const twice = await trainNlu(data, { config: { ...TINY, epochs: 2 } });
    expect(again.model.parse('has my order shipped')).toEqual(twice.model.parse('has my order shipped'));
    again.model.dispose();
    twice.model.dispose();
  });

  test('with a held-out split, the sparse entity tagger is fitted, blended and saved with the model', async () => {
    const data = loadTrainingData(path.join(FIXTURES, 'nlu-tiny.yml'));
    const stages: string[] = [];
    const result = await trainNlu(data, { config: { ...TINY, epochs: 10, validationSplit: 0.25 }, onStage: (m) => stages.push(m), backgroundSparseFit: false });
    expect(stages.map((m) => m.replace(/ \(\d+ s\)$/, ''))).toEqual([
      'fitting the sparse intent head and entity tagger',
      'fitting calibration and entity decoding on 15 held-out examples',
      'refitting the sparse heads on all examples',
    ]);
    const f1 = result.validation.entityF1!;
    expect(result.model.tagger).toBeDefined();
    expect(result.model.manifest.taggerWeight).toBe(f1.taggerWeight);
    expect(f1.taggerWeight).toBeGreaterThan(0);
    const saved = fs.mkdtempSync(path.join(os.tmpdir(), 'nlu-tagger-'));
    saveModel(result, saved, { dataSource: 'nlu-tiny.yml', examples: data.examples.length });
    const loaded = await loadNluModel(saved);
    expect(loaded.tagger?.ids).toEqual(result.model.tagger!.ids);
    for (const text of ['where is order 66021', 'I want red boots in size 9']) expect(loaded.parse(text)).toEqual(result.model.parse(text));
    loaded.dispose();
    result.model.dispose();
    fs.rmSync(saved, { recursive: true, force: true });
  });

  test('the sparse heads fitted in a worker thread during the epochs give the same model', async () => {
    const data = loadTrainingData(path.join(FIXTURES, 'nlu-tiny.yml'));
    const config = { ...TINY, epochs: 4, validationSplit: 0.25 };
    const stages: string[] = [];
    const inWorker = await trainNlu(data, { config, onStage: (m) => stages.push(m), backgroundSparseFit: true });
    const inline = await trainNlu(data, { config, backgroundSparseFit: false });
    expect(stages[0]).toMatch(/^collecting the sparse intent head and entity tagger from their worker thread/);
    expect(inWorker.model.tagger).toBeDefined();
    expect(Array.from(inWorker.model.linear!.weights)).toEqual(Array.from(inline.model.linear!.weights));
    expect(Array.from(inWorker.model.tagger!.weights)).toEqual(Array.from(inline.model.tagger!.weights));
    for (const text of ['where is order 66021', 'I want red boots in size 9', 'bye']) expect(inWorker.model.parse(text)).toEqual(inline.model.parse(text));
    inWorker.model.dispose();
    inline.model.dispose();
  });

  test('a corrupt or missing model file is named in the error', async () => {
    const broken = fs.mkdtempSync(path.join(os.tmpdir(), 'nlu-broken-'));
    fs.cpSync(dir, broken, { recursive: true });
    fs.truncateSync(path.join(broken, 'weights.bin'), 100);
    await expect(loadNluModel(broken)).rejects.toThrow(ModelFileError);
    await expect(loadNluModel(broken)).rejects.toThrow(/weights\.bin/);
    fs.rmSync(path.join(broken, 'model.json'));
    await expect(loadNluModel(broken)).rejects.toThrow(/model\.json: file is missing/);
    fs.rmSync(broken, { recursive: true, force: true });
  });
});

test('an intent with fewer than 2 examples is rejected before training starts', async () => {
  const data = loadTrainingData(path.join(FIXTURES, 'nlu-tiny.yml'));
  const lonely = { ...data, examples: [...data.examples, { text: 'what is love', intent: 'philosophy', entities: [] }] };
  await expect(trainNlu(lonely, { config: TINY })).rejects.toThrow(TrainingDataError);
  await expect(trainNlu(lonely, { config: TINY })).rejects.toThrow(/philosophy/);
});
