/** Part-of-speech tags for the entity tagger's context features (natural's Brill tagger). */
import { isPrepositionTag, isVerbTag, posTags } from '../../src/nlu/features/pos-tags';

describe('part-of-speech tags', () => {
  test('verbs and prepositions are found; one tag per word', () => {
    const words = ['flights', 'arriving', 'in', 'boston', 'to', 'denver'];
    const tags = posTags(words);
    expect(tags).toHaveLength(words.length);
    expect(isVerbTag(tags[1]!)).toBe(true);
    expect(isPrepositionTag(tags[2]!)).toBe(true);
    expect(isPrepositionTag(tags[4]!)).toBe(true);
    expect(isVerbTag(tags[3]!) || isPrepositionTag(tags[3]!)).toBe(false);
  });

  test('empty, unknown, punctuation and mixed-script words get a tag without throwing', () => {
    expect(posTags([])).toEqual([]);
    const odd = ['zxqv', '?', '订单', '\u0000', '48213', ''];
    const tags = posTags(odd);
    expect(tags).toHaveLength(odd.length);
    expect(tags.every((t) => typeof t === 'string' && t.length > 0)).toBe(true);
  });
});
