/**
 * A small language guess for routing: the NLU is trained on English only, so
 * a message in another language should reach a person who reads it rather
 * than be routed on a misreading. Function words are a reliable cue even in
 * short messages; anything without clear evidence counts as English.
 */

const FUNCTION_WORDS: Readonly<Record<string, readonly string[]>> = {
  en: [
    'the',
    'and',
    'is',
    'my',
    'you',
    'to',
    'of',
    'it',
    'for',
    'with',
    'this',
    'that',
    'was',
    'have',
    'not',
    'can',
    'do',
    'what',
    'how',
    'please',
    'where',
    'your',
    'me',
    'are',
    'but',
    'just',
    'did',
    "don't",
    "i'm",
    "it's",
    'would',
    'like',
    'thanks',
    'hi',
    'hello',
    'i',
    'a',
    'an',
    'in',
    'on',
  ],
  es: [
    'el',
    'los',
    'las',
    'del',
    'que',
    'y',
    'una',
    'por',
    'para',
    'con',
    'mi',
    'mis',
    'pero',
    'su',
    'está',
    'estoy',
    'tengo',
    'quiero',
    'necesito',
    'gracias',
    'hola',
    'favor',
    'cómo',
    'qué',
    'dónde',
    'pedido',
    'fue',
    'hablan',
    'venden',
    'me',
    'lo',
    'al',
    'es',
    'en',
    'un',
    'la',
    'de',
    'no',
    'se',
  ],
  fr: [
    'le',
    'les',
    'des',
    'du',
    'et',
    'est',
    'je',
    'vous',
    'nous',
    'pas',
    'ne',
    'une',
    'pour',
    'avec',
    'mon',
    'ma',
    'mes',
    'qui',
    'sur',
    'au',
    'aux',
    'ce',
    'cette',
    'il',
    'elle',
    'bonjour',
    'merci',
    'plaît',
    'peux',
    'voudrais',
    'depuis',
    'personne',
    'commande',
    "s'il",
    "n'arrive",
    'un',
    'la',
    'de',
    'en',
  ],
  de: [
    'der',
    'die',
    'das',
    'und',
    'ist',
    'ich',
    'nicht',
    'sie',
    'ein',
    'eine',
    'mit',
    'für',
    'auf',
    'meine',
    'mein',
    'wo',
    'wie',
    'was',
    'sollte',
    'schon',
    'bitte',
    'danke',
    'hallo',
    'bestellung',
    'noch',
    'habe',
    'es',
  ],
  it: ['il', 'gli', 'di', 'che', 'è', 'non', 'per', 'con', 'mio', 'mia', 'sono', 'ho', 'grazie', 'ciao', 'ordine', 'vorrei', 'della', 'un', 'una', 'la'],
  pt: ['os', 'do', 'da', 'que', 'não', 'um', 'uma', 'para', 'com', 'meu', 'minha', 'é', 'obrigado', 'obrigada', 'olá', 'pedido', 'quero', 'você', 'de', 'o'],
  nl: ['het', 'een', 'en', 'ik', 'niet', 'van', 'mijn', 'je', 'met', 'voor', 'dat', 'op', 'bestelling', 'bedankt', 'hallo', 'graag', 'de', 'is'],
};

/** Characters that only (or mostly) one of these languages uses: one point each. */
const LETTERS: Readonly<Record<string, RegExp>> = { es: /[ñ¿¡]/gu, fr: /[çœêèàù]/gu, de: /[ßäöü]/gu, pt: /[ãõ]/gu };

const LOOKUP: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const [language, words] of Object.entries(FUNCTION_WORDS)) {
    for (const word of words) map.set(word, [...(map.get(word) ?? []), language]);
  }
  return map;
})();

/**
 * ISO 639-1 code of the message's language among en, es, fr, de, it, pt, nl;
 * `en` unless another language has at least two cues and more than English.
 * @example detectLanguage('Wo ist meine Bestellung?') === 'de'
 */
export function detectLanguage(text: string): string {
  const lower = text.toLowerCase();
  const scores = new Map<string, number>();
  const add = (language: string, points: number) => scores.set(language, (scores.get(language) ?? 0) + points);
  for (const word of lower.match(/[\p{L}']+/gu) ?? []) {
    // A word shared by several languages is weak evidence for each of them.
    const languages = LOOKUP.get(word);
    if (languages) for (const language of languages) add(language, 1 / languages.length);
  }
  for (const [language, pattern] of Object.entries(LETTERS)) add(language, (lower.match(pattern) ?? []).length);
  const english = scores.get('en') ?? 0;
  let best = 'en';
  let bestScore = 0;
  for (const [language, score] of scores) {
    if (language !== 'en' && score > bestScore) {
      best = language;
      bestScore = score;
    }
  }
  return bestScore >= 2 && bestScore > english ? best : 'en';
}
