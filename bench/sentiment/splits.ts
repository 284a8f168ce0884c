/**
 * The benchmark's splits. UCI sentences: train on two domains, test on the
 * third (all three rotations, binary). Demo store: a seeded split of the
 * generated reviews stratified by star rating (3-class: 1-2 negative,
 * 3 neutral, 4-5 positive), review text only (titles would give the rating away).
 */
import path from 'node:path';
import { labelForRating, readUciDomain, targetForRating, UCI_DOMAINS, type LabelledText } from '../../src/sentiment';
import { generateDemoStore } from '../../src/store/demo-store';
import { Prng } from '../../src/util/prng';
import type { BenchSplit } from './types';

export const DATASETS_DIR = process.env.SHOPDESK_DATASETS ?? path.resolve(__dirname, '../../../shared/datasets');
export const UCI_DIR = path.join(DATASETS_DIR, 'uci-sentiment-labelled-sentences');

export function uciRotations(dir = UCI_DIR): BenchSplit[] {
  const domains = new Map(UCI_DOMAINS.map((d) => [d, readUciDomain(dir, d)]));
  return UCI_DOMAINS.map((test) => {
    const trainDomains = UCI_DOMAINS.filter((d) => d !== test);
    return {
      name: `uci ${trainDomains.join('+')} -> ${test}`,
      binary: true,
      train: trainDomains.flatMap((d) => domains.get(d)!),
      test: domains.get(test)!,
      notes: [`UCI sentiment labelled sentences (CC BY 4.0), read from ${dir}; train ${trainDomains.join(' + ')}, test ${test}; binary`],
    };
  });
}

export function storeSplit(options: { seed: number; testShare: number; maxTrain: number }): BenchSplit {
  const reviews = generateDemoStore().reviews;
  const byRating = new Map<number, LabelledText[]>();
  for (const r of reviews) {
    const list = byRating.get(r.rating) ?? [];
    list.push({ text: r.text, label: labelForRating(r.rating), target: targetForRating(r.rating), domain: 'store' });
    byRating.set(r.rating, list);
  }
  const rng = new Prng(options.seed);
  const train: LabelledText[] = [];
  const test: LabelledText[] = [];
  for (const list of byRating.values()) {
    rng.shuffle(list);
    const held = Math.round(list.length * options.testShare);
    test.push(...list.slice(0, held));
    train.push(...list.slice(held));
  }
  const keptTrain = rng.shuffle(train).slice(0, options.maxTrain);
  return {
    name: 'store 3-class',
    binary: false,
    train: keptTrain,
    test,
    notes: [`demo store (generateDemoStore(), ${reviews.length} reviews): ${test.length} held out stratified by rating; ${keptTrain.length} of the other ${train.length} used for training (seeded)`],
  };
}
