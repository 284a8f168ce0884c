/**
 * A trained NLU model at inference time: parse(text) -> intent, ranking and
 * entities (learned spans merged with rule entities: regex, catalog lookups,
 * money, dates, numbers). Loaded from a model folder; never imports training code.
 */
import path from 'node:path';
import { tf } from '../ml/tf-backend';
import { loadDenseFeatures, loadDenseFeaturesAsync } from './features/dense-features';
import { encodeMessage, packBatch, tokenDenseFeatures } from './features/featurizer';
import type { DenseTokenFeatures } from './features/word-vectors';
import { blendLogits, decideIntent, type Calibration } from './model/calibration';
import { OUTSIDE, TagDecoder, tagsToSpans, type TagTransitions } from './model/bio';
import type { ModelConfig } from './model/config';
import { JointModel } from './model/joint-model';
import { SparseLinearHead } from './model/sparse-linear';
import { blendTagScores, SparseTagger } from './model/sparse-tagger';
import { readJsonFile, readWeights, ModelFileError, type WeightEntry } from './model/weights-file';
import { mergeEntities, RuleEntityExtractor, type RuleEntity } from './rules';
import type { LookupTable, RegexFeature } from './types';

/** Longest text parsed; longer input is cut and flagged. */
export const MAX_TEXT_LENGTH = 2000;

/** Texts per prepare() + forward pass in parseBatchAsync. */
const ASYNC_CHUNK = 256;

function clipText(raw: unknown): { text: string; truncated: boolean } {
  const text = typeof raw === 'string' ? raw : String(raw ?? '');
  const truncated = text.length > MAX_TEXT_LENGTH;
  return { text: truncated ? text.slice(0, MAX_TEXT_LENGTH) : text, truncated };
}

export interface ParsedEntity {
  entity: string;
  value: unknown;
  start: number;
  end: number;
  confidence: number;
  extractor: string;
  text: string;
}

export interface ParseResult {
  text: string;
  intent: { name: string; confidence: number };
  intent_ranking: { name: string; confidence: number }[];
  entities: ParsedEntity[];
  /** The top two intents are too close to call (the dialogue asks). */
  ambiguous: boolean;
  /** The text was longer than MAX_TEXT_LENGTH and was cut. */
  truncated: boolean;
}

export interface RuleData {
  regexes: RegexFeature[];
  lookups: LookupTable[];
  synonyms: Record<string, string>;
}

/** model.json: what inference needs besides the weights. */
export interface ModelManifest {
  format: 'shopdesk-nlu/1';
  config: ModelConfig;
  intents: string[];
  tags: string[];
  calibration: Calibration;
  /** Tag-bigram prior for entity decoding (models since it exists; absent = none). */
  transitions?: TagTransitions;
  /** Weight of the sparse entity tagger's log-probabilities (present when the model has the tagger). */
  taggerWeight?: number;
  weights: WeightEntry[];
}

export const MODEL_FILES = { manifest: 'model.json', weights: 'weights.bin', rules: 'rules.json', meta: 'meta.json' } as const;

export class NluModel {
  private readonly rules: RuleEntityExtractor;
  private readonly oosIndex: number | undefined;
  private readonly dense: DenseTokenFeatures | undefined;
  private readonly decoder: TagDecoder;
  /** Entity types the model tags (its B-/I- tags), which rule entities of other types do not displace. */
  private readonly learnedTypes: ReadonlySet<string>;

  /**
   * `dense`: the model's dense token features, when the caller has them (training,
   * loadAsync); else they are resolved from the config, synchronously, which for an
   * `hfEncoder` needs the encoder loaded already (see loadAsync).
   * `linear`: the sparse linear intent head blended with the transformer (models since it exists).
   * `tagger`: the sparse entity tagger blended with the transformer's tag head (manifest.taggerWeight).
   */
  constructor(
    readonly manifest: Omit<ModelManifest, 'weights'>,
    readonly network: JointModel,
    readonly ruleData: RuleData,
    dense?: DenseTokenFeatures,
    readonly linear?: SparseLinearHead,
    readonly tagger?: SparseTagger,
  ) {
    if (tagger && (tagger.tags !== manifest.tags.length || manifest.taggerWeight === undefined)) {
      throw new Error(`The entity tagger has ${tagger.tags} tags and weight ${manifest.taggerWeight}, the model ${manifest.tags.length} tags`);
    }
    if (tagger && tagger.denseDim > 0 && tagger.denseDim !== network.shape.denseDim) {
      throw new Error(`The entity tagger reads ${tagger.denseDim} dense features per token, the model has ${network.shape.denseDim}`);
    }
    if (linear && linear.classes !== manifest.intents.length) {
      throw new Error(`The linear intent head has ${linear.classes} classes, the model ${manifest.intents.length} intents`);
    }
    this.rules = new RuleEntityExtractor({ regexes: ruleData.regexes, lookups: ruleData.lookups, synonyms: ruleData.synonyms });
    this.dense = network.shape.denseDim > 0 ? (dense ?? loadDenseFeatures(manifest.config)) : undefined;
    if (this.dense && this.dense.dim !== network.shape.denseDim) {
      throw new Error(`The model was trained with ${network.shape.denseDim}-dimensional dense features, but its config now gives ${this.dense.dim} (word vectors or hfEncoder changed?)`);
    }
    const oos = manifest.intents.indexOf(manifest.config.outOfScopeIntent);
    this.oosIndex = oos >= 0 ? oos : undefined;
    this.decoder = new TagDecoder(manifest.tags, manifest.transitions);
    this.learnedTypes = new Set(manifest.tags.filter((tag) => tag !== OUTSIDE).map((tag) => tag.slice(2)));
  }

