/**
 * MovieLens-100K reader (GroupLens: u.data and u.item). Every rating becomes
 * one implicit interaction at its timestamp; an item's text is its genres and
 * release year, its category its first genre. Files are read where they lie.
 */
import fs from 'node:fs';
import path from 'node:path';
import { RecommendInputError } from './errors';
import type { Interaction, Item } from './types';

const GENRES = [
  'unknown', 'Action', 'Adventure', 'Animation', "Children's", 'Comedy', 'Crime', 'Documentary', 'Drama', 'Fantasy',
  'Film-Noir', 'Horror', 'Musical', 'Mystery', 'Romance', 'Sci-Fi', 'Thriller', 'War', 'Western',
];

/** The shared datasets folder: SHOPDESK_DATASETS, else ../shared/datasets beside the repository. */
export function datasetsDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.SHOPDESK_DATASETS || path.resolve(__dirname, '../../../shared/datasets');
}

export interface MovieLensData {
  interactions: Interaction[];
  items: Item[];
}

/** Reads MovieLens-100K from `dir` (default: <datasets>/movielens-100k). */
export function loadMovieLens100k(dir = path.join(datasetsDir(), 'movielens-100k')): MovieLensData {
  const dataFile = ['u.data.tsv', 'u.data'].map((f) => path.join(dir, f)).find((f) => fs.existsSync(f));
  const itemFile = ['u.item.txt', 'u.item'].map((f) => path.join(dir, f)).find((f) => fs.existsSync(f));
  if (!dataFile || !itemFile) throw new RecommendInputError(`MovieLens-100K not found in ${dir} (expected u.data.tsv and u.item.txt; set SHOPDESK_DATASETS)`);
  const interactions: Interaction[] = [];
  for (const line of fs.readFileSync(dataFile, 'latin1').split('\n')) {
    if (!line.trim()) continue;
    const [user, item, , ts] = line.split('\t');
    const at = Number(ts) * 1000;
    if (!user || !item || !Number.isFinite(at)) throw new RecommendInputError(`bad MovieLens rating line: ${line}`);
    interactions.push({ user, item, kind: 'view', at });
  }
  const items: Item[] = [];
  for (const line of fs.readFileSync(itemFile, 'latin1').split('\n')) {
    if (!line.trim()) continue;
    const fields = line.split('|');
    const flags = fields.slice(-GENRES.length);
    const genres = GENRES.filter((_, g) => flags[g] === '1');
    const year = /(\d{4})\s*$/.exec(fields[2] ?? '')?.[1] ?? '';
    items.push({ id: fields[0]!, title: fields[1]!, category: genres[0] ?? 'unknown', text: `${genres.join(' ')} ${year ? `year ${year} decade ${year.slice(0, 3)}0s` : ''}`.trim() });
  }
  return { interactions, items };
}
