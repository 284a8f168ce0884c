/**
 * The sparse entity tagger: window features, training, persistence, and the
 * blend of its tag log-probabilities with the transformer's.
 */
import { buildTagSet, spansToTags, TagDecoder, tagsToSpans } from '../../src/nlu/model/bio';
import { blendTagScores, SparseTagger, TAGGER_WEIGHTS, taggerFeatureIds } from '../../src/nlu/model/sparse-tagger';
import { fitSparseTagger, type TaggedSentence } from '../../src/nlu/model/sparse-tagger-fit';
import { tokenize } from '../../src/nlu/tokenizer';

const TAGS = buildTagSet(['from_city', 'to_city']);
const TAG_INDEX = new Map(TAGS.map((t, i) => [t, i]));
const OPTIONS = { epochs: 10, learningRate: 0.1, l2: 1e-6, seed: 5, minCount: 1, denseDim: 0, denseScale: 0, contextFeatures: false };

/** "... from <a> to <b>": which city is which depends only on the word before it. */
function sentence(text: string, from: string, to: string): TaggedSentence {
  const tokens = tokenize(text);
  const span = (value: string, entity: string) => {
    const start = text.indexOf(value);
    return { entity, start, end: start + value.length, value };
  };
  return { tokens, cues: [], tags: spansToTags(tokens, [span(from, 'from_city'), span(to, 'to_city')], TAG_INDEX) };
}

const TRAIN = [
  sentence('flights from boston to denver', 'boston', 'denver'),
  sentence('from denver to boston please', 'denver', 'boston'),
  sentence('i need to fly from dallas to seattle', 'dallas', 'seattle'),
  sentence('show me trips from seattle to dallas', 'seattle', 'dallas'),
  sentence('cheapest fare from atlanta to boston', 'atlanta', 'boston'),
  sentence('to denver from atlanta tomorrow', 'atlanta', 'denver'),
  sentence('go to seattle from boston', 'boston', 'seattle'),
  sentence('a ticket to dallas from denver', 'denver', 'dallas'),
];

function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}

function decode(tagger: SparseTagger, text: string): string[] {
  const tokens = tokenize(text);
  const path = new TagDecoder(TAGS).decode(tagger.logProbs(tokens, []));
  return tagsToSpans(path, TAGS).map((s) => `${s.entity}=${tokens.slice(s.first, s.last + 1).map((t) => t.text).join(' ')}`);
}

