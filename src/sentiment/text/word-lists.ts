/**
 * Closed word classes that change how sentiment words count: negators,
 * intensifiers and dampeners, contrast markers. Kept apart from the learnt
 * lexicon because they are grammar, not opinion.
 */

/** Words that open a negation scope (contractions without the apostrophe too: shoppers skip it). */
export const NEGATORS: ReadonlySet<string> = new Set([
  'not', 'no', 'never', 'nothing', 'nobody', 'none', 'neither', 'nor', 'nowhere', 'cannot', 'without', 'hardly', 'barely', 'scarcely',
  "don't", "doesn't", "didn't", "isn't", "wasn't", "aren't", "weren't", "can't", "couldn't", "won't", "wouldn't", "shouldn't", "haven't",
  "hasn't", "hadn't", "ain't", "mustn't", "needn't", 'dont', 'doesnt', 'didnt', 'isnt', 'wasnt', 'arent', 'werent', 'cant', 'couldnt',
  'wont', 'wouldnt', 'shouldnt', 'havent', 'hasnt', 'hadnt', 'aint', "n't",
]);

/** Words that strengthen the next opinion word, with their multiplier. */
export const INTENSIFIERS: ReadonlyMap<string, number> = new Map([
  ...['really', 'very', 'super', 'incredibly', 'extremely', 'genuinely', 'seriously', 'absolutely', 'totally', 'completely', 'highly', 'truly'].map((w) => [w, 1.35] as const),
  ...['remarkably', 'utterly', 'exceptionally', 'insanely', 'particularly', 'especially', 'amazingly', 'awfully', 'deeply', 'hugely'].map((w) => [w, 1.35] as const),
  ...['enormously', 'thoroughly', 'so', 'too', 'way', 'most', 'quite', 'pretty', 'terribly', 'ridiculously', 'unbelievably', 'crazy'].map((w) => [w, 1.25] as const),
  ...['slightly', 'somewhat', 'kinda', 'kindof', 'sorta', 'marginally', 'fairly', 'rather', 'mildly', 'partly', 'occasionally', 'little'].map((w) => [w, 0.65] as const),
]);

/** Markers after which the writer's real opinion usually follows ("nice, but it broke"). */
export const CONTRAST_AFTER: ReadonlySet<string> = new Set(['but', 'however', 'yet', 'unfortunately', 'sadly', 'except', 'although', 'though', 'whereas']);

/** Markers that open a subordinate clause whose opinion counts less ("although it's cheap, ..."), when they start a sentence. */
export const CONCESSIVE_OPENERS: ReadonlySet<string> = new Set(['although', 'though', 'despite', 'while', 'even']);

/** Tokens that end a negation scope. */
export const SCOPE_BREAKERS: ReadonlySet<string> = new Set(['.', ',', '!', '?', ';', ':', '(', ')', '-', '–', '—', '…', 'but', 'however', 'although', 'though', 'yet']);

/** Negators that do not negate in these two-word phrases ("not only", "no doubt"). */
export const NEGATION_EXCEPTIONS: ReadonlySet<string> = new Set(['not only', 'not just', 'no doubt', 'no wonder', 'nothing but']);
