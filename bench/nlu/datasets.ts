/**
 * Loaders for the public NLU benchmarks in /work/shared/datasets (never copied
 * into the repository). Each returns train data in ShopDesk's TrainingData shape
 * and the official test split as TrainingExamples.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BenchDataset, TrainingData, TrainingExample } from './types';
import type { EntitySpan } from '../../src/nlu/types';
import { samplePerIntent } from './util';

export const DATASET_NAMES = ['clinc150', 'banking77', 'banking77-10shot', 'snips', 'atis'] as const;
export type DatasetName = (typeof DATASET_NAMES)[number];

export const OUT_OF_SCOPE = 'out_of_scope';
export const FEW_SHOT_SEED = 20240501;

export function datasetsRoot(): string {
  return process.env.SHOPDESK_DATASETS || path.resolve(__dirname, '../../../shared/datasets');
}

function file(...parts: string[]): string {
  const p = path.join(datasetsRoot(), ...parts);
  if (!fs.existsSync(p)) throw new Error(`dataset file not found: ${p} (set SHOPDESK_DATASETS to the datasets folder)`);
  return p;
}

function trainingData(examples: TrainingExample[]): TrainingData {
  return { examples, synonyms: {}, regexes: [], lookups: [] };
}

function example(text: string, intent: string, source: string, entities: EntitySpan[] = []): TrainingExample {
  return { text, intent, entities, source };
}

// ---------------------------------------------------------------- CLINC150

type ClincSplit = 'train' | 'val' | 'test' | 'oos_train' | 'oos_val' | 'oos_test';

export function clincRows(data: Record<string, unknown>, split: ClincSplit): TrainingExample[] {
  const rows = data[split];
  if (!Array.isArray(rows)) throw new Error(`clinc150 data_full.json has no "${split}" list`);
  return rows.map((row: unknown, i) => {
    if (!Array.isArray(row) || typeof row[0] !== 'string' || typeof row[1] !== 'string') throw new Error(`clinc150 ${split}[${i}] is not [text, intent]`);
    const intent = row[1] === 'oos' ? OUT_OF_SCOPE : row[1];
    return example(row[0].trim(), intent, `clinc150/data_full.json:${split}[${i}]`);
  });
}

export function loadClinc150(): BenchDataset {
  const data = JSON.parse(fs.readFileSync(file('clinc150', 'data_full.json'), 'utf8')) as Record<string, unknown>;
  return {
    name: 'clinc150',
    train: trainingData([...clincRows(data, 'train'), ...clincRows(data, 'oos_train')]),
    test: [...clincRows(data, 'test'), ...clincRows(data, 'oos_test')],
    outOfScopeIntent: OUT_OF_SCOPE,
    hasEntities: false,
    notes: ['data_full: train+oos_train (oos -> out_of_scope), official test+oos_test'],
  };
}

// ---------------------------------------------------------------- BANKING77

/** RFC 4180 CSV: quoted fields may hold commas, "" and newlines; CRLF or LF line ends. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

export function bankingRows(name: 'train' | 'test'): TrainingExample[] {
  const rows = parseCsv(fs.readFileSync(file('banking77', `${name}.csv`), 'utf8'));
  const [header, ...body] = rows;
  if (header?.[0] !== 'text' || header[1] !== 'category') throw new Error(`banking77/${name}.csv: expected header text,category`);
  return body.map((r, i) => {
    if (r.length !== 2) throw new Error(`banking77/${name}.csv row ${i + 2}: expected 2 fields, got ${r.length}`);
    // A few texts carry leading/trailing newlines inside the quotes; whitespace is collapsed.
    return example(r[0]!.replace(/\s+/g, ' ').trim(), r[1]!, `banking77/${name}.csv:${i + 2}`);
  });
}

export function loadBanking77(): BenchDataset {
  return {
    name: 'banking77',
    train: trainingData(bankingRows('train')),
    test: bankingRows('test'),
    hasEntities: false,
    notes: [],
  };
}

/** 10 training examples per intent, sampled with a fixed seed from the full train split; full test split. */
export function loadBanking77FewShot(shots = 10): BenchDataset {
  const full = loadBanking77();
  return {
    name: `banking77-${shots}shot`,
    train: trainingData(samplePerIntent(full.train.examples, shots, FEW_SHOT_SEED)),
    test: full.test,
    hasEntities: false,
    notes: [`${shots} examples per intent sampled from train.csv with seed ${FEW_SHOT_SEED}`],
  };
}

