/**
 * Small helpers for the regex-driven rules: word-boundary guards that work
 * for any script (JavaScript's \b only knows ASCII), and a loop over matches
 * that cannot spin on empty matches.
 */

/** Not preceded by a letter or digit (Unicode-aware replacement for a leading \b). */
export const B = '(?<![\\p{L}\\p{N}])';
/** Not followed by a letter or digit (Unicode-aware replacement for a trailing \b). */
export const E = '(?![\\p{L}\\p{N}])';

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** True when `ch` is a letter or digit in any script. */
export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && ch !== '' && WORD_CHAR.test(ch);
}

/** Every non-empty match of a global regex over `text` (the regex's lastIndex is reset first). */
export function* matchesOf(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (;;) {
    const m = re.exec(text);
    if (!m) return;
    if (m[0] === '') {
      re.lastIndex += 1;
      continue;
    }
    yield m;
  }
}

/** Start/end of a named group (regex compiled with the `d` flag), or of the whole match. */
export function groupSpan(m: RegExpExecArray, group?: string): [number, number] {
  const indices = group ? m.indices?.groups?.[group] : m.indices?.[0];
  if (indices) return indices;
  return [m.index, m.index + m[0].length];
}
