/** Writes a trained model folder: model.json, weights.bin, rules.json and a human-readable meta.json. */
import fs from 'node:fs';
import path from 'node:path';
import { writeWeights } from './model/weights-file';
import { MODEL_FILES, type ModelManifest } from './nlu-model';
import type { TrainResult } from './train';

export interface ModelMeta {
  kind: 'nlu';
  createdAt: string;
  dataHash: string;
  dataSource: string;
  backend: string;
  trainingSeconds: number;
  bestEpoch: number;
  config: TrainResult['model']['manifest']['config'];
  intents: number;
  entityTags: number;
  examples: number;
  validation: TrainResult['validation'];
  /** Filled by `nlu test` when run against a test set. */
  metrics?: Record<string, unknown>;
}

export function saveModel(result: TrainResult, dir: string, info: { dataSource: string; examples: number }): ModelMeta {
  fs.mkdirSync(dir, { recursive: true });
  const { model } = result;
  const snapshot = model.snapshot();
  const weights = writeWeights(path.join(dir, MODEL_FILES.weights), snapshot.weights, snapshot.shapes);
  const manifest: ModelManifest = { ...model.manifest, weights };
  fs.writeFileSync(path.join(dir, MODEL_FILES.manifest), JSON.stringify(manifest, null, 1));
  fs.writeFileSync(path.join(dir, MODEL_FILES.rules), JSON.stringify(model.ruleData));
  const meta: ModelMeta = {
    kind: 'nlu',
    createdAt: new Date().toISOString(),
    dataHash: result.dataHash,
    dataSource: info.dataSource,
    backend: result.backend,
    trainingSeconds: Math.round(result.trainingSeconds * 10) / 10,
    bestEpoch: result.bestEpoch,
    config: model.manifest.config,
    intents: model.manifest.intents.length,
    entityTags: model.manifest.tags.length,
    examples: info.examples,
    validation: result.validation,
  };
  fs.writeFileSync(path.join(dir, MODEL_FILES.meta), `${JSON.stringify(meta, null, 2)}\n`);
  return meta;
}
