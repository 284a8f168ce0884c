/**
 * The UCI "Sentiment Labelled Sentences" data set (Kotzias et al., KDD 2015;
 * CC BY 4.0): 1,000 Amazon, Yelp and IMDb sentences each, labelled 0/1. Read
 * at run time from a local copy, never bundled.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { LabelledText } from '../types';

export const UCI_DOMAINS = ['amazon', 'yelp', 'imdb'] as const;
export type UciDomain = (typeof UCI_DOMAINS)[number];

const FILES: Readonly<Record<UciDomain, string>> = { amazon: 'amazon_cells_labelled.txt', yelp: 'yelp_labelled.txt', imdb: 'imdb_labelled.txt' };

export const UCI_CITATION = 'UCI Sentiment Labelled Sentences (Kotzias, Denil, de Freitas, Smyth: "From Group to Individual Labels using Deep Features", KDD 2015), CC BY 4.0';

/**
 * Reads one domain: `sentence<TAB>0|1` per line, optional header, CRLF
 * tolerated; each line split on its last tab (the IMDb file has stray quotes).
 */
export function readUciDomain(dir: string, domain: UciDomain): LabelledText[] {
  const file = path.join(dir, FILES[domain]);
  if (!fs.existsSync(file)) throw new Error(`UCI sentiment file ${file} does not exist (pass the folder holding ${Object.values(FILES).join(', ')})`);
  const examples: LabelledText[] = [];
  for (const line of fs.readFileSync(file, 'utf8').replace(/\r/g, '').split('\n')) {
    const tab = line.lastIndexOf('\t');
    if (tab < 0) continue;
    const score = line.slice(tab + 1).trim();
    if (score !== '0' && score !== '1') continue; // header
    examples.push({ text: line.slice(0, tab).trim(), label: score === '1' ? 'positive' : 'negative', domain: `uci-${domain}` });
  }
  return examples;
}