// ---------------------------------------------------------------- BIO (SNIPS, ATIS)

function lines(p: string): string[] {
  const all = fs.readFileSync(p, 'utf8').split(/\r?\n/);
  if (all[all.length - 1] === '') all.pop();
  return all;
}

/** BIO tags over whitespace tokens -> character spans on the single-space-joined text. */
export function bioToExample(tokensLine: string, tagsLine: string, intent: string, source: string): TrainingExample {
  const tokens = tokensLine.trim().split(/\s+/).filter(Boolean);
  const tags = tagsLine.trim().split(/\s+/).filter(Boolean);
  if (tokens.length !== tags.length) throw new Error(`${source}: ${tokens.length} tokens but ${tags.length} tags`);
  const text = tokens.join(' ');
  const entities: EntitySpan[] = [];
  let offset = 0;
  let open: EntitySpan | undefined;
  tokens.forEach((token, i) => {
    const tag = tags[i]!;
    const start = offset;
    const end = start + token.length;
    offset = end + 1;
    const type = tag === 'O' ? undefined : tag.slice(2);
    // I- continues an open span of the same type; a stray I- opens a new span (lenient, as conlleval).
    if (type !== undefined && tag.startsWith('I-') && open?.entity === type) {
      open.end = end;
      return;
    }
    if (open) entities.push(open);
    open = type === undefined ? undefined : { entity: type, value: '', start, end };
  });
  if (open) entities.push(open);
  for (const e of entities) e.value = text.slice(e.start, e.end);
  return example(text, intent, source, entities);
}

export function bioSplit(folder: string, split: string): TrainingExample[] {
  const seqIn = lines(file(folder, split, 'seq.in.txt'));
  const seqOut = lines(file(folder, split, 'seq.out.txt'));
  const labels = lines(file(folder, split, 'label.txt'));
  if (seqIn.length !== seqOut.length || seqIn.length !== labels.length) {
    throw new Error(`${folder}/${split}: seq.in ${seqIn.length}, seq.out ${seqOut.length}, label ${labels.length} lines differ`);
  }
  return seqIn.map((line, i) => bioToExample(line, seqOut[i]!, labels[i]!.trim(), `${folder}/${split}/seq.in.txt:${i + 1}`));
}

function loadBio(name: 'snips' | 'atis', folder: string): BenchDataset {
  const train = bioSplit(folder, 'train');
  const test = bioSplit(folder, 'test');
  const seen = new Set(train.map((e) => e.intent));
  const unseen = test.filter((e) => !seen.has(e.intent));
  const notes = [`train/test BIO splits from ${folder}/ (Goo et al. 2018), tokens joined with single spaces`];
  const multi = new Set([...train, ...test].map((e) => e.intent).filter((i) => i.includes('#')));
  if (multi.size > 0) notes.push(`${multi.size} multi-intent labels ("a#b") kept as single labels`);
  if (unseen.length > 0) {
    const labels = [...new Set(unseen.map((e) => e.intent))].sort();
    notes.push(`${unseen.length} test examples have intents never seen in train (${labels.join(', ')}): no classifier can get them right`);
  }
  return { name, train: trainingData(train), test, hasEntities: true, notes };
}

export function loadDataset(name: DatasetName): BenchDataset {
  switch (name) {
    case 'clinc150':
      return loadClinc150();
    case 'banking77':
      return loadBanking77();
    case 'banking77-10shot':
      return loadBanking77FewShot(10);
    case 'snips':
      return loadBio('snips', 'snips-goo2018-bio');
    case 'atis':
      return loadBio('atis', 'atis');
  }
}

export function isDatasetName(name: string): name is DatasetName {
  return (DATASET_NAMES as readonly string[]).includes(name);
}
