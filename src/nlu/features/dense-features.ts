/**
 * Resolves and caches the dense token features a model config asks for: word
 * vectors, a Hugging Face encoder, or both side by side (concatenated per token).
 * Word vectors load synchronously; an encoder loads asynchronously
 * (loadDenseFeaturesAsync), after which the synchronous loadDenseFeatures
 * serves it from the cache.
 */
import path from 'node:path';
import type { Token } from '../tokenizer';
import { HfEncoderFeatures } from './hf-encoder';
import { WordVectors, type DenseTokenFeatures } from './word-vectors';

/** Relative asset paths in model configs are resolved against the shipped models/ folder. */
export const MODELS_ROOT = path.resolve(__dirname, '../../../models');

/** The config fields that pick dense features (a ModelConfig has them all). */
export interface DenseFeaturesConfig {
  wordVectors?: string | null;
  hfEncoder?: string;
  /** Tokens per message, [CLS] included (the encoder sees the same maxTokens - 1 words as the featurizer). */
  maxTokens?: number;
}

const cache = new Map<string, WordVectors>();
const encoders = new Map<string, Promise<HfEncoderFeatures>>();
const loadedEncoders = new Map<string, HfEncoderFeatures>();
const combined = new Map<string, DenseTokenFeatures>();

export function resolveModelAsset(file: string): string {
  return path.isAbsolute(file) ? file : path.resolve(MODELS_ROOT, file);
}

/** Several feature sources side by side: dim is their sum, each token's vector their concatenation. */
export class ConcatDenseFeatures implements DenseTokenFeatures {
  readonly dim: number;

  constructor(readonly parts: readonly DenseTokenFeatures[]) {
    this.dim = parts.reduce((sum, p) => sum + p.dim, 0);
  }

  async prepare(texts: readonly string[]): Promise<void> {
    await Promise.all(this.parts.map((p) => p.prepare?.(texts)));
  }

  encode(tokens: readonly Token[]): Float32Array {
    const out = new Float32Array(tokens.length * this.dim);
    let offset = 0;
    for (const part of this.parts) {
      const values = part.encode(tokens);
      for (let t = 0; t < tokens.length; t++) out.set(values.subarray(t * part.dim, (t + 1) * part.dim), t * this.dim + offset);
      offset += part.dim;
    }
    return out;
  }
}

function loadWordVectors(file: string): WordVectors {
  const dir = resolveModelAsset(file);
  let vectors = cache.get(dir);
  if (!vectors) {
    vectors = WordVectors.load(dir);
    cache.set(dir, vectors);
  }
  return vectors;
}

function encoderKey(config: DenseFeaturesConfig): string {
  return JSON.stringify([config.hfEncoder, (config.maxTokens ?? 256) - 1]);
}

function combine(config: DenseFeaturesConfig, vectors: WordVectors | undefined, encoder: HfEncoderFeatures | undefined): DenseTokenFeatures | undefined {
  if (!vectors || !encoder) return vectors ?? encoder;
  const key = JSON.stringify([resolveModelAsset(config.wordVectors!), encoderKey(config)]);
  let both = combined.get(key);
  if (!both) {
    both = new ConcatDenseFeatures([vectors, encoder]);
    combined.set(key, both);
  }
  return both;
}

/**
 * The dense features of a config, synchronously. A config with an `hfEncoder`
 * needs loadDenseFeaturesAsync to have loaded the encoder first (else this throws).
 */
export function loadDenseFeatures(config: DenseFeaturesConfig): DenseTokenFeatures | undefined {
  const vectors = config.wordVectors ? loadWordVectors(config.wordVectors) : undefined;
  if (!config.hfEncoder) return vectors;
  const encoder = loadedEncoders.get(encoderKey(config));
  if (!encoder) {
    throw new Error(`The Hugging Face encoder "${config.hfEncoder}" loads asynchronously: use loadDenseFeaturesAsync (NluModel.loadAsync / loadNluModel)`);
  }
  return combine(config, vectors, encoder);
}

/** The dense features of a config, loading (once per process) the Hugging Face encoder it names. */
export async function loadDenseFeaturesAsync(config: DenseFeaturesConfig): Promise<DenseTokenFeatures | undefined> {
  const vectors = config.wordVectors ? loadWordVectors(config.wordVectors) : undefined;
  if (!config.hfEncoder) return vectors;
  const key = encoderKey(config);
  let pending = encoders.get(key);
  if (!pending) {
    pending = HfEncoderFeatures.load(config.hfEncoder, { maxTokens: (config.maxTokens ?? 256) - 1, modelsRoot: MODELS_ROOT });
    encoders.set(key, pending);
    // A failed load is not cached: the next call tries again.
    pending.then(
      (encoder) => loadedEncoders.set(key, encoder),
      () => encoders.delete(key),
    );
  }
  return combine(config, vectors, await pending);
}
