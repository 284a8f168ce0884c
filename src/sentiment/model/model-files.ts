/**
 * A sentiment model folder: model.json (format, config, weight manifest),
 * weights.bin (float32 dense layers of every ensemble member), embeddings.bin
 * (their embedding bags, sparse int8: see embedding-file.ts), lexicon.json,
 * aspects.json and a human-readable meta.json. Word vectors are referenced,
 * not copied: model.json stores their folder relative to the model folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { WordVectors } from '../../nlu/features/word-vectors';
import { ModelFileError, readJsonFile, readWeights, writeWeights, type WeightEntry } from '../../nlu/model/weights-file';
import { AspectLexicon } from '../aspects/aspect-lexicon';
import { Lexicon } from '../lexicon/lexicon';
import { SENTIMENT_LABELS } from '../types';
import { resolveSentimentConfig, type SentimentConfig } from './config';
import { readEmbeddings, writeEmbeddings, type EmbeddingEntry } from './embedding-file';
import { weightShapes } from './layout';
import { SentimentModel } from './sentiment-model';

export const MODEL_FILES = { manifest: 'model.json', weights: 'weights.bin', embeddings: 'embeddings.bin', lexicon: 'lexicon.json', aspects: 'aspects.json', meta: 'meta.json' } as const;

export interface SentimentManifest {
  format: 'shopdesk-sentiment/1';
  config: SentimentConfig;
  labels: string[];
  denseDim: number;
  weights: WeightEntry[];
  embeddings: EmbeddingEntry[];
}

/** Writes `model` into `dir` (created if needed); `meta` becomes meta.json. */
export function saveSentimentModel(model: SentimentModel, dir: string, meta?: object): void {
  fs.mkdirSync(dir, { recursive: true });
  const weights = new Map<string, Float32Array>();
  const shapes = new Map<string, number[]>();
  const layout = weightShapes(model.config, model.featurizer.denseDim);
  model.networks.forEach((network, m) => {
    for (const [name, shape] of layout) {
      weights.set(`m${m}/${name}`, network.weight(name));
      shapes.set(`m${m}/${name}`, shape);
    }
  });
  const entries = writeWeights(path.join(dir, MODEL_FILES.weights), weights, shapes);
  const embeddings = writeEmbeddings(
    path.join(dir, MODEL_FILES.embeddings),
    model.networks.map((n) => n.embedding),
    model.config.embeddingDim,
  );
  const vectors = model.vectorsDir ? path.relative(path.resolve(dir), model.vectorsDir).split(path.sep).join('/') : '';
  const manifest: SentimentManifest = { format: 'shopdesk-sentiment/1', config: { ...model.config, vectors }, labels: [...SENTIMENT_LABELS], denseDim: model.featurizer.denseDim, weights: entries, embeddings };
  fs.writeFileSync(path.join(dir, MODEL_FILES.manifest), `${JSON.stringify(manifest, null, 1)}\n`);
  model.lexicon.save(path.join(dir, MODEL_FILES.lexicon));
  model.aspects.save(path.join(dir, MODEL_FILES.aspects));
  if (meta) fs.writeFileSync(path.join(dir, MODEL_FILES.meta), `${JSON.stringify(meta, null, 2)}\n`);
}

/** Loads a model folder written by saveSentimentModel. @throws ModelFileError naming the bad file. */
export function loadSentimentModelFrom(dir: string): SentimentModel {
  const manifestFile = path.join(dir, MODEL_FILES.manifest);
  const manifest = readJsonFile<SentimentManifest>(manifestFile);
  if (manifest.format !== 'shopdesk-sentiment/1') throw new ModelFileError(manifestFile, `has format ${String(manifest.format)}, expected shopdesk-sentiment/1`);
  if (manifest.labels.join() !== SENTIMENT_LABELS.join()) throw new ModelFileError(manifestFile, `labels ${manifest.labels.join(', ')} differ from ${SENTIMENT_LABELS.join(', ')}`);
  const config = resolveSentimentConfig(manifest.config);
  const vectorsDir = config.vectors ? path.resolve(dir, config.vectors) : '';
  const vectors = vectorsDir ? WordVectors.load(vectorsDir) : undefined;
  const all = readWeights(path.join(dir, MODEL_FILES.weights), manifest.weights);
  const weightsFile = path.join(dir, MODEL_FILES.weights);
  if (manifest.embeddings?.length !== config.ensemble) throw new ModelFileError(manifestFile, `lists ${manifest.embeddings?.length ?? 0} embedding tables for an ensemble of ${config.ensemble}`);
  const tables = readEmbeddings(path.join(dir, MODEL_FILES.embeddings), manifest.embeddings, config.buckets, config.embeddingDim);
  const members = Array.from({ length: config.ensemble }, (_, m) => {
    const pick = (name: string, size: number) => {
      const values = all.get(`m${m}/${name}`);
      if (values?.length !== size) throw new ModelFileError(weightsFile, `weight m${m}/${name} is missing or has the wrong size`);
      return values;
    };
    const weights = new Map([...weightShapes(config, manifest.denseDim)].map(([name, shape]) => [name, pick(name, shape.reduce((a, b) => a * b, 1))]));
    return { weights, embedding: tables[m]! };
  });
  const model = new SentimentModel({
    config,
    lexicon: Lexicon.load(path.join(dir, MODEL_FILES.lexicon)),
    aspects: AspectLexicon.load(path.join(dir, MODEL_FILES.aspects)),
    vectors,
    vectorsDir,
    members,
  });
  if (model.featurizer.denseDim !== manifest.denseDim) {
    throw new ModelFileError(manifestFile, `expects ${manifest.denseDim} dense inputs per token but the word vectors in ${vectorsDir || '(none)'} give ${model.featurizer.denseDim}`);
  }
  return model;
}
