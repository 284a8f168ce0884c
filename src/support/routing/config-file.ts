/**
 * Reads config/routing.yml (or another file a store points at) and validates
 * it. Problems are reported as `file:line path: message`, every one of them at
 * once, so a store editing its rules can fix the file in one pass.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { routingConfigSchema, type RoutingConfig } from './config-schema';

/** The shipped rules. */
export const DEFAULT_ROUTING_CONFIG_PATH = path.resolve(__dirname, '../../../config/routing.yml');

/** One thing wrong with a routing file. */
export interface RoutingConfigProblem {
  /** Dotted path into the file, e.g. `rules[2].when.intent`; empty for the whole file. */
  path: string;
  /** 1-based line, when the problem can be placed. */
  line?: number;
  message: string;
}

/** A routing file that cannot be read, parsed or validated. */
export class RoutingConfigError extends Error {
  override name = 'RoutingConfigError';

  constructor(
    readonly file: string,
    readonly problems: readonly RoutingConfigProblem[],
    options?: { cause?: unknown },
  ) {
    super(
      `${file}: invalid routing config\n${problems.map((p) => `  ${file}${p.line ? `:${p.line}` : ''}${p.path ? ` ${p.path}` : ''}: ${p.message}`).join('\n')}`,
      options,
    );
  }
}

function formatPath(segments: readonly PropertyKey[]): string {
  return segments.reduce<string>((out, s) => (typeof s === 'number' ? `${out}[${s}]` : out ? `${out}.${String(s)}` : String(s)), '');
}

/** Line of the deepest node of `segments` that exists in the document. */
function lineOf(doc: Document, lines: LineCounter, segments: readonly PropertyKey[]): number | undefined {
  for (let depth = segments.length; depth >= 0; depth--) {
    const node: unknown = depth === 0 ? doc.contents : doc.getIn(segments.slice(0, depth) as unknown[], true);
    if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
  }
  return undefined;
}

/**
 * Validates routing YAML text. `file` is only used in messages.
 * @throws RoutingConfigError listing every problem with its line and path.
 */
export function parseRoutingConfig(text: string, file = 'routing.yml'): RoutingConfig {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    throw new RoutingConfigError(
      file,
      doc.errors.map((e) => ({ path: '', line: lines.linePos(e.pos[0]).line, message: e.message.split('\n')[0]! })),
    );
  }
  const parsed = routingConfigSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    throw new RoutingConfigError(
      file,
      parsed.error.issues.map((issue) => {
        const line = lineOf(doc, lines, issue.path);
        return { path: formatPath(issue.path), ...(line ? { line } : {}), message: issue.message };
      }),
    );
  }
  return parsed.data;
}

/**
 * Loads and validates a routing file (default: the shipped config/routing.yml).
 * @example
 *   const config = loadRoutingConfig();                   // config/routing.yml
 *   const custom = loadRoutingConfig('/etc/shop/routing.yml');
 * @throws RoutingConfigError when the file is missing or invalid.
 */
export function loadRoutingConfig(file: string = DEFAULT_ROUTING_CONFIG_PATH): RoutingConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new RoutingConfigError(file, [{ path: '', message: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})` }], { cause: error });
  }
  return parseRoutingConfig(text, file);
}