  /**
   * Loads a model folder written by `save`. Errors name the offending file. A model
   * whose config has an `hfEncoder` needs loadAsync (or the encoder passed as `dense`).
   */
  static load(dir: string, dense?: DenseTokenFeatures): NluModel {
    const manifest = readManifest(dir);
    const ruleData = readJsonFile<RuleData>(path.join(dir, MODEL_FILES.rules));
    const weights = readWeights(path.join(dir, MODEL_FILES.weights), manifest.weights);
    const denseDim = manifest.weights.find((w) => w.name === 'dense_projection')?.shape[0] ?? 0;
    const network = new JointModel(manifest.config, { intents: manifest.intents.length, tags: manifest.tags.length, denseDim });
    let linear: SparseLinearHead | undefined;
    let tagger: SparseTagger | undefined;
    try {
      network.restore(weights);
      linear = SparseLinearHead.fromWeights(weights);
      // `=== true`: model.json of models trained before the option exists lacks the key, and they have no such features.
      tagger = SparseTagger.fromWeights(weights, manifest.config.taggerContextFeatures === true);
    } catch (error) {
      network.dispose();
      throw new ModelFileError(path.join(dir, MODEL_FILES.weights), (error as Error).message, { cause: error });
    }
    try {
      return new NluModel(manifest, network, ruleData, denseDim > 0 ? dense : undefined, linear, tagger);
    } catch (error) {
      network.dispose();
      throw error;
    }
  }

  /** Loads a model folder, first loading (asynchronously) the dense features its config names, a Hugging Face encoder included. */
  static async loadAsync(dir: string): Promise<NluModel> {
    const manifest = readManifest(dir);
    const usesDense = manifest.weights.some((w) => w.name === 'dense_projection');
    const dense = usesDense ? await loadDenseFeaturesAsync(manifest.config) : undefined;
    return NluModel.load(dir, dense);
  }

  get intents(): readonly string[] {
    return this.manifest.intents;
  }

  /** Adds catalog values (brands, categories, colours...) as lookup entities with fuzzy matching. */
  addLookup(table: LookupTable): void {
    this.rules.addLookup(table);
  }

  /** Rule entities alone (also used as token features). */
  ruleEntities(text: string): RuleEntity[] {
    return this.rules.extract(text);
  }

  /** Parses one message. Throws for a model with a Hugging Face encoder unless the text was prepared: use parseAsync there. */
  parse(input: string): ParseResult {
    return this.parseBatch([input])[0]!;
  }

  /** parse() for every model: first runs the async dense features (a Hugging Face encoder) on the text. */
  async parseAsync(input: string): Promise<ParseResult> {
    return (await this.parseBatchAsync([input]))[0]!;
  }

  /** parseBatch() for every model, in chunks: runs the async dense features, then the forward pass. */
  async parseBatchAsync(inputs: readonly string[]): Promise<ParseResult[]> {
    const prepare = this.dense?.prepare?.bind(this.dense);
    if (!prepare) return this.parseBatch(inputs);
    const results: ParseResult[] = [];
    for (let i = 0; i < inputs.length; i += ASYNC_CHUNK) {
      const chunk = inputs.slice(i, i + ASYNC_CHUNK);
      await prepare(chunk.map((raw) => clipText(raw).text));
      results.push(...this.parseBatch(chunk));
    }
    return results;
  }

