/**
 * Negation examples added to the training set of the shipped model. The demo
 * store's phrase banks use "not ... at all" only in complaints ("not
 * comfortable at all"), so a model trained on them reads "not bad at all" as
 * negative. These templates pair common opinion words with negators both ways
 * ("not bad at all" positive, "not good" negative) so that the NOT_ features
 * of opinion words are learnt from language rather than from the store's habits.
 */
import type { LabelledText } from '../types';

const NEGATIVE_WORDS = ['bad', 'terrible', 'awful', 'disappointing', 'horrible', 'uncomfortable', 'flimsy', 'overpriced', 'difficult', 'complicated', 'slow', 'ugly', 'cheap looking', 'a problem', 'a waste of money', 'broken'];
const POSITIVE_WORDS = ['good', 'great', 'comfortable', 'worth it', 'durable', 'easy to use', 'nice', 'helpful', 'fast', 'pretty', 'sturdy', 'true to size', 'well made', 'happy with it', 'impressed', 'recommended'];
const TEMPLATES = ['not {w}', 'not {w} at all', 'it is not {w}', "it wasn't {w} at all", 'honestly not {w}', 'definitely not {w}'];

/** Negated opinion words with the label the negation gives them (targets softened: "not bad" is not "great"). */
export function negationExamples(): LabelledText[] {
  const fill = (template: string, word: string) => template.replace('{w}', word);
  return [
    ...NEGATIVE_WORDS.flatMap((w) => TEMPLATES.map((t) => ({ text: fill(t, w), label: 'positive' as const, target: 0.5, domain: 'negation' }))),
    ...POSITIVE_WORDS.flatMap((w) => TEMPLATES.map((t) => ({ text: fill(t, w), label: 'negative' as const, target: -0.6, domain: 'negation' }))),
  ];
}
