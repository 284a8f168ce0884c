/**
 * Rasa's inline entity annotations inside one training example:
 *
 *   [text](entity)                       surface text is the value
 *   [text](entity:value)                 Rasa 1 shorthand for a synonym value
 *   [text]{"entity": "x", "value": "y"}  JSON form, also `role` and `group`
 *
 * The annotation markup is stripped and the entity offsets point into the
 * stripped text, which is what the models are trained on.
 */
import type { EntitySpan } from '../types';
import { TrainingDataError } from './errors';

/** An example with its annotations removed and resolved into spans. */
export interface AnnotatedExample {
  text: string;
  entities: EntitySpan[];
}

/**
 * Parses one example line (without the leading "- ").
 *
 * @throws TrainingDataError (without file/line: the caller knows them) for
 *   unbalanced brackets, malformed JSON, or a JSON annotation without "entity".
 */
export function parseAnnotatedExample(line: string): AnnotatedExample {
  let text = '';
  const entities: EntitySpan[] = [];
  let i = 0;
  while (i < line.length) {
    const ch = line.charAt(i);
    if (ch === ']') throw bad(line, `unbalanced ']' at column ${i + 1}`);
    if (ch !== '[') {
      text += ch;
      i += 1;
      continue;
    }
    const close = findClosingBracket(line, i);
    const surface = line.slice(i + 1, close);
    if (surface.trim() === '') throw bad(line, `empty entity text at column ${i + 1}`);
    const next = line.charAt(close + 1);
    let annotation: Annotation;
    let after: number;
    if (next === '(') {
      const end = line.indexOf(')', close + 2);
      if (end < 0) throw bad(line, `unbalanced '(' at column ${close + 2}`);
      annotation = parseParenAnnotation(line, line.slice(close + 2, end));
      after = end + 1;
    } else if (next === '{') {
      const end = findClosingBrace(line, close + 1);
      annotation = parseJsonAnnotation(line, line.slice(close + 1, end + 1));
      after = end + 1;
    } else {
      // A bare "[text]" is almost always a forgotten annotation; failing here
      // beats silently training on text with brackets in it.
      throw bad(line, `'[${surface}]' at column ${i + 1} is not followed by (entity) or {"entity": ...}`);
    }
    const start = text.length;
    text += surface;
    entities.push(toSpan(annotation, surface, start, text.length));
    i = after;
  }
  return { text, entities };
}

interface Annotation {
  entity: string;
  value?: string;
  role?: string;
  group?: string;
}

function toSpan(a: Annotation, surface: string, start: number, end: number): EntitySpan {
  const span: EntitySpan = { entity: a.entity, value: a.value ?? surface, start, end };
  if (a.role !== undefined) span.role = a.role;
  if (a.group !== undefined) span.group = a.group;
  return span;
}

function findClosingBracket(line: string, open: number): number {
  for (let j = open + 1; j < line.length; j++) {
    const c = line.charAt(j);
    if (c === ']') return j;
    if (c === '[') throw bad(line, `unbalanced '[' at column ${open + 1} (nested '[' at column ${j + 1})`);
  }
  throw bad(line, `unbalanced '[' at column ${open + 1}`);
}

/** Finds the '}' matching the '{' at `open`, skipping braces inside JSON strings. */
function findClosingBrace(line: string, open: number): number {
  let depth = 0;
  let inString = false;
  for (let j = open; j < line.length; j++) {
    const c = line.charAt(j);
    if (inString) {
      if (c === '\\') j += 1;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth += 1;
    else if (c === '}') {
      depth -= 1;
      if (depth === 0) return j;
    }
  }
  throw bad(line, `unbalanced '{' at column ${open + 1}`);
}

function parseParenAnnotation(line: string, body: string): Annotation {
  const colon = body.indexOf(':');
  const entity = (colon < 0 ? body : body.slice(0, colon)).trim();
  if (entity === '') throw bad(line, `empty entity name in '(${body})'`);
  if (colon < 0) return { entity };
  const value = body.slice(colon + 1).trim();
  if (value === '') throw bad(line, `empty entity value in '(${body})'`);
  return { entity, value };
}

function parseJsonAnnotation(line: string, json: string): Annotation {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (err) {
    throw bad(line, `invalid JSON in entity annotation ${json}: ${(err as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw bad(line, `entity annotation ${json} must be a JSON object`);
  }
  const obj = parsed as Record<string, unknown>;
  if (typeof obj.entity !== 'string' || obj.entity.trim() === '') {
    throw bad(line, `entity annotation ${json} has no "entity" name`);
  }
  const annotation: Annotation = { entity: obj.entity.trim() };
  for (const key of ['value', 'role', 'group'] as const) {
    const v = obj[key];
    if (v === undefined || v === null) continue;
    // Numbers/booleans are legal JSON values for Rasa; spans hold strings.
    if (typeof v === 'object') throw bad(line, `"${key}" in entity annotation ${json} must be a string`);
    annotation[key] = String(v);
  }
  return annotation;
}

function bad(line: string, problem: string): TrainingDataError {
  return new TrainingDataError(`${problem} in example "${line}"`);
}
