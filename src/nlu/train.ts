/**
 * Trains the joint intent + entity model from TrainingData: featurise, hold
 * out a stratified validation split, optimise with Adam in length-bucketed
 * batches, keep the best epoch, then calibrate confidences and out-of-scope
 * thresholds on the held-out examples. Deterministic for a given seed.
 */
import { lengthBucketedBatches } from '../ml/batches';
import { initTensorflow, tf, type BackendName } from '../ml/tf-backend';
import { Prng } from '../util/prng';
import { stratifiedHoldOut } from '../util/stratify';
import { validateTrainingData, hashTrainingData } from './data';
import { loadDenseFeaturesAsync } from './features/dense-features';
import { encodeMessage, packBatch, tokenDenseFeatures, type CueSpan, type EncodedMessage } from './features/featurizer';
import { buildTagSet, estimateTransitions, spansToTags, TagDecoder, tagsToSpans, type TagTransitions } from './model/bio';
import { blendLogits, DEFAULT_CALIBRATION, fitCalibration, type Calibration } from './model/calibration';
import { resolveModelConfig, type ModelConfig } from './model/config';
import { JointModel } from './model/joint-model';
import type { SparseLinearHead } from './model/sparse-linear';
import { hasSpareCore, SparseHeadFitter, type PendingFit } from './model/sparse-fitter';
import { blendTagScores, type SparseTagger } from './model/sparse-tagger';
import { NluModel, type RuleData } from './nlu-model';
import { RuleEntityExtractor } from './rules';
import type { TrainingData } from './types';

export interface TrainProgress {
  epoch: number;
  epochs: number;
  loss: number;
  validationAccuracy: number | undefined;
  elapsedSeconds: number;
  etaSeconds: number;
  examplesPerSecond: number;
}

export interface TrainOptions {
  config?: Partial<ModelConfig>;
  onProgress?: (progress: TrainProgress) => void;
  /** The steps after the epochs (sparse heads, calibration), which take minutes on large data sets. */
  onStage?: (message: string) => void;
  /**
   * Fit the sparse heads in a worker thread during the transformer's epochs (default: when
   * the machine has a second core). The model is the same either way.
   */
  backgroundSparseFit?: boolean;
}

export interface TrainResult {
  model: NluModel;
  backend: BackendName;
  dataHash: string;
  trainingSeconds: number;
  bestEpoch: number;
  validation: {
    examples: number;
    /** The transformer alone, at its best epoch. */
    intentAccuracy: number | undefined;
    /** The sparse linear head alone, and the calibrated blend of both (the model's decision before the OOS threshold). */
    linearIntentAccuracy?: number;
    blendedIntentAccuracy?: number;
    calibration: Calibration;
    /**
     * Exact-span entity F1 of the fitted decoding (tagger weight and tag-transition weight),
     * of the transformer alone with the best transition weight, and of the transformer alone
     * without the prior.
     */
    entityF1?: { fitted: number; withoutTagger: number; transformerOnly: number; taggerWeight: number; transitionWeight: number };
  };
}

/** Examples whose async dense features are prepared at a time (well under the encoder's cache size). */
const PREPARE_CHUNK = 1024;

interface Sample {
  text: string;
  encoded: EncodedMessage;
  /** Rule entities found in the text (token features of both taggers). */
  cues: CueSpan[];
  intent: number;
  tags: number[];
}

/** `share` of each intent's examples (`oosShare` of the out-of-scope intent's) held out for validation. */
function stratifiedSplit(samples: Sample[], share: number, rng: Prng, oos?: { intent: number; share: number }): { train: Sample[]; validation: Sample[] } {
  if (share <= 0) return { train: samples, validation: [] };
  const { kept, held } = stratifiedHoldOut(
    samples,
    (s) => s.intent,
    // Intents with very few examples keep them all for training.
    (size, intent) => (size >= 5 ? Math.max(1, Math.round(size * (intent === oos?.intent ? oos.share : share))) : 0),
    rng,
  );
  return { train: kept, validation: held };
}

const makeBatches = (samples: readonly Sample[], batchSize: number, rng: Prng) =>
  lengthBucketedBatches(samples, batchSize, rng, (s) => s.encoded.featureIds.length);

