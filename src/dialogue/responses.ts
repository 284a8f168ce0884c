/**
 * Response templates (intents/responses.yml): keys with variations and {name}
 * variables. The variation is chosen from the conversation id and turn so the
 * same conversation always reads the same (stories stay reproducible) while
 * different shoppers see some variety.
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';

export class ResponseError extends Error {
  override name = 'ResponseError';
}

export const DEFAULT_RESPONSES_FILE = path.resolve(__dirname, '../../intents/responses.yml');

export class ResponseTemplates {
  private constructor(private readonly templates: ReadonlyMap<string, readonly string[]>) {}

  static load(file = DEFAULT_RESPONSES_FILE): ResponseTemplates {
    const parsed: unknown = YAML.parse(fs.readFileSync(file, 'utf8'));
    if (!parsed || typeof parsed !== 'object') throw new ResponseError(`${file}: expected a mapping of response keys`);
    const templates = new Map<string, string[]>();
    for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
      const variations = Array.isArray(value) ? value : [value];
      if (!variations.every((v) => typeof v === 'string' && v.length > 0)) throw new ResponseError(`${file}: response '${key}' must be a list of texts`);
      templates.set(key, variations as string[]);
    }
    return new ResponseTemplates(templates);
  }

  has(key: string): boolean {
    return this.templates.has(key);
  }

  /** Renders `key`; every {variable} must be supplied (a missing one is a bug, not a blank). */
  render(key: string, variables: Record<string, string | number> = {}, pick = 0): string {
    const variations = this.templates.get(key);
    if (!variations) throw new ResponseError(`Unknown response '${key}'`);
    const template = variations[Math.abs(pick) % variations.length]!;
    return template.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = variables[name];
      if (value === undefined) throw new ResponseError(`Response '${key}' needs variable '${name}'`);
      return String(value);
    });
  }
}
