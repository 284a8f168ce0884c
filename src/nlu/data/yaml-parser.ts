/**
 * Rasa 3 NLU YAML (`version:` + `nlu:` list of intent / synonym / regex /
 * lookup items) into TrainingData. The `yaml` package's CST keeps node
 * offsets, which a LineCounter turns into the line numbers every error and
 * every example's `source` carries.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, Scalar } from 'yaml';
import type { Node, YAMLMap } from 'yaml';
import type { TrainingData } from '../types';
import { parseAnnotatedExample } from './annotations';
import { TrainingDataError } from './errors';
import { addLookup, emptyTrainingData } from './merge';

/** One example line read from the file, with where it came from. */
interface SourceLine {
  text: string;
  line: number;
}

const ITEM_KINDS = ['intent', 'synonym', 'regex', 'lookup'] as const;
type ItemKind = (typeof ITEM_KINDS)[number];

/**
 * Parses the text of one Rasa NLU YAML file.
 *
 * Top-level keys other than `nlu` (version, rules, stories, responses, ...)
 * are ignored so domain and story files can share a directory with NLU data.
 *
 * @param file - name used in error messages and example `source`s.
 * @throws TrainingDataError naming `file` and the line of the problem.
 */
export function parseTrainingYaml(text: string, file = '<string>'): TrainingData {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, keepSourceTokens: true });
  const syntax = doc.errors[0];
  if (syntax) {
    const firstLine = syntax.message.split('\n')[0] ?? syntax.message;
    const problem = firstLine.replace(/ at line \d+, column \d+:?$/, '');
    throw new TrainingDataError(`YAML syntax error: ${problem}`, file, syntax.linePos?.[0].line);
  }
  return new FileParser(file, lines).parse(doc.contents);
}

class FileParser {
  private readonly data = emptyTrainingData();

  constructor(
    private readonly file: string,
    private readonly lines: LineCounter,
  ) {}

  parse(root: Node | null): TrainingData {
    if (root === null || (isScalar(root) && root.value === null)) return this.data;
    if (!isMap(root)) throw this.error(root, 'the top level must be a mapping (with an "nlu" key)');
    const nlu = root.get('nlu', true) as Node | undefined;
    if (nlu === undefined || (isScalar(nlu) && nlu.value === null)) return this.data;
    if (!isSeq(nlu)) throw this.error(nlu, '"nlu" must be a list of intent/synonym/regex/lookup items');
    for (const item of nlu.items) this.parseItem(item as Node);
    return this.data;
  }

  private parseItem(item: Node): void {
    if (!isMap(item)) throw this.error(item, 'each "nlu" item must be a mapping with intent, synonym, regex or lookup');
    const kind = ITEM_KINDS.find((k) => item.has(k));
    if (kind === undefined) {
      const keys = item.items.map((p) => String(isScalar(p.key) ? p.key.value : p.key)).join(', ');
      throw this.error(item, `"nlu" item has none of intent, synonym, regex, lookup (keys: ${keys || 'none'})`);
    }
    const name = this.readName(item, kind);
    const examples = this.readExamples(item, kind, name);
    switch (kind) {
      case 'intent':
        return this.addIntent(name, examples);
      case 'synonym':
        for (const ex of examples) this.data.synonyms[ex.text.toLowerCase()] = name;
        return;
      case 'regex':
        return this.addRegex(name, examples);
      case 'lookup':
        return addLookup(this.data, { name, elements: examples.map((ex) => ex.text) });
    }
  }

  private readName(item: YAMLMap, kind: ItemKind): string {
    const node = item.get(kind, true) as Node | undefined;
    const value = isScalar(node) ? node.value : undefined;
    if (typeof value !== 'string') throw this.error(node ?? item, `${kind} name must be a string`);
    if (value.trim() === '') throw this.error(node ?? item, `${kind} name is empty`);
    return value.trim();
  }

  private readExamples(item: YAMLMap, kind: ItemKind, name: string): SourceLine[] {
    const key = kind === 'lookup' && !item.has('examples') && item.has('elements') ? 'elements' : 'examples';
    const node = item.get(key, true) as Node | undefined;
    const what = `${kind} "${name}"`;
    if (node === undefined || (isScalar(node) && node.value === null)) {
      throw this.error(node ?? item, `${what} has no "${key}"`);
    }
    if (isScalar(node) && typeof node.value === 'string') return this.readBlock(node as Scalar<string>, what);
    if (isSeq(node)) return node.items.map((entry) => this.readListEntry(entry as Node, what));
    throw this.error(node, `"${key}" of ${what} must be a string of "- example" lines or a list`);
  }

  /** "- ex\n- ex" block: line of example i is the block's first content line + i. */
  private readBlock(node: Scalar<string>, what: string): SourceLine[] {
    // A block scalar's range starts at its `|` header; content starts on the next line.
    const first = this.lineOf(node) + (isBlockScalar(node) ? 1 : 0);
    const out: SourceLine[] = [];
    node.value.split(/\r?\n/).forEach((raw, index) => {
      const trimmed = raw.trim();
      if (trimmed === '') return;
      const line = first + index;
      if (!trimmed.startsWith('-')) {
        throw new TrainingDataError(`example of ${what} must start with "- ": ${trimmed}`, this.file, line);
      }
      const text = trimmed.slice(1).trim();
      if (text === '') throw new TrainingDataError(`empty example in ${what}`, this.file, line);
      out.push({ text, line });
    });
    if (out.length === 0) throw this.error(node, `${what} has no examples`);
    return out;
  }

  /** A list entry: a plain string, or Rasa's `{text, metadata}` map. */
  private readListEntry(entry: Node, what: string): SourceLine {
    let textNode: Node | undefined = entry;
    if (isMap(entry)) textNode = entry.get('text', true) as Node | undefined;
    const value = isScalar(textNode) ? textNode.value : undefined;
    if (typeof value !== 'string' || value.trim() === '') {
      throw this.error(textNode ?? entry, `each example of ${what} must be a non-empty string or a map with "text"`);
    }
    // A `text: |` block starts on the line after its header.
    const node = textNode ?? entry;
    return { text: value.trim(), line: this.lineOf(node) + (isBlockScalar(node) ? 1 : 0) };
  }

  private addIntent(intent: string, examples: SourceLine[]): void {
    for (const { text: raw, line } of examples) {
      let parsed;
      try {
        parsed = parseAnnotatedExample(raw);
      } catch (err) {
        if (err instanceof TrainingDataError) throw err.at(this.file, line);
        throw err;
      }
      for (const span of parsed.entities) {
        // Rasa turns an annotated value into a synonym of its surface text.
        const surface = parsed.text.slice(span.start, span.end);
        if (span.value !== surface) this.data.synonyms[surface.toLowerCase()] = span.value;
      }
      this.data.examples.push({ text: parsed.text, intent, entities: parsed.entities, source: `${this.file}:${line}` });
    }
  }

  private addRegex(name: string, examples: SourceLine[]): void {
    for (const { text: pattern, line } of examples) {
      try {
        new RegExp(pattern);
      } catch (err) {
        throw new TrainingDataError(`invalid regex pattern for "${name}": ${(err as Error).message}`, this.file, line);
      }
      this.data.regexes.push({ name, pattern });
    }
  }

  private lineOf(node: Node): number {
    const offset = node.range?.[0] ?? 0;
    return this.lines.linePos(offset).line;
  }

  private error(node: Node, problem: string): TrainingDataError {
    return new TrainingDataError(problem, this.file, this.lineOf(node));
  }
}

function isBlockScalar(node: Node): boolean {
  return isScalar(node) && (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED);
}