function tagArrays(samples: Sample[], length: number): { labels: Int32Array; weights: Float32Array } {
  const labels = new Int32Array(samples.length * length);
  const weights = new Float32Array(samples.length * length);
  samples.forEach((s, b) =>
    s.tags.forEach((tag, i) => {
      labels[b * length + i + 1] = tag; // slot 0 is [CLS]
      weights[b * length + i + 1] = 1;
    }),
  );
  return { labels, weights };
}

interface Predictions {
  intentLogits: Float32Array[];
  /** Share of entity tokens (gold tag not O) whose predicted tag is right. */
  entityTokenAccuracy: number | undefined;
  /** Per sample, per token: tag log-probabilities (only when asked for). */
  tagLogProbs: Float32Array[][];
}

function predict(network: JointModel, samples: Sample[], config: ModelConfig, intents: number, withTagLogProbs = false): Predictions {
  const intentLogits = new Array<Float32Array>(samples.length);
  const tagLogProbs = withTagLogProbs ? new Array<Float32Array[]>(samples.length) : [];
  let entityTokens = 0;
  let entityHits = 0;
  const tagCount = network.shape.tags;
  // A batch is padded to its longest message: shortest first, so that one long email does
  // not pad 255 one-word replies to its length (this runs after every epoch).
  const order = samples.map((_, i) => i).sort((a, b) => samples[a]!.encoded.tokens.length - samples[b]!.encoded.tokens.length);
  for (let i = 0; i < order.length; i += 256) {
    const chunk = order.slice(i, i + 256);
    const batch = packBatch(
      chunk.map((k) => samples[k]!.encoded),
      config.maxFeaturesPerToken,
      network.shape.denseDim,
    );
    const [logits, tagLogits] = tf.tidy(() => {
      const out = network.forward(batch, { training: false });
      const tagOut = withTagLogProbs ? tf.logSoftmax(out.tagLogits) : out.tagLogits;
      return [out.intentLogits.dataSync() as Float32Array, tagOut.dataSync() as Float32Array];
    });
    chunk.forEach((k, b) => {
      const sample = samples[k]!;
      intentLogits[k] = logits.slice(b * intents, (b + 1) * intents);
      if (withTagLogProbs) {
        tagLogProbs[k] = sample.tags.map((_, t) => tagLogits.slice((b * batch.length + t + 1) * tagCount, (b * batch.length + t + 2) * tagCount));
      }
      sample.tags.forEach((gold, t) => {
        if (gold === 0) return;
        entityTokens += 1;
        const row = tagLogits.subarray((b * batch.length + t + 1) * tagCount, (b * batch.length + t + 2) * tagCount);
        if (argmax(row) === gold) entityHits += 1;
      });
    });
  }
  return { intentLogits, entityTokenAccuracy: entityTokens > 0 ? entityHits / entityTokens : undefined, tagLogProbs };
}

/** Weights tried for the tag-transition prior and the sparse tagger; 0 (none) wins ties. */
const TRANSITION_WEIGHTS = [0, 0.25, 0.5, 0.75, 1, 1.5, 2];
const TAGGER_WEIGHTS = [0, 0.25, 0.5, 1, 1.5, 2, 3, 4, 6, 8, 12];

/** Micro exact-span F1 of decoding `scores` against the samples' gold tags. */
function spanF1(decoder: TagDecoder, samples: readonly Sample[], scores: readonly Float32Array[][]): number {
  let gold = 0;
  let predicted = 0;
  let hits = 0;
  const key = (s: { entity: string; first: number; last: number }) => `${s.entity}:${s.first}:${s.last}`;
  samples.forEach((sample, i) => {
    const goldSpans = new Set(tagsToSpans(sample.tags, decoder.tags).map(key));
    const found = tagsToSpans(decoder.decode(scores[i]!), decoder.tags).map(key);
    gold += goldSpans.size;
    predicted += found.length;
    hits += found.filter((k) => goldSpans.has(k)).length;
  });
  return gold + predicted === 0 ? 0 : (2 * hits) / (gold + predicted);
}

/**
 * Fits how entities are decoded, on held-out examples: the weight of the sparse
 * tagger's log-probabilities added to the transformer's, and the weight of the
 * tag-bigram prior (estimated from the training tags); the pair with the best
 * exact-span F1 wins, smaller weights winning ties.
 */
