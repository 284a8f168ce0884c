/**
 * Reads labelled texts: JSON lines of `{text, label}` where label is
 * negative / neutral / positive, 0 / 1 (binary data sets), or `{text, rating}`
 * with a 1-5 star rating. Binary files are remembered as such so evaluation
 * can score them as positive-vs-not.
 */
import fs from 'node:fs';
import { labelForRating, targetForRating, type LabelledText, type SentimentLabel } from '../types';

export class LabelledDataError extends Error {
  override name = 'LabelledDataError';
}

export interface LabelledData {
  examples: LabelledText[];
  /** True when every label was 0/1: the set only knows negative and positive. */
  binary: boolean;
}

const NAMES: Readonly<Record<string, SentimentLabel>> = { negative: 'negative', neg: 'negative', neutral: 'neutral', positive: 'positive', pos: 'positive' };

/** Parses one record; `where` names it in errors. */
export function parseLabelledRecord(record: unknown, where: string): { example: LabelledText; binary: boolean } {
  if (record === null || typeof record !== 'object') throw new LabelledDataError(`${where}: expected an object with text and label`);
  const { text, label, rating, domain } = record as Record<string, unknown>;
  if (typeof text !== 'string') throw new LabelledDataError(`${where}: "text" must be a string`);
  const extra = typeof domain === 'string' ? { domain } : {};
  if (label === undefined && typeof rating === 'number' && rating >= 1 && rating <= 5) {
    return { example: { text, label: labelForRating(Math.round(rating)), target: targetForRating(rating), ...extra }, binary: false };
  }
  if (label === 0 || label === 1 || label === '0' || label === '1') {
    return { example: { text, label: Number(label) === 1 ? 'positive' : 'negative', ...extra }, binary: true };
  }
  const name = typeof label === 'string' ? NAMES[label.toLowerCase()] : undefined;
  if (!name) throw new LabelledDataError(`${where}: label must be negative, neutral, positive, 0 or 1 (or give a 1-5 "rating"), got ${JSON.stringify(label)}`);
  return { example: { text, label: name, ...extra }, binary: false };
}

/** Parses JSON-lines text (blank lines skipped). */
export function parseLabelledJsonl(content: string, source = 'input'): LabelledData {
  const examples: LabelledText[] = [];
  let binary = true;
  content.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch (error) {
      throw new LabelledDataError(`${source}:${i + 1}: not valid JSON (${(error as Error).message})`, { cause: error });
    }
    const parsed = parseLabelledRecord(record, `${source}:${i + 1}`);
    examples.push(parsed.example);
    binary &&= parsed.binary;
  });
  if (examples.length === 0) throw new LabelledDataError(`${source}: no examples`);
  return { examples, binary };
}

/** Reads a .jsonl file. */
export function readLabelledJsonl(file: string): LabelledData {
  if (!fs.existsSync(file)) throw new LabelledDataError(`${file} does not exist`);
  return parseLabelledJsonl(fs.readFileSync(file, 'utf8'), file);
}
