/**
 * Sanity checks run before training: a classifier cannot learn an intent from
 * a single example, and a file set without intents is certainly a mistake.
 */
import type { TrainingData } from '../types';
import { TrainingDataError } from './errors';

/** Options for {@link validateTrainingData}. */
export interface ValidateOptions {
  /** Fewest examples an intent may have (default 2). */
  minExamplesPerIntent?: number;
}

/**
 * Throws when the data has no intents, or an intent has fewer than
 * `minExamplesPerIntent` examples. The error names the intent (and any others
 * short of examples) and points at the file:line of one of its examples.
 */
export function validateTrainingData(data: TrainingData, { minExamplesPerIntent = 2 }: ValidateOptions = {}): void {
  if (data.examples.length === 0) throw new TrainingDataError('training data has no intents (no examples at all)');
  const counts = new Map<string, { count: number; source?: string }>();
  for (const example of data.examples) {
    const entry = counts.get(example.intent);
    if (entry) entry.count += 1;
    else counts.set(example.intent, { count: 1, source: example.source });
  }
  const short = [...counts].filter(([, entry]) => entry.count < minExamplesPerIntent);
  const first = short[0];
  if (!first) return;
  const [intent, { count, source }] = first;
  const plural = count === 1 ? 'example' : 'examples';
  let message = `intent "${intent}" has ${count} ${plural}, at least ${minExamplesPerIntent} are needed`;
  if (short.length > 1) {
    message += `; also short: ${short
      .slice(1)
      .map(([name, e]) => `"${name}" (${e.count})`)
      .join(', ')}`;
  }
  const location = /^(.*):(\d+)$/.exec(source ?? '');
  if (location?.[1] !== undefined && location[2] !== undefined) {
    throw new TrainingDataError(message, location[1], Number(location[2]));
  }
  throw new TrainingDataError(message, source);
}