  /** Parses several messages in one forward pass (faster for evaluation). */
  parseBatch(inputs: readonly string[]): ParseResult[] {
    const { config, intents, calibration } = this.manifest;
    const prepared = inputs.map((raw) => {
      const { text: clipped, truncated } = clipText(raw);
      const ruleEntities = this.rules.extract(clipped);
      const encoded = encodeMessage(clipped, { ...config, maxFeatures: config.maxFeaturesPerToken }, ruleEntities, this.dense);
      return { text: clipped, truncated, ruleEntities, encoded };
    });
    const batch = packBatch(
      prepared.map((p) => p.encoded),
      config.maxFeaturesPerToken,
      this.network.shape.denseDim,
    );
    const [intentLogits, tagProbs] = tf.tidy(() => {
      const out = this.network.forward(batch, { training: false });
      return [out.intentLogits.dataSync() as Float32Array, tf.logSoftmax(out.tagLogits).dataSync() as Float32Array];
    });
    return prepared.map((p, b) => {
      const transformer = intentLogits.subarray(b * intents.length, (b + 1) * intents.length);
      const logits = this.linear ? blendLogits(transformer, this.linear.logits(p.text), calibration.linearWeight ?? 1) : transformer;
      const decision = decideIntent(logits, calibration, this.oosIndex);
      const name = decision.decided >= 0 ? intents[decision.decided]! : config.outOfScopeIntent;
      const confidence = decision.decided >= 0 ? decision.ranking.find((r) => r.index === decision.decided)!.confidence : 1 - decision.ranking[0]!.confidence;
      // A tagger trained with intents reads the best-ranked one, as in training (before any out-of-scope threshold).
      const topIntent = config.taggerIntentFeatures ? intents[decision.ranking[0]!.index] : undefined;
      const taggerDense = this.tagger?.denseDim ? tokenDenseFeatures(p.encoded, this.tagger.denseDim) : undefined;
      const learned = this.learnedEntities(p.text, p.encoded.tokens, p.ruleEntities, topIntent, taggerDense, tagProbs, b, batch.length);
      return {
        text: p.text,
        intent: { name, confidence: round(confidence) },
        intent_ranking: decision.ranking.slice(0, 10).map((r) => ({ name: intents[r.index]!, confidence: round(r.confidence) })),
        entities: mergeEntities(
          p.ruleEntities.map((e) => ({ ...e, confidence: round(e.confidence) })),
          learned,
          this.learnedTypes,
        ).sort((a, b2) => a.start - b2.start),
        ambiguous: decision.ambiguous,
        truncated: p.truncated,
      };
    });
  }

  private learnedEntities(
    text: string,
    tokens: ReturnType<typeof encodeMessage>['tokens'],
    cues: readonly RuleEntity[],
    intent: string | undefined,
    taggerDense: Float32Array | undefined,
    tagLogProbs: Float32Array,
    b: number,
    length: number,
  ): ParsedEntity[] {
    const tags = this.decoder.tags;
    const k = tags.length;
    const transformer = tokens.map((_, i) => tagLogProbs.subarray(((b * length) + i + 1) * k, ((b * length) + i + 2) * k));
    const scores = blendTagScores(transformer, this.tagger?.logProbs(tokens, cues, intent, taggerDense), this.manifest.taggerWeight ?? 0);
    const path = this.decoder.decode(scores);
    return tagsToSpans(path, tags).map((span) => trimTrailingLinkWords(span, tokens)).map((span) => {
      const start = tokens[span.first]!.start;
      const end = tokens[span.last]!.end;
      const surface = text.slice(start, end);
      let confidence = 0;
      for (let i = span.first; i <= span.last; i++) confidence += Math.exp(scores[i]![path[i]!]!);
      return {
        entity: span.entity,
        value: this.normalizeValue(span.entity, surface),
        start,
        end,
        confidence: round(confidence / (span.last - span.first + 1)),
        extractor: 'transformer',
        text: surface,
      };
    });
  }

  /** Synonyms first; structured types reuse the rule normalisers on the span ("50 bucks" -> {amount: 50}). */
  private normalizeValue(entity: string, surface: string): unknown {
    const synonym = this.ruleData.synonyms[surface.toLowerCase()];
    if (synonym !== undefined) return synonym;
    const normalized = this.rules.extract(surface).find((e) => e.entity === entity && e.start === 0 && e.end === surface.length);
    return normalized ? normalized.value : surface;
  }

  /** All weights to save: the network's, the linear head's and the entity tagger's. */
  snapshot(): { weights: Map<string, Float32Array>; shapes: Map<string, number[]> } {
    const weights = this.network.snapshot();
    const shapes = this.network.shapes();
    for (const part of [this.linear, this.tagger]) {
      if (!part) continue;
      const head = part.snapshot();
      for (const [name, values] of head.weights) weights.set(name, values);
      for (const [name, shape] of head.shapes) shapes.set(name, shape);
    }
    return { weights, shapes };
  }

  dispose(): void {
    this.network.dispose();
  }
}

/**
 * Words that join an entity to what follows it ("a blender under $50", "shoes for
 * running") and never end a product, brand or place name; the tag-transition prior
 * makes the tagger carry a span on over them, so they are cut from the span's end.
 */
const TRAILING_LINK_WORDS = new Set(['under', 'below', 'over', 'above', 'less', 'more', 'than', 'for', 'with', 'in', 'at', 'to', 'from', 'of', 'and', 'or', 'by', 'on']);

function trimTrailingLinkWords<S extends { first: number; last: number }>(span: S, tokens: readonly { norm: string }[]): S {
  let last = span.last;
  while (last > span.first && TRAILING_LINK_WORDS.has(tokens[last]!.norm)) last -= 1;
  return last === span.last ? span : { ...span, last };
}

function readManifest(dir: string): ModelManifest {
  const manifestFile = path.join(dir, MODEL_FILES.manifest);
  const manifest = readJsonFile<ModelManifest>(manifestFile);
  if (manifest.format !== 'shopdesk-nlu/1' || !Array.isArray(manifest.intents) || !Array.isArray(manifest.weights)) {
    throw new ModelFileError(manifestFile, 'is not a ShopDesk NLU model manifest');
  }
  return manifest;
}

function round(value: number): number {
  return Math.round(value * 10000) / 10000;
}
