/**
 * Combining the pieces of training data that several files (or several items
 * of one file) declare. Kept separate from parsing so the directory loader and
 * the YAML parser merge in exactly the same way.
 */
import type { LookupTable, TrainingData } from '../types';

/** A fresh, empty TrainingData. */
export function emptyTrainingData(): TrainingData {
  return { examples: [], synonyms: {}, regexes: [], lookups: [] };
}

/**
 * Adds a lookup table, folding it into an existing table of the same name:
 * Rasa lets a table be split across files, and duplicates would only make
 * the entity extractor do the same work twice.
 */
export function addLookup(data: TrainingData, table: LookupTable): void {
  const existing = data.lookups.find((t) => t.name === table.name);
  if (!existing) {
    data.lookups.push({ name: table.name, elements: dedupe(table.elements) });
    return;
  }
  const seen = new Set(existing.elements);
  for (const element of table.elements) {
    if (!seen.has(element)) {
      seen.add(element);
      existing.elements.push(element);
    }
  }
}

/**
 * Merges `parts` in order into a new TrainingData. Later synonyms override
 * earlier ones for the same surface form, which is why callers pass files in
 * sorted order: the result must not depend on directory listing order.
 */
export function mergeTrainingData(parts: TrainingData[]): TrainingData {
  const out = emptyTrainingData();
  for (const part of parts) {
    out.examples.push(...part.examples);
    Object.assign(out.synonyms, part.synonyms);
    out.regexes.push(...part.regexes);
    for (const table of part.lookups) addLookup(out, table);
  }
  return out;
}

function dedupe(values: string[]): string[] {
  return [...new Set(values)];
}
