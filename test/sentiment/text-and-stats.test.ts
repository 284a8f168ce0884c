import {
  benjaminiHochberg,
  classificationReport,
  normalUpperTail,
  parseLabelledJsonl,
  splitClauses,
  twoProportionZTest,
} from '../../src/sentiment';
import { analyzeText } from '../../src/sentiment/text/analyze';

describe('text analysis', () => {
  it('marks negation scope from the negator up to punctuation', () => {
    const tokens = analyzeText('Not bad at all, great value');
    const negated = Object.fromEntries(tokens.map((t) => [t.norm, t.negated]));
    expect(negated).toMatchObject({ not: false, bad: true, at: true, all: true, great: false, value: false });
  });

  it('ends negation at a contrast word and marks the sides of the contrast', () => {
    const tokens = analyzeText("It doesn't fit but I love the color");
    expect(tokens.find((t) => t.norm === 'fit')).toMatchObject({ negated: true, contrast: 'before' });
    expect(tokens.find((t) => t.norm === 'love')).toMatchObject({ negated: false, contrast: 'after' });
  });

  it('boosts words after intensifiers and keeps emoticons whole', () => {
    const tokens = analyzeText('really very good :) 👍');
    expect(tokens.find((t) => t.norm === 'good')!.boost).toBeGreaterThan(1.5);
    expect(tokens.map((t) => t.text)).toEqual(['really', 'very', 'good', ':)', '👍']);
  });

  it('splits clauses on contrast words, commas and "and" + new subject and verb, with exact offsets', () => {
    const text = 'Love the color but it runs small and the strap broke after a week';
    const clauses = splitClauses(text);
    expect(clauses.map((c) => c.text)).toEqual(['Love the color', 'it runs small', 'the strap broke after a week']);
    for (const c of clauses) expect(text.slice(c.start, c.end)).toBe(c.text);
    expect(splitClauses('Soft and cozy, fits well').map((c) => c.text)).toEqual(['Soft and cozy', 'fits well']);
  });
});

describe('two-proportion z-test', () => {
  it('matches a hand computation', () => {
    // p1 = 0.3, p2 = 0.1, pooled 50/300: se = sqrt(1/6 * 5/6 * (1/100 + 1/200)) = 0.045644
    const r = twoProportionZTest(30, 100, 20, 200);
    expect(r.p1).toBeCloseTo(0.3, 10);
    expect(r.p2).toBeCloseTo(0.1, 10);
    expect(r.z).toBeCloseTo(4.3818, 3);
    expect(r.pGreater).toBeGreaterThan(5e-6);
    expect(r.pGreater).toBeLessThan(7e-6);
    expect(r.pTwoSided).toBeCloseTo(2 * r.pGreater, 12);
  });

  it('gives z = 0 and p = 0.5 for equal shares, and a negative z for a fall', () => {
    const equal = twoProportionZTest(10, 50, 20, 100);
    expect(equal.z).toBe(0);
    expect(equal.pGreater).toBeCloseTo(0.5, 6);
    expect(twoProportionZTest(5, 100, 30, 100).z).toBeLessThan(-4);
    expect(normalUpperTail(1.959964)).toBeCloseTo(0.025, 5);
  });

  it('rejects impossible counts', () => {
    expect(() => twoProportionZTest(5, 0, 1, 10)).toThrow(RangeError);
    expect(() => twoProportionZTest(11, 10, 1, 10)).toThrow(RangeError);
  });

  it('adjusts p-values with Benjamini-Hochberg', () => {
    const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.5]);
    expect(q.map((v) => Number(v.toFixed(4)))).toEqual([0.04, 0.0533, 0.0533, 0.5]);
  });
});

describe('metrics and labelled data', () => {
  it('computes accuracy, macro-F1 and the confusion matrix', () => {
    const r = classificationReport(['negative', 'negative', 'positive', 'neutral'], ['negative', 'positive', 'positive', 'neutral'], ['negative', 'neutral', 'positive']);
    expect(r.accuracy).toBe(0.75);
    expect(r.confusion).toEqual([
      [1, 0, 1],
      [0, 1, 0],
      [0, 0, 1],
    ]);
    expect(r.macroF1).toBeCloseTo((2 / 3 + 1 + 2 / 3) / 3, 10);
  });

  it('reads 0/1 sets as binary and names as three-class, naming the bad line', () => {
    expect(parseLabelledJsonl('{"text":"a","label":1}\n{"text":"b","label":"0"}\n')).toMatchObject({ binary: true, examples: [{ label: 'positive' }, { label: 'negative' }] });
    expect(parseLabelledJsonl('{"text":"a","label":"neutral"}\n{"text":"b","rating":5}')).toMatchObject({ binary: false, examples: [{ label: 'neutral' }, { label: 'positive', target: 1 }] });
    expect(() => parseLabelledJsonl('{"text":"a","label":"meh"}', 'x.jsonl')).toThrow(/x\.jsonl:1: label must be/);
  });
});
