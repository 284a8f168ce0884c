/**
 * A model folder: model.json (catalogue, shoppers, settings, array index),
 * weights.bin (every numeric array, little-endian, 8-byte aligned) and
 * meta.json (provenance and validation metrics). Writing then reading gives
 * bit-identical arrays, hence identical recommendations.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { RecommenderConfig } from './config';
import type { UserHistory } from './dataset';
import { RecommendModelError } from './errors';
import type { RankerWeights } from './ranker';
import { MODEL_FORMAT, MODEL_VERSION, type RecommenderMeta, type RecommenderState } from './state';

type ArrayKind = 'f64' | 'f32' | 'i32' | 'u8';
type NumericArray = Float64Array | Float32Array | Int32Array | Uint8Array;

interface ArrayEntry {
  name: string;
  kind: ArrayKind;
  offset: number;
  length: number;
}

interface ModelJson {
  format: string;
  version: number;
  config: RecommenderConfig;
  catalog: { ids: string[]; titles: string[]; categories: string[] };
  users: string[];
  ranker: RankerWeights;
  mf?: { factors: number; regularization: number; alpha: number };
  neural?: { items: number; dim: number; hidden: number; shortWindow: number; shortDecay: number; longWindow: number };
  arrays: ArrayEntry[];
}

const CONSTRUCTORS = { f64: Float64Array, f32: Float32Array, i32: Int32Array, u8: Uint8Array } as const;
const kindOf = (a: NumericArray): ArrayKind => (a instanceof Float64Array ? 'f64' : a instanceof Float32Array ? 'f32' : a instanceof Int32Array ? 'i32' : 'u8');

function packHistories(histories: readonly UserHistory[]): Record<string, NumericArray> {
  const offsets = new Int32Array(histories.length + 1);
  histories.forEach((h, u) => (offsets[u + 1] = offsets[u]! + h.items.length));
  const total = offsets[histories.length]!;
  const items = new Int32Array(total);
  const weights = new Float32Array(total);
  const purchased = new Uint8Array(total);
  histories.forEach((h, u) => {
    items.set(h.items, offsets[u]!);
    weights.set(h.weights, offsets[u]!);
    purchased.set(h.purchased, offsets[u]!);
  });
  return { 'histories.offsets': offsets, 'histories.items': items, 'histories.weights': weights, 'histories.purchased': purchased };
}

/** Writes the three files of a model folder. */
export function writeModel(state: RecommenderState, dir: string): void {
  const arrays: Record<string, NumericArray> = { 'catalog.prices': state.catalog.prices, ...packHistories(state.histories) };
  if (state.popularity) arrays['popularity'] = state.popularity;
  for (const [name, lists] of [['knn', state.knn], ['content', state.content]] as const) {
    if (lists) Object.assign(arrays, { [`${name}.offsets`]: lists.offsets, [`${name}.items`]: lists.items, [`${name}.sims`]: lists.sims });
  }
  if (state.mf) arrays['mf.itemFactors'] = state.mf.itemFactors;
  if (state.mf?.userFactors) arrays['mf.userFactors'] = state.mf.userFactors;
  if (state.neural) {
    const n = state.neural;
    Object.assign(arrays, { 'neural.embeddings': n.embeddings, 'neural.w1': n.w1, 'neural.b1': n.b1, 'neural.w2': n.w2, 'neural.b2': n.b2 });
  }
  const entries: ArrayEntry[] = [];
  let offset = 0;
  for (const [name, a] of Object.entries(arrays)) {
    entries.push({ name, kind: kindOf(a), offset, length: a.length });
    offset += Math.ceil(a.byteLength / 8) * 8;
  }
  const buffer = Buffer.alloc(offset);
  entries.forEach((e, n) => {
    const a = Object.values(arrays)[n]!;
    Buffer.from(a.buffer, a.byteOffset, a.byteLength).copy(buffer, e.offset);
  });
  const json: ModelJson = {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    config: state.config,
    catalog: { ids: state.catalog.ids, titles: state.catalog.titles, categories: state.catalog.categories },
    users: state.users,
    ranker: state.ranker,
    ...(state.mf ? { mf: { factors: state.mf.factors, regularization: state.mf.regularization, alpha: state.mf.alpha } } : {}),
    ...(state.neural
      ? { neural: { items: state.neural.items, dim: state.neural.dim, hidden: state.neural.hidden, shortWindow: state.neural.shortWindow, shortDecay: state.neural.shortDecay, longWindow: state.neural.longWindow } }
      : {}),
    arrays: entries,
  };
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'weights.bin'), buffer);
  fs.writeFileSync(path.join(dir, 'model.json'), JSON.stringify(json));
  fs.writeFileSync(path.join(dir, 'meta.json'), `${JSON.stringify(state.meta, null, 2)}\n`);
}

