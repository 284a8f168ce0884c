/**
 * Regex features from the training data used as extractors, as Rasa's
 * RegexEntityExtractor does: a match of the pattern named `zipcode` is a
 * `zipcode` entity. Matches must line up with word boundaries so a pattern
 * like \d{5} does not fire inside a longer number.
 */
import type { RegexFeature } from '../types';
import { isWordChar, matchesOf } from './patterns';
import type { RuleEntity } from './types';

interface CompiledFeature {
  name: string;
  re: RegExp;
}

/** Compiles features case-insensitively; an invalid pattern throws, naming the feature. */
export function compileRegexFeatures(features: readonly RegexFeature[]): CompiledFeature[] {
  return features.map(({ name, pattern }) => {
    try {
      return { name, re: new RegExp(pattern, 'gi') };
    } catch (err) {
      throw new Error(`invalid regex for entity "${name}": ${(err as Error).message}`);
    }
  });
}

/** All token-aligned matches of every feature. */
export function extractRegexEntities(text: string, features: readonly CompiledFeature[]): RuleEntity[] {
  const out: RuleEntity[] = [];
  for (const { name, re } of features) {
    for (const m of matchesOf(re, text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (isWordChar(text[start - 1]) && isWordChar(text[start])) continue;
      if (isWordChar(text[end - 1]) && isWordChar(text[end])) continue;
      out.push({
        entity: name,
        value: m[0],
        text: m[0],
        start,
        end,
        confidence: 0.9,
        extractor: 'regex',
      });
    }
  }
  return out;
}
