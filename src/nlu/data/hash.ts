/**
 * Content hash of training data, used to decide whether a trained model is
 * stale. It hashes a canonical form: examples, spans, regexes and lookup
 * elements are sorted and `source` is dropped, so renaming, splitting or
 * reordering files does not change the hash, while any change in content does.
 */
import { createHash } from 'node:crypto';
import type { EntitySpan, TrainingData } from '../types';

/** sha256 (hex) of the canonical JSON form of `data`. */
export function hashTrainingData(data: TrainingData): string {
  return createHash('sha256').update(canonicalJson(data)).digest('hex');
}

function canonicalJson(data: TrainingData): string {
  const examples = data.examples
    .map((ex) => JSON.stringify([ex.intent, ex.text, [...ex.entities].sort(bySpan).map(spanTuple)]))
    .sort(compare);
  const synonyms = Object.entries(data.synonyms).sort(([a], [b]) => compare(a, b));
  const regexes = data.regexes.map((r) => JSON.stringify([r.name, r.pattern])).sort(compare);
  const lookups = new Map<string, Set<string>>();
  for (const table of data.lookups) {
    const set = lookups.get(table.name) ?? new Set<string>();
    for (const element of table.elements) set.add(element);
    lookups.set(table.name, set);
  }
  const lookupList = [...lookups]
    .map(([name, elements]) => [name, [...elements].sort(compare)] as const)
    .sort(([a], [b]) => compare(a, b));
  return JSON.stringify({ examples, synonyms, regexes, lookups: lookupList });
}

function spanTuple(s: EntitySpan): unknown[] {
  return [s.start, s.end, s.entity, s.value, s.role ?? null, s.group ?? null];
}

function bySpan(a: EntitySpan, b: EntitySpan): number {
  return a.start - b.start || a.end - b.end || compare(a.entity, b.entity);
}

/** Code-unit comparison: localeCompare would make the hash depend on the machine's locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