function fitEntityDecoding(
  tags: readonly string[],
  train: readonly Sample[],
  validation: readonly Sample[],
  transformer: readonly Float32Array[][],
  tagger: readonly Float32Array[][] | undefined,
): { transitions: TagTransitions; taggerWeight: number; f1: NonNullable<TrainResult['validation']['entityF1']> } {
  const prior = estimateTransitions(train.map((s) => s.tags), tags, 1);
  let best = { taggerWeight: 0, transitionWeight: 0, f1: -1 };
  let withoutTagger = -1;
  let transformerOnly = 0;
  for (const taggerWeight of tagger ? TAGGER_WEIGHTS : [0]) {
    const scores = transformer.map((rows, i) => blendTagScores(rows, tagger?.[i], taggerWeight));
    for (const transitionWeight of TRANSITION_WEIGHTS) {
      const f1 = spanF1(new TagDecoder(tags, { ...prior, weight: transitionWeight }), validation, scores);
      if (taggerWeight === 0 && transitionWeight === 0) transformerOnly = f1;
      if (taggerWeight === 0) withoutTagger = Math.max(withoutTagger, f1);
      if (f1 > best.f1) best = { taggerWeight, transitionWeight, f1 };
    }
  }
  return {
    transitions: { ...prior, weight: best.transitionWeight },
    taggerWeight: best.taggerWeight,
    f1: { fitted: best.f1, withoutTagger, transformerOnly, taggerWeight: best.taggerWeight, transitionWeight: best.transitionWeight },
  };
}

function argmax(values: Float32Array): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}

