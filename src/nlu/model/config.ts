/** Hyper-parameters of the joint intent + entity transformer, with the defaults the shipped model uses. */
import { z } from 'zod';

export const modelConfigSchema = z
  .object({
    /** Hash buckets for sparse token features (embedding-bag rows). */
    buckets: z.number().int().min(1024).max(1 << 20).default(1 << 15),
    charNgrams: z.array(z.number().int().min(1).max(6)).default([3, 4]),
    maxFeaturesPerToken: z.number().int().min(4).max(64).default(20),
    dim: z.number().int().min(8).max(512).default(64),
    heads: z.number().int().min(1).max(16).default(4),
    layers: z.number().int().min(0).max(6).default(1),
    ffnDim: z.number().int().min(8).max(2048).default(128),
    /** Tokens kept per message (longer messages are truncated, and flagged). */
    maxTokens: z.number().int().min(4).max(256).default(48),
    dropout: z.number().min(0).max(0.9).default(0.2),
    epochs: z.number().int().min(1).max(500).default(15),
    batchSize: z.number().int().min(1).max(1024).default(64),
    /**
     * At least this many optimiser steps: small data sets get more epochs (15 epochs of 140 examples
     * are only 45 steps, far too few to learn anything). Early stopping still applies.
     */
    minSteps: z.number().int().min(0).max(100000).default(600),
    learningRate: z.number().positive().max(1).default(0.005),
    /** Weight of the entity (BIO) loss relative to the intent loss. */
    entityLossWeight: z.number().min(0).max(10).default(1),
    /** Share of examples held out (stratified) for early stopping and threshold tuning. */
    validationSplit: z.number().min(0).max(0.5).default(0.1),
    /**
     * Share of the out-of-scope examples held out instead: the out-of-scope threshold is fitted
     * on them, and 10% of a hundred examples is too few to fit it on.
     */
    outOfScopeValidationSplit: z.number().min(0).max(0.5).default(0.3),
    /** Stop when validation has not improved for this many epochs. */
    patience: z.number().int().min(1).max(100).default(5),
    seed: z.number().int().default(42),
    /** Dense word vectors: a folder written by scripts/build-word-vectors.js (relative to models/), or null for none. */
    wordVectors: z.string().nullable().default('vectors/glove-50k'),
    /** Optional Hugging Face encoder (model id or local folder) whose token embeddings are added as features. */
    hfEncoder: z.string().optional(),
    /**
     * A sparse linear intent head (logistic regression over TF-IDF word and character n-grams)
     * trained beside the transformer; their logits are blended with a weight fitted on the
     * held-out split. It carries most of the decision when examples are few.
     */
    linearHead: z.boolean().default(true),
    /** Adagrad epochs, step size and L2 penalty of the linear head. */
    linearEpochs: z.number().int().min(1).max(100).default(8),
    linearLearningRate: z.number().positive().max(10).default(0.1),
    linearL2: z.number().min(0).max(1).default(1e-6),
    /** N-grams found in fewer training messages get no column in the linear head (keeps the weights file small). */
    linearMinCount: z.number().int().min(1).max(100).default(1),
    /**
     * A sparse entity tagger (logistic regression per token over window features) trained
     * beside the transformer; its tag log-probabilities are blended with the transformer's
     * by a weight fitted on the held-out split (0 when it does not help there).
     */
    entityTagger: z.boolean().default(true),
    /** Adagrad epochs, step size and L2 penalty (the linear head's) of the entity tagger. */
    taggerEpochs: z.number().int().min(1).max(100).default(8),
    taggerLearningRate: z.number().positive().max(10).default(0.3),
    /** Conjoin the tagger's word features with the message's intent (the predicted one at inference). */
    taggerIntentFeatures: z.boolean().default(true),
    /**
     * The tagger also reads the model's dense token features (word vectors), learned at this
     * scale relative to its sparse features; 0 = not at all. Vectors are what tell an unseen
     * city from an unseen country.
     */
    taggerDenseScale: z.number().min(0).max(10).default(0.3),
    /**
     * Each word also gets the nearest verb and preposition before it (part-of-speech tags),
     * context beyond the tagger's three-word window. Models saved without the key have none.
     */
    taggerContextFeatures: z.boolean().default(true),
    /** Window features seen fewer times get no tagger weight (keeps the weights file small). */
    taggerMinCount: z.number().int().min(1).max(100).default(1),
    /** Name of the out-of-scope intent, if the data has one. */
    outOfScopeIntent: z.string().default('out_of_scope'),
  })
  .strict();

export type ModelConfig = z.infer<typeof modelConfigSchema>;

export function resolveModelConfig(input: unknown = {}): ModelConfig {
  const parsed = modelConfigSchema.safeParse(input ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid NLU config at ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
  }
  if (parsed.data.dim % parsed.data.heads !== 0) throw new Error(`Invalid NLU config: dim (${parsed.data.dim}) must be divisible by heads (${parsed.data.heads})`);
  return parsed.data;
}
