import { loadSentimentModel, type AspectMention } from '../../src/sentiment';

const model = loadSentimentModel();
const find = (aspects: AspectMention[], aspect: string) => aspects.find((a) => a.aspect === aspect);

describe('the shipped sentiment model', () => {
  it('MUST: "Love the color but it runs small and the strap broke after a week"', () => {
    const { aspects } = model.predict('Love the color but it runs small and the strap broke after a week');
    expect(find(aspects, 'appearance/design')?.polarity).toBe('positive');
    expect(find(aspects, 'fit/size')?.polarity).toBe('negative');
    expect(find(aspects, 'durability')?.polarity).toBe('negative');
  });

  it('handles negation', () => {
    expect(model.scoreText('not bad at all').score).toBeGreaterThan(0);
    expect(model.scoreText('not good').label).toBe('negative');
    expect(model.scoreText('The fabric is not comfortable').label).toBe('negative');
    expect(model.scoreText("I don't think you will be disappointed").score).toBeGreaterThan(model.scoreText('You will be disappointed').score);
  });

  it('handles contrast: each side of "but" keeps its own polarity', () => {
    const { aspects } = model.predict('great fit but the zipper broke');
    expect(find(aspects, 'fit/size')?.polarity).toBe('positive');
    expect(find(aspects, 'durability')?.polarity).toBe('negative');
    expect(model.scoreText('great fit but the zipper broke').score).toBeLessThan(model.scoreText('great fit').score);
  });

  it('reads intensifiers and emoji', () => {
    expect(model.scoreText('Fits well 😍').score).toBeGreaterThan(model.scoreText('Fits well 😡').score);
    expect(model.scoreText('the quality is really bad').label).toBe('negative');
  });

  it('aspect offsets point at the text', () => {
    const texts = ['Shipping took forever, the box was crushed. Customer service was helpful though!', 'Comfy, stylish and worth every penny 👍', 'The zipper broke; sizing is way off.'];
    for (const text of texts) {
      const { aspects } = model.predict(text);
      expect(aspects.length).toBeGreaterThan(0);
      for (const a of aspects) {
        expect(text.slice(a.start, a.end)).toBe(a.opinion);
        expect(a.opinion.toLowerCase()).toContain(a.term.toLowerCase());
      }
    }
  });

  // Latency is measured by bench/sentiment (results/sentiment-latency.md), not asserted here: a wall-clock
  // bound in the test suite measures how busy the CI machine is.
});
