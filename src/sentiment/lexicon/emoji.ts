/**
 * Emoji and emoticon valences on the lexicon's -4..4 scale. Reviews end with
 * "👍" or ":(" often enough that they are worth a feature of their own, and no
 * word lexicon covers them.
 */

const POSITIVE: Readonly<Record<string, number>> = {
  '😍': 3.2, '🥰': 3.2, '😻': 3, '❤': 3, '♥': 2.8, '💕': 2.8, '💖': 2.8, '💗': 2.6, '💯': 2.6, '🔥': 2.2, '🙌': 2.4, '👏': 2.2,
  '👍': 2.2, '👌': 2, '😊': 2.2, '🙂': 1.4, '😀': 2, '😃': 2.2, '😄': 2.4, '😁': 2.2, '😆': 2, '😂': 1.2, '🤩': 3, '😎': 1.6,
  '🥳': 2.6, '🎉': 2.2, '✨': 1.6, '⭐': 1.8, '🌟': 2, '✅': 1.4, '💪': 1.6, '😉': 1.2, '☺': 2, '😌': 1.2, '🤗': 2, '😋': 2,
  '🙏': 1.4, '💚': 2.4, '💙': 2.4, '💜': 2.4, '🖤': 1.8, '🧡': 2.4, '💛': 2.4, '😇': 2, '🏆': 2.2, '🆒': 1.4, '🤤': 1.4,
  ':)': 2, ':-)': 2, ':d': 2.4, ':-d': 2.4, ';)': 1.4, ';-)': 1.4, '=)': 2, ':p': 1.2, ':-p': 1.2, '<3': 2.8, '^^': 1.6, '^_^': 1.8, ':]': 1.8, '(:': 2,
};

const NEGATIVE: Readonly<Record<string, number>> = {
  '😡': -3.2, '🤬': -3.4, '😠': -2.8, '😤': -2.2, '😞': -2.4, '😔': -2, '😢': -2.4, '😭': -2.6, '😩': -2.4, '😫': -2.4, '😒': -2,
  '🙁': -1.8, '☹': -2, '😕': -1.6, '😟': -1.8, '😣': -2, '😖': -2.2, '🤮': -3.2, '🤢': -2.8, '💩': -2.6, '👎': -2.4, '💔': -2.6,
  '😐': -0.4, '😑': -0.8, '🙄': -1.8, '😬': -1.2, '😱': -1.6, '😨': -1.8, '😰': -1.8, '😪': -1, '🥱': -1.4, '🤦': -2, '❌': -1.6,
  '⚠': -1, '🚫': -1.8, '🤷': -0.3, '😳': -0.6, '😵': -1.4, '😓': -1.4, '😥': -1.6,
  ':(': -2, ':-(': -2, ':/': -1.2, ':-/': -1.2, ':\\': -1.2, ':|': -0.6, ":'(": -2.4, '=(': -2, ':[': -1.8, '):': -2, 'd:': -1.6,
};

/** Emoji and emoticon -> valence (-4..4). Keys are lower-case, without variation selectors. */
export const EMOJI_VALENCE: ReadonlyMap<string, number> = new Map([...Object.entries(POSITIVE), ...Object.entries(NEGATIVE)]);

/** Valence of an emoji/emoticon token, or undefined when it is not one we know. */
export function emojiValence(token: string): number | undefined {
  return EMOJI_VALENCE.get(token.replace(/[\uFE0E\uFE0F]/g, '').toLowerCase());
}