describe('sparse entity tagger', () => {
  const tagger = fitSparseTagger(TRAIN, TAGS.length, OPTIONS);

  test('window features see the neighbours, fold digits and carry rule cues', () => {
    const a = taggerFeatureIds(tokenize('from boston'), []);
    const b = taggerFeatureIds(tokenize('to boston'), []);
    expect(a[1]![0]).toBe(b[1]![0]); // the word itself
    expect(a[1]).not.toEqual(b[1]); // its left context differs
    expect(taggerFeatureIds(tokenize('flight 1291'), [])).toEqual(taggerFeatureIds(tokenize('flight 3357'), []));
    const cued = taggerFeatureIds(tokenize('red shoes'), [{ entity: 'color', start: 0, end: 3 }]);
    expect(cued[0]!.length).toBe(cued[1]!.length + 1);
    expect(cued.flat().every((id) => id >= 0 && id < 1 << 22)).toBe(true);
  });

  test('tags cities it never saw by their context', () => {
    expect(decode(tagger, 'flights from chicago to miami')).toEqual(['from_city=chicago', 'to_city=miami']);
    expect(decode(tagger, 'a seat to miami from chicago')).toEqual(['to_city=miami', 'from_city=chicago']);
  });

  test('with intents, the same words are tagged by what the message is for', () => {
    const tags = buildTagSet(['quantity', 'rating']);
    const index = new Map(tags.map((t, i) => [t, i]));
    const example = (text: string, number: string, entity: string, intent: string): TaggedSentence => {
      const tokens = tokenize(text);
      const start = text.indexOf(number);
      return { tokens, cues: [], intent, tags: spansToTags(tokens, [{ entity, start, end: start + number.length, value: number }], index) };
    };
    const numbers = ['one', 'two', 'three', 'four', 'five'];
    const data = numbers.flatMap((n) => [example(`give it ${n}`, n, 'quantity', 'add_to_cart'), example(`give it ${n}`, n, 'rating', 'rate_book')]);
    const tagger = fitSparseTagger(data, tags.length, OPTIONS);
    const best = (intent: string) => tags[argmax(tagger.logProbs(tokenize('give it six'), [], intent)[2]!)];
    expect(best('add_to_cart')).toBe('B-quantity');
    expect(best('rate_book')).toBe('B-rating');
  });

  test('context features carry the verb from beyond the window to the word', () => {
    const arriving = taggerFeatureIds(tokenize('flights arriving in boston on june fifth'), [], undefined, true);
    const leaving = taggerFeatureIds(tokenize('flights leaving from boston on june fifth'), [], undefined, true);
    // "fifth" has the same three words either side; only the verb five words back differs.
    expect(taggerFeatureIds(tokenize('flights arriving in boston on june fifth'), [])[6]).toEqual(taggerFeatureIds(tokenize('flights leaving from boston on june fifth'), [])[6]);
    expect(arriving[6]).not.toEqual(leaving[6]);
    expect(arriving[6]!.length).toBe(leaving[6]!.length);
  });

  test('with context features, a distant verb decides which date it is', () => {
    const tags = buildTagSet(['arrive_day', 'depart_day']);
    const index = new Map(tags.map((t, i) => [t, i]));
    const example = (verb: string, city: string, day: string): TaggedSentence => {
      const text = `flights ${verb} in ${city} on june ${day}`;
      const tokens = tokenize(text);
      const start = text.lastIndexOf(day);
      return { tokens, cues: [], tags: spansToTags(tokens, [{ entity: verb === 'arriving' ? 'arrive_day' : 'depart_day', start, end: start + day.length, value: day }], index) };
    };
    const cities = ['boston', 'denver', 'dallas', 'seattle'];
    const days = ['first', 'second', 'third', 'fourth'];
    const data = cities.flatMap((city, i) => ['arriving', 'leaving'].map((verb) => example(verb, city, days[i]!)));
    const best = (tagger: SparseTagger, verb: string) => tags[argmax(tagger.logProbs(tokenize(`flights ${verb} in miami on june ninth`), [])[6]!)];
    const withContext = fitSparseTagger(data, tags.length, { ...OPTIONS, contextFeatures: true });
    expect(best(withContext, 'arriving')).toBe('B-arrive_day');
    expect(best(withContext, 'leaving')).toBe('B-depart_day');
    // The weights file does not carry the option: the model's config gives it back on loading.
    const loaded = SparseTagger.fromWeights(withContext.snapshot().weights, true)!;
    expect(best(loaded, 'arriving')).toBe('B-arrive_day');
    expect(best(loaded, 'leaving')).toBe('B-depart_day');
    // Without them the tagger cannot tell the two apart: the same tag either way.
    const without = fitSparseTagger(data, tags.length, OPTIONS);
    expect(best(without, 'arriving')).toBe(best(without, 'leaving'));
  });

  test('dense columns (word vectors) tag words it never saw; they survive a save', () => {
    // Two made-up "vector" directions: cities and colours.
    const cityVector = [1, 0.2];
    const colourVector = [0.1, 1];
    const tags = buildTagSet(['city', 'color']);
    const index = new Map(tags.map((t, i) => [t, i]));
    const cities = ['paris', 'lima', 'oslo', 'quito', 'rome'];
    const colours = ['teal', 'mauve', 'ochre', 'navy', 'beige'];
    const example = (word: string, entity: string): TaggedSentence => {
      const text = `i like ${word}`;
      const tokens = tokenize(text);
      const dense = Float32Array.from([0, 0, 0, 0, ...(entity === 'city' ? cityVector : colourVector)]);
      return { tokens, cues: [], dense, tags: spansToTags(tokens, [{ entity, start: 7, end: text.length, value: word }], index) };
    };
    const data = [...cities.map((w) => example(w, 'city')), ...colours.map((w) => example(w, 'color'))];
    const dense = fitSparseTagger(data, tags.length, { ...OPTIONS, denseDim: 2, denseScale: 0.5 });
    const best = (vector: number[]) => tags[argmax(dense.logProbs(tokenize('i like zzz'), [], undefined, Float32Array.from([0, 0, 0, 0, ...vector]))[2]!)];
    expect(best(cityVector)).toBe('B-city');
    expect(best(colourVector)).toBe('B-color');
    const loaded = SparseTagger.fromWeights(dense.snapshot().weights)!;
    expect(loaded.denseDim).toBe(2);
    const probe = Float32Array.from([0, 0, 0, 0, 0.7, 0.3]);
    expect(loaded.logProbs(tokenize('i like zzz'), [], undefined, probe)).toEqual(dense.logProbs(tokenize('i like zzz'), [], undefined, probe));
    expect(() => dense.logProbs(tokenize('i like zzz'), [])).toThrow(/needs 2 dense features/);
  });

  test('is deterministic, and minCount drops rare features', () => {
    expect(fitSparseTagger(TRAIN, TAGS.length, OPTIONS).weights).toEqual(tagger.weights);
    const pruned = fitSparseTagger(TRAIN, TAGS.length, { ...OPTIONS, minCount: 2 });
    expect(pruned.ids.length).toBeGreaterThan(0);
    expect(pruned.ids.length).toBeLessThan(tagger.ids.length);
  });

  test('snapshot -> fromWeights gives the same scores; incomplete weights are refused', () => {
    const { weights, shapes } = tagger.snapshot();
    expect(shapes.get(TAGGER_WEIGHTS.w)).toEqual([tagger.ids.length, TAGS.length]);
    const loaded = SparseTagger.fromWeights(weights)!;
    const tokens = tokenize('from boston to miami');
    expect(loaded.logProbs(tokens, [])).toEqual(tagger.logProbs(tokens, []));
    expect(SparseTagger.fromWeights(new Map())).toBeUndefined();
    const partial = new Map(weights);
    partial.delete(TAGGER_WEIGHTS.b);
    expect(() => SparseTagger.fromWeights(partial)).toThrow(/incomplete/);
  });
});

describe('blending tag scores', () => {
  const log = (...p: number[]) => Float32Array.from(p, Math.log);
  const transformer = [log(0.6, 0.3, 0.1)];
  const tagger = [log(0.1, 0.8, 0.1)];

  test('weight 0 or no tagger is the transformer alone', () => {
    expect(blendTagScores(transformer, tagger, 0)).toEqual(transformer);
    expect(blendTagScores(transformer, undefined, 2)).toEqual(transformer);
  });

  test('a weighted product of the two, normalised per token', () => {
    const [row] = blendTagScores(transformer, tagger, 1);
    const probs = Array.from(row!, Math.exp);
    expect(probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    // 0.6*0.1 : 0.3*0.8 : 0.1*0.1 -> the tagger's choice wins.
    expect(probs[1]).toBeCloseTo(0.24 / 0.31, 4);
  });
});