function readJson<T>(file: string): T {
  if (!fs.existsSync(file)) throw new RecommendModelError(`${file} is missing: not a recommender model folder (train one with \`shopdesk recommend train\`)`);
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch (error) {
    throw new RecommendModelError(`${file} is not valid JSON`, { cause: error });
  }
}

/**
 * Reads a model folder written by writeModel.
 * @throws RecommendModelError when files are missing, of another format or version, or truncated.
 */
export function readModel(dir: string): RecommenderState {
  const json = readJson<ModelJson>(path.join(dir, 'model.json'));
  const meta = readJson<RecommenderMeta>(path.join(dir, 'meta.json'));
  if (json.format !== MODEL_FORMAT || json.version !== MODEL_VERSION) {
    throw new RecommendModelError(`${dir} holds format ${json.format} v${json.version}; this build reads ${MODEL_FORMAT} v${MODEL_VERSION} (retrain the model)`);
  }
  const binFile = path.join(dir, 'weights.bin');
  if (!fs.existsSync(binFile)) throw new RecommendModelError(`${binFile} is missing`);
  const bin = fs.readFileSync(binFile);
  const arrays = new Map<string, NumericArray>();
  for (const e of json.arrays) {
    const Ctor = CONSTRUCTORS[e.kind];
    const bytes = e.length * Ctor.BYTES_PER_ELEMENT;
    if (!Ctor || e.offset + bytes > bin.length) throw new RecommendModelError(`${binFile} is truncated or damaged (array ${e.name})`);
    const copy = new Uint8Array(bytes);
    bin.copy(copy, 0, e.offset, e.offset + bytes);
    arrays.set(e.name, new Ctor(copy.buffer));
  }
  const get = <T extends NumericArray>(name: string): T => {
    const a = arrays.get(name);
    if (!a) throw new RecommendModelError(`${binFile} lacks array ${name}`);
    return a as T;
  };
  const has = (name: string) => arrays.has(name);
  const offsets = get<Int32Array>('histories.offsets');
  const histories: UserHistory[] = json.users.map((_, u) => {
    const [a, b] = [offsets[u]!, offsets[u + 1]!];
    return { items: get<Int32Array>('histories.items').slice(a, b), weights: get<Float32Array>('histories.weights').slice(a, b), purchased: get<Uint8Array>('histories.purchased').slice(a, b) };
  });
  const lists = (name: string) => (has(`${name}.offsets`) ? { offsets: get<Int32Array>(`${name}.offsets`), items: get<Int32Array>(`${name}.items`), sims: get<Float32Array>(`${name}.sims`) } : undefined);
  const state: RecommenderState = {
    config: json.config,
    catalog: { ...json.catalog, prices: get<Float64Array>('catalog.prices') },
    users: json.users,
    histories,
    ranker: json.ranker,
    meta,
  };
  if (has('popularity')) state.popularity = get<Float32Array>('popularity');
  const knn = lists('knn');
  if (knn) state.knn = knn;
  const content = lists('content');
  if (content) state.content = content;
  if (json.mf) state.mf = { ...json.mf, itemFactors: get<Float32Array>('mf.itemFactors'), ...(has('mf.userFactors') ? { userFactors: get<Float32Array>('mf.userFactors') } : {}) };
  if (json.neural) {
    state.neural = { ...json.neural, embeddings: get('neural.embeddings'), w1: get('neural.w1'), b1: get('neural.b1'), w2: get('neural.w2'), b2: get('neural.b2') };
  }
  return state;
}