/** Trains a model. Throws TrainingDataError before any training when the data is unusable. */
export async function trainNlu(data: TrainingData, options: TrainOptions = {}): Promise<TrainResult> {
  validateTrainingData(data);
  const config = resolveModelConfig(options.config ?? {});
  const backend = await initTensorflow();
  const started = Date.now();
  const rng = new Prng(config.seed);

  const intents = [...new Set(data.examples.map((e) => e.intent))].sort();
  const intentIndex = new Map(intents.map((name, i) => [name, i]));
  const tags = buildTagSet(data.examples.flatMap((e) => e.entities.map((s) => s.entity)));
  const tagIndex = new Map(tags.map((name, i) => [name, i]));
  const ruleData: RuleData = { regexes: data.regexes, lookups: data.lookups, synonyms: data.synonyms };
  const rules = new RuleEntityExtractor(ruleData);
  const featurizerOptions = { ...config, maxFeatures: config.maxFeaturesPerToken };
  const dense = await loadDenseFeaturesAsync(config);

  // Async dense features (a Hugging Face encoder) run ahead of encoding, chunk by chunk so
  // that their bounded cache always holds the chunk. Samples keep their dense vectors, so
  // validation and calibration need no second encoder pass.
  const samples: Sample[] = [];
  for (let i = 0; i < data.examples.length; i += PREPARE_CHUNK) {
    const chunk = data.examples.slice(i, i + PREPARE_CHUNK);
    await dense?.prepare?.(chunk.map((example) => example.text));
    for (const example of chunk) {
      const cues = rules.extract(example.text);
      const encoded = encodeMessage(example.text, featurizerOptions, cues, dense);
      samples.push({ text: example.text, encoded, cues, intent: intentIndex.get(example.intent)!, tags: spansToTags(encoded.tokens, example.entities, tagIndex) });
    }
  }
  const oosIntent = intentIndex.get(config.outOfScopeIntent);
  const { train, validation } = stratifiedSplit(
    samples,
    config.validationSplit,
    rng,
    oosIntent === undefined ? undefined : { intent: oosIntent, share: config.outOfScopeValidationSplit },
  );

  // The sparse heads need nothing from the network: they are fitted while it trains
  // (sparse-fitter.ts), on the training part for fitting the blend and on all examples after.
  const fitter = new SparseHeadFitter(options.backgroundSparseFit ?? hasSpareCore());
  try {
    const fitLinear = (part: readonly Sample[]): PendingFit<SparseLinearHead> =>
      fitter.linear(
        part.map((s) => s.text),
        part.map((s) => s.intent),
        intents.length,
        { epochs: config.linearEpochs, learningRate: config.linearLearningRate, l2: config.linearL2, seed: config.seed, minCount: config.linearMinCount },
      );
    const hasEntities = tags.length > 1 && samples.some((s) => s.tags.some((t) => t !== 0));
    // The tagger learns with the gold intents; it is scored, and later used, with the predicted ones.
    const taggerDenseDim = config.taggerDenseScale > 0 ? (dense?.dim ?? 0) : 0;
    const tokenDense = (s: Sample) => (taggerDenseDim > 0 ? tokenDenseFeatures(s.encoded, taggerDenseDim) : undefined);
    const fitTagger = (part: readonly Sample[]): PendingFit<SparseTagger> =>
      fitter.tagger(
        part.map((s) => ({
          tokens: s.encoded.tokens,
          cues: s.cues,
          tags: s.tags,
          dense: tokenDense(s),
          ...(config.taggerIntentFeatures ? { intent: intents[s.intent] } : {}),
        })),
        tags.length,
        {
          epochs: config.taggerEpochs,
          learningRate: config.taggerLearningRate,
          l2: config.linearL2,
          seed: config.seed,
          minCount: config.taggerMinCount,
          denseDim: taggerDenseDim,
          denseScale: config.taggerDenseScale,
          contextFeatures: config.taggerContextFeatures,
        },
      );
    // The tagger's weight is fitted on the held-out split: without one, no tagger. The refit on
    // all examples is asked for now too; it is dropped if the tagger does not earn a weight.
    const withTagger = config.entityTagger && hasEntities && validation.length > 0;
    const linearOnTrain = config.linearHead ? fitLinear(train) : undefined;
    const taggerOnTrain = withTagger ? fitTagger(train) : undefined;
    const linearOnAll = config.linearHead && validation.length > 0 ? fitLinear(samples) : undefined;
    const taggerOnAll = withTagger ? fitTagger(samples) : undefined;

    const network = new JointModel(config, { intents: intents.length, tags: tags.length, denseDim: dense?.dim ?? 0 });
    const optimizer = tf.train.adam(config.learningRate);
    const trainable = [...network.variables.values()];
    let best: { score: number; intentAccuracy: number; epoch: number; weights: Map<string, Float32Array> } | undefined;
    let step = 0;
    let examplesSeen = 0;

    const stepsPerEpoch = Math.max(1, Math.ceil(train.length / config.batchSize));
    const epochs = Math.max(config.epochs, Math.ceil(config.minSteps / stepsPerEpoch));
    for (let epoch = 1; epoch <= epochs; epoch++) {
      let lossSum = 0;
      let batches = 0;
      for (const chunk of makeBatches(train, config.batchSize, rng)) {
        const batch = packBatch(
          chunk.map((s) => s.encoded),
          config.maxFeaturesPerToken,
          network.shape.denseDim,
        );
        const tagData = tagArrays(chunk, batch.length);
        const intentLabels = Int32Array.from(chunk.map((s) => s.intent));
        step += 1;
        // The embedding bag lives outside tfjs: feed its output as a variable to get d(loss)/d(output).
        const embedded = tf.variable(network.embed(batch), true);
        const { value, grads } = tf.variableGrads(() => {
          const out = network.forward(batch, { training: true, step, embedded });
          const intentLoss = tf.losses.softmaxCrossEntropy(tf.oneHot(tf.tensor1d(intentLabels, 'int32'), intents.length), out.intentLogits);
          // Data without entities has only the O tag: nothing for the entity head to learn.
          if (tags.length < 2) return intentLoss as tf.Scalar;
          const tagLoss = tf.losses.softmaxCrossEntropy(
            tf.oneHot(tf.tensor1d(tagData.labels, 'int32'), tags.length),
            out.tagLogits.reshape([batch.batch * batch.length, tags.length]),
            tf.tensor1d(tagData.weights),
          );
          return intentLoss.add(tagLoss.mul(config.entityLossWeight)) as tf.Scalar;
        }, [...trainable, embedded]);
        const embeddingGrad = grads[embedded.name]!;
        network.embedding.applyGradient(batch, embeddingGrad.dataSync() as Float32Array, config.learningRate);
        delete grads[embedded.name];
        optimizer.applyGradients(Object.entries(grads).map(([name, tensor]) => ({ name, tensor })));
        lossSum += (await value.data())[0]!;
        tf.dispose([value, embeddingGrad, embedded, ...Object.values(grads)]);
        batches += 1;
        examplesSeen += chunk.length;
      }

      let validationAccuracy: number | undefined;
      if (validation.length > 0) {
        const predictions = predict(network, validation, config, intents.length);
        validationAccuracy = predictions.intentLogits.filter((l, i) => argmax(l) === validation[i]!.intent).length / validation.length;
        // Keep the epoch best at both jobs: intent accuracy plateaus long before entity tagging does.
        const score = predictions.entityTokenAccuracy === undefined ? validationAccuracy : (validationAccuracy + predictions.entityTokenAccuracy) / 2;
        if (!best || score > best.score) best = { score, intentAccuracy: validationAccuracy, epoch, weights: network.snapshot() };
      }
      const elapsedSeconds = (Date.now() - started) / 1000;
      options.onProgress?.({
        epoch,
        epochs,
        loss: lossSum / Math.max(1, batches),
        validationAccuracy,
        elapsedSeconds,
        etaSeconds: (elapsedSeconds / epoch) * (epochs - epoch),
        examplesPerSecond: examplesSeen / Math.max(elapsedSeconds, 1e-3),
      });
      if (best && epoch - best.epoch >= config.patience) break;
    }
    optimizer.dispose();
    network.embedding.freeze();
    if (best) network.restore(best.weights);

    const stage = (message: string) => options.onStage?.(`${message} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    stage(
      fitter.background ? 'collecting the sparse intent head and entity tagger from their worker thread' : 'fitting the sparse intent head and entity tagger',
    );
    let linear = await linearOnTrain?.get();
    let tagger = await taggerOnTrain?.get();
    let taggerWeight = 0;
    let calibration = linear ? { ...DEFAULT_CALIBRATION, linearWeight: 1 } : DEFAULT_CALIBRATION;
    let linearIntentAccuracy: number | undefined;
    let blendedIntentAccuracy: number | undefined;
    let transitions: TagTransitions | undefined;
    let entityF1: TrainResult['validation']['entityF1'];
    if (validation.length > 0) {
      stage(`fitting calibration and entity decoding on ${validation.length} held-out examples`);
      const validationPredictions = predict(network, validation, config, intents.length, tags.length > 1);
      const logits = validationPredictions.intentLogits;
      const linearLogits = linear ? validation.map((s) => linear!.logits(s.text)) : undefined;
      const labels = validation.map((s) => s.intent);
      calibration = fitCalibration({ logits, linearLogits, labels }, oosIntent);
      const blended = logits.map((row, i) => blendLogits(row, linearLogits?.[i], calibration.linearWeight ?? 0));
      const accuracy = (rows: readonly Float32Array[]) => rows.filter((row, i) => argmax(row) === labels[i]).length / labels.length;
      if (linearLogits) {
        linearIntentAccuracy = accuracy(linearLogits);
        blendedIntentAccuracy = accuracy(blended);
      }
      if (tags.length > 1 && validation.some((s) => s.tags.some((t) => t !== 0))) {
        const taggerScores = tagger
          ? validation.map((s, i) =>
              tagger!.logProbs(s.encoded.tokens, s.cues, config.taggerIntentFeatures ? intents[argmax(blended[i]!)] : undefined, tokenDense(s)),
            )
          : undefined;
        const fitted = fitEntityDecoding(tags, train, validation, validationPredictions.tagLogProbs, taggerScores);
        transitions = fitted.transitions;
        taggerWeight = fitted.taggerWeight;
        entityF1 = fitted.f1;
      }
      // The blend weight is fitted; the head itself may now learn from the held-out examples too.
      stage('refitting the sparse heads on all examples');
      if (linear) linear = await linearOnAll!.get();
      // Likewise the tagger, when it is kept.
      if (tagger && taggerWeight > 0) tagger = await taggerOnAll!.get();
    }
    // A tagger that did not help on the held-out split is left out.
    if (taggerWeight === 0) tagger = undefined;
    const model = new NluModel(
      { format: 'shopdesk-nlu/1', config, intents, tags, calibration, ...(transitions ? { transitions } : {}), ...(tagger ? { taggerWeight } : {}) },
      network,
      ruleData,
      dense,
      linear,
      tagger,
    );
    return {
      model,
      backend,
      dataHash: hashTrainingData(data),
      trainingSeconds: (Date.now() - started) / 1000,
      bestEpoch: best?.epoch ?? epochs,
      validation: {
        examples: validation.length,
        intentAccuracy: best?.intentAccuracy,
        ...(linearIntentAccuracy === undefined ? {} : { linearIntentAccuracy, blendedIntentAccuracy }),
        calibration,
        ...(entityF1 ? { entityF1 } : {}),
      },
    };
  } finally {
    // Also on errors: a worker still fitting would otherwise keep a core busy.
    await fitter.close();
  }
}
