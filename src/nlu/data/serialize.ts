/**
 * TrainingData back to Rasa 3 NLU YAML: the inverse of parseTrainingYaml, used
 * by round-trip tests and by tooling that rewrites or exports data sets.
 */
import { Document, Scalar } from 'yaml';
import type { EntitySpan, TrainingData, TrainingExample } from '../types';
import { groupBy } from '../../util/group-by';

/**
 * Renders `data` as Rasa 3 NLU YAML. Intents keep the order of their first
 * example; entity annotations use `[text](entity)` when the value is the
 * surface text and the JSON form otherwise.
 */
export function toRasaYaml(data: TrainingData): string {
  const nlu: Record<string, unknown>[] = [];
  for (const [intent, examples] of groupBy(data.examples, (ex) => ex.intent)) {
    nlu.push({ intent, examples: examplesNode(examples.map(annotate)) });
  }
  for (const [canonical, surfaces] of groupBy(Object.entries(data.synonyms), ([, value]) => value)) {
    nlu.push({ synonym: canonical, examples: examplesNode(surfaces.map(([surface]) => surface)) });
  }
  for (const [name, regexes] of groupBy(data.regexes, (r) => r.name)) {
    nlu.push({ regex: name, examples: examplesNode(regexes.map((r) => r.pattern)) });
  }
  for (const table of data.lookups) {
    if (table.elements.length > 0) nlu.push({ lookup: table.name, examples: examplesNode(table.elements) });
  }
  return new Document({ version: '3.1', nlu }).toString({ lineWidth: 0 });
}

/** Re-inserts annotations into an example's text. */
function annotate(example: TrainingExample): string {
  const spans = [...example.entities].sort((a, b) => a.start - b.start);
  let out = '';
  let cursor = 0;
  for (const span of spans) {
    if (span.start < cursor) continue; // overlapping spans cannot be written inline
    const surface = example.text.slice(span.start, span.end);
    out += example.text.slice(cursor, span.start) + `[${surface}]` + annotationBody(span, surface);
    cursor = span.end;
  }
  return out + example.text.slice(cursor);
}

function annotationBody(span: EntitySpan, surface: string): string {
  if (span.value === surface && span.role === undefined && span.group === undefined) return `(${span.entity})`;
  const json: Record<string, string> = { entity: span.entity };
  if (span.value !== surface) json.value = span.value;
  if (span.role !== undefined) json.role = span.role;
  if (span.group !== undefined) json.group = span.group;
  return JSON.stringify(json);
}

/**
 * Rasa's usual `examples: |` block of "- " lines. Texts containing line breaks
 * cannot live in such a block, so those fall back to a YAML list of strings.
 */
function examplesNode(lines: string[]): Scalar | string[] {
  if (lines.some((line) => /[\r\n]/.test(line))) return lines;
  const node = new Scalar(lines.map((line) => `- ${line}`).join('\n') + '\n');
  node.type = Scalar.BLOCK_LITERAL;
  return node;
}

