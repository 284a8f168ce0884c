/**
 * Development splits for tuning: every one is carved from the TRAIN side of a
 * benchmark (or its official validation split), never from the test split the
 * benchmark reports. The train side of each is what the benchmark trains on.
 */
import fs from 'node:fs';
import path from 'node:path';
import { bankingRows, bioSplit, clincRows, datasetsRoot, FEW_SHOT_SEED, OUT_OF_SCOPE } from './datasets';
import type { BenchDataset, TrainingExample } from './types';
import { sampleN, samplePerIntent, stratifiedHoldOut } from './util';

export const DEV_SPLIT_NAMES = ['clinc150', 'banking77', 'banking77-10shot', 'snips', 'atis'] as const;
export type DevSplitName = (typeof DEV_SPLIT_NAMES)[number];

const DEV_SEED = 7;
/** Evaluation examples per dev split (a seeded sample), to keep a tuning run short. */
const DEV_EVAL = 2000;

function data(examples: TrainingExample[]) {
  return { examples, synonyms: {}, regexes: [], lookups: [] };
}

export function loadDevSplit(name: DevSplitName): BenchDataset {
  switch (name) {
    case 'clinc150': {
      const raw = JSON.parse(fs.readFileSync(path.join(datasetsRoot(), 'clinc150', 'data_full.json'), 'utf8')) as Record<string, unknown>;
      return {
        name: 'clinc150',
        train: data([...clincRows(raw, 'train'), ...clincRows(raw, 'oos_train')]),
        test: [...clincRows(raw, 'val'), ...clincRows(raw, 'oos_val')],
        outOfScopeIntent: OUT_OF_SCOPE,
        hasEntities: false,
        notes: ['DEV: train+oos_train, evaluated on the official val+oos_val split'],
      };
    }
    case 'banking77': {
      const { fit, heldOut } = stratifiedHoldOut(bankingRows('train'), 0.2, DEV_SEED);
      return {
        name,
        train: data(fit),
        test: sampleN(heldOut, DEV_EVAL, DEV_SEED),
        hasEntities: false,
        notes: ['DEV: 80% of train.csv, evaluated on the other 20%'],
      };
    }
    case 'banking77-10shot': {
      const all = bankingRows('train');
      const shots = samplePerIntent(all, 10, FEW_SHOT_SEED);
      const used = new Set(shots.map((e) => e.source));
      const rest = all.filter((e) => !used.has(e.source));
      return {
        name,
        train: data(shots),
        test: sampleN(rest, DEV_EVAL, DEV_SEED),
        hasEntities: false,
        notes: ['DEV: the benchmark 10-shot sample, evaluated on other train.csv examples'],
      };
    }
    case 'snips':
    case 'atis': {
      const folder = name === 'snips' ? 'snips-goo2018-bio' : 'atis';
      return { name, train: data(bioSplit(folder, 'train')), test: bioSplit(folder, 'valid'), hasEntities: true, notes: ['DEV: evaluated on the valid split'] };
    }
  }
}

export function isDevSplitName(name: string): name is DevSplitName {
  return (DEV_SPLIT_NAMES as readonly string[]).includes(name);
}
