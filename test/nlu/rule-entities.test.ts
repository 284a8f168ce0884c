import { RuleEntityExtractor, damerauLevenshtein, mergeEntities } from '../../src/nlu/rules';
import type { RuleEntity } from '../../src/nlu/rules';

/** Wednesday, 18 March 2026 (local time). */
const REFERENCE = new Date(2026, 2, 18, 15, 30);

const extractor = new RuleEntityExtractor({
  referenceDate: REFERENCE,
  lookups: [
    { name: 'material', elements: ['stainless steel', 'cotton', 'leather', 'merino wool'] },
    { name: 'product', elements: ['rain jacket', 'jacket', 'yoga mat', 'sneakers'] },
    { name: 'brand', elements: ['Nordwand'] },
  ],
  synonyms: { trainers: 'sneakers', 'yoga mats': 'yoga mat' },
  regexes: [{ name: 'zipcode', pattern: '\\b\\d{5}-\\d{4}\\b' }],
});

const extract = (text: string): RuleEntity[] => extractor.extract(text);

/** The single entity of a type in `text`, checked to cover exactly `surface` (its first occurrence). */
function only(text: string, entity: string, surface: string): RuleEntity {
  const found = extract(text).filter((e) => e.entity === entity);
  expect(found.map((e) => e.text)).toEqual([surface]);
  const e = found[0] as RuleEntity;
  const start = text.indexOf(surface);
  expect([e.start, e.end]).toEqual([start, start + surface.length]);
  expect(text.slice(e.start, e.end)).toBe(e.text);
  return e;
}

const valueOf = (text: string, entity: string, surface: string): unknown => only(text, entity, surface).value;

function none(texts: string[], entity: string): void {
  for (const text of texts) expect([text, extract(text).filter((e) => e.entity === entity)]).toEqual([text, []]);
}

function expectNoOverlaps(entities: { start: number; end: number }[]): void {
  const sorted = [...entities].sort((a, b) => a.start - b.start);
  for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.start).toBeGreaterThanOrEqual(sorted[i - 1]!.end);
}

describe('email, phone, order id', () => {
  // prettier-ignore
  it.each([
    ['my email is Jenny.Hall@Gmail.com.', 'email', 'Jenny.Hall@Gmail.com', 'jenny.hall@gmail.com'],
    ['call +1 (415) 555-0132 please', 'phone', '+1 (415) 555-0132', '+14155550132'],
    ['my number is +44 20 7946 0958', 'phone', '+44 20 7946 0958', '+442079460958'],
    ['reach me at (555) 123-4567', 'phone', '(555) 123-4567', '5551234567'],
    ['at 555.123.4567', 'phone', '555.123.4567', '5551234567'], ['text 555-1234', 'phone', '555-1234', '5551234'],
    ['ring 020 7946 0958', 'phone', '020 7946 0958', '02079460958'],
    ['has ORD-7731 shipped', 'order_id', 'ORD-7731', '7731'], ['check ORD-20931', 'order_id', 'ORD-20931', '20931'],
    ['order no. 77120 where is it', 'order_id', '77120', '77120'], ['my order is 58832', 'order_id', '58832', '58832'],
    ['order number 3381402', 'order_id', '3381402', '3381402'], ['pls track #1184', 'order_id', '#1184', '1184'],
    ['order A1B2C3 is late', 'order_id', 'A1B2C3', 'A1B2C3'], ['my order A7X9K2', 'order_id', 'A7X9K2', 'A7X9K2'],
    ['ord 77123 where is it now', 'order_id', '77123', '77123'], ['cancel 99017 please', 'order_id', '99017', '99017'],
    ["what's on invoice INV-2024-0031?", 'invoice_id', 'INV-2024-0031', 'INV-2024-0031'],
  ])('%s -> %s', (text, entity, surface, value) => {
    expect(valueOf(text, entity, surface)).toBe(value);
  });

  it('finds "#48213" in "where is my order #48213?" at the right offsets', () => {
    const e = only('where is my order #48213?', 'order_id', '#48213');
    expect(e).toMatchObject({ value: '48213', start: 18, end: 24, extractor: 'order_id' });
  });

  it('needs a cue for order ids and real phone formats', () => {
    none(['I want 12345 things', 'order now', 'order status', 'my order of 3 mugs', 'COVID19 rules'], 'order_id');
    none(['order 552190', 'on 2026-05-01', 'call 12345', 'invoice INV-2024-0031'], 'phone');
  });
});

describe('money', () => {
  const usd = (v: object): object => ({ ...v, currency: 'USD' });
  // prettier-ignore
  it.each<[string, string, unknown]>([
    ['shoes under 50 bucks', '50 bucks', usd({ max: 50 })], ['anything over $100?', '$100', usd({ min: 100 })],
    ['something more than 100', '100', usd({ min: 100 })],
    ['between 20 and 40 dollars', '20 and 40 dollars', usd({ min: 20, max: 40 })],
    ['jackets $20-$40', '$20-$40', usd({ min: 20, max: 40 })], ['jackets $20-40', '$20-40', usd({ min: 20, max: 40 })],
    ['from €20 to €40', '€20 to €40', { min: 20, max: 40, currency: 'EUR' }],
    ['around $60', '$60', usd({ min: 48, max: 72, approx: true })], ['I paid $50', '$50', usd({ amount: 50 })],
    ['refund the $59.99', '$59.99', usd({ amount: 59.99 })], ['fifty dollars', 'fifty dollars', usd({ amount: 50 })],
    ['two thousand five hundred euros', 'two thousand five hundred euros', { amount: 2500, currency: 'EUR' }],
    ['€30 please', '€30', { amount: 30, currency: 'EUR' }], ['30 euros', '30 euros', { amount: 30, currency: 'EUR' }],
    ['£20', '£20', { amount: 20, currency: 'GBP' }], ['no less than 1,200 bucks', '1,200 bucks', usd({ min: 1200 })],
    ['can I get 10% off', '10% off', { percent: 10 }],
  ])('%s', (text, surface, value) => {
    expect(valueOf(text, 'amount', surface)).toEqual(value);
  });

  it('does not read counts, durations or cotton as money', () => {
    none(['more than 3 items', 'over 2 weeks late', 'up to 5', 'is this 100% cotton', 'what about 5'], 'amount');
  });
});

describe('quantities and sizes', () => {
  // prettier-ignore
  it.each<[string, string, number]>([
    ['I want 2 shirts', '2', 2], ['two of the mugs', 'two', 2], ['a dozen eggs', 'a dozen', 12],
    ['a couple of towels', 'a couple', 2], ['10 items please', '10', 10], ['send 4 pcs', '4', 4],
    ['3 x blue socks', '3', 3], ['2x shirts', '2x', 2], ['twenty-five pens', 'twenty-five', 25],
    ['send us 2 shirts', '2', 2], ['change the quantity to 4', '4', 4],
  ])('quantity in %s', (text, surface, value) => {
    expect(valueOf(text, 'quantity', surface)).toBe(value);
  });

  it('does not count sizes, ids, prices, dates, years, addresses or algebra', () => {
    const texts = ['size 10 shoes', 'order #48213 items', '$50 shoes', '3 days ago', 'the 2025 edition'];
    none([...texts, '221 Baker Street', 'call me at 5', 'solve 2x + 5 = 11'], 'quantity');
  });

  it('tells "size 10" from "10 items"', () => {
    const size = {
      entity: 'size',
      value: '10',
      text: 'size 10',
      start: 0,
      end: 7,
      confidence: 0.95,
      extractor: 'size',
    };
    expect(extract('size 10')).toEqual([size]);
    const quantity = { entity: 'quantity', value: 10, text: '10', start: 0, end: 2, confidence: 0.85 };
    expect(extract('10 items')).toEqual([{ ...quantity, extractor: 'quantity' }]);
  });

  // prettier-ignore
  it.each([
    ['size 8.5 pls', 'size 8.5', '8.5'], ['in size M', 'size M', 'M'], ['size extra large', 'size extra large', 'XL'],
    ['a medium please', 'medium', 'M'], ['do you have it in large?', 'large', 'L'], ['got it in XL', 'XL', 'XL'],
    ['swap the M', 'M', 'M'], ['jeans 32x30', '32x30', '32x30'], ['shoes in US 9', 'US 9', 'US 9'],
    ['the 128GB model', '128GB', '128GB'], ['a queen duvet', 'queen', 'queen'],
  ])('size in %s', (text, surface, value) => {
    expect(valueOf(text, 'size', surface)).toBe(value);
  });

  it('ignores size words that describe something else', () => {
    none(['a small change', 'it runs small', 'large items', "I'm fine", 'the queen of hearts'], 'size');
  });
});

describe('dates (reference Wednesday 2026-03-18)', () => {
  // prettier-ignore
  it.each<[string, string, unknown]>([
    ['today', 'today', { date: '2026-03-18' }], ['can it come tomorrow?', 'tomorrow', { date: '2026-03-19' }],
    ['it shipped yesterday', 'yesterday', { date: '2026-03-17' }],
    ['delivered tomorrow morning', 'tomorrow morning', { date: '2026-03-19' }],
    ['I ordered last Tuesday', 'last Tuesday', { date: '2026-03-17' }],
    ['last wednesday', 'last wednesday', { date: '2026-03-11' }], ['next mon', 'next mon', { date: '2026-03-23' }],
    ['two weeks ago', 'two weeks ago', { date: '2026-03-04' }], ['3 days ago', '3 days ago', { date: '2026-03-15' }],
    ['in 5 days', 'in 5 days', { date: '2026-03-23' }], ['a month ago', 'a month ago', { date: '2026-02-18' }],
    ['placed on March 3rd', 'March 3rd', { date: '2026-03-03' }], ['due 3/14', '3/14', { date: '2026-03-14' }],
    ['on 2026-05-01', '2026-05-01', { date: '2026-05-01' }], ['the 4th of July', '4th of July', { date: '2026-07-04' }],
    ['Dec 24, 2025', 'Dec 24, 2025', { date: '2025-12-24' }], ['came on the 9th', 'the 9th', { date: '2026-03-09' }],
    ['will it arrive by Friday', 'Friday', { date: '2026-03-20' }], ['since Monday', 'Monday', { date: '2026-03-16' }],
    ['before Christmas', 'Christmas', { date: '2026-12-25' }],
    ['this weekend', 'this weekend', { from: '2026-03-21', to: '2026-03-22' }],
    ['last week', 'last week', { from: '2026-03-09', to: '2026-03-15' }],
    ['next month', 'next month', { from: '2026-04-01', to: '2026-04-30' }],
    ['invoices from January', 'January', { from: '2026-01-01', to: '2026-01-31' }],
    ['invoices for 2023', '2023', { from: '2023-01-01', to: '2023-12-31' }],
  ])('%s', (text, surface, value) => {
    expect(valueOf(text, 'date', surface)).toEqual(value);
  });

  it('rejects impossible dates and 24/7', () => {
    none(['on 2026-02-30', 'open 24/7', 'on 13/13'], 'date');
  });

  it('defaults to the current day', () => {
    const now = new Date();
    const pad = (n: number): string => String(n).padStart(2, '0');
    const iso = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
    expect(new RuleEntityExtractor({}).extract('today')[0]?.value).toEqual({ date: iso });
  });
});

describe('lookup and regex', () => {
  it('matches multi-word elements case-insensitively, longest first', () => {
    const e = only('my Rain Jacket leaks', 'product', 'Rain Jacket');
    expect(e).toMatchObject({ value: 'rain jacket', confidence: 1, extractor: 'lookup' });
    expect(valueOf('a nordwand bag', 'brand', 'nordwand')).toBe('Nordwand');
  });

  it('matches typos in longer words with lower confidence', () => {
    const e = only('a stainles steel bottle', 'material', 'stainles steel');
    expect(e).toMatchObject({ value: 'stainless steel', confidence: 0.8 });
    expect(valueOf('merinno wool socks', 'material', 'merinno wool')).toBe('merino wool');
    // Two edits are allowed in words of 9+ letters, one in words of 5-8.
    expect(valueOf('stenless stell', 'material', 'stenless stell')).toBe('stainless steel');
    expect(valueOf('a leahter belt', 'material', 'leahter')).toBe('leather');
    expect(valueOf('a cotten shirt', 'material', 'cotten')).toBe('cotton');
  });

  it('does not match typos in short words or far-off words', () => {
    const colors = new RuleEntityExtractor({ lookups: [{ name: 'color', elements: ['red', 'teal'] }] });
    expect(colors.extract('a rad teel')).toEqual([]);
    none(['a stainless stone bottle', 'merino wol socks'], 'material');
  });

  it('maps matches through synonyms, also for synonym surface forms', () => {
    expect(valueOf('I bought trainers', 'product', 'trainers')).toBe('sneakers');
    expect(valueOf('two yoga mats', 'product', 'yoga mats')).toBe('yoga mat');
  });

  it('can disable fuzzy matching and add lookups later', () => {
    const x = new RuleEntityExtractor({ fuzzy: false });
    x.addLookup({ name: 'color', elements: ['burgundy'] });
    expect(x.extract('in burgundy').map((e) => e.value)).toEqual(['burgundy']);
    expect(x.extract('in burgundi')).toEqual([]);
  });

  it('applies regex features case-insensitively on word boundaries', () => {
    expect(valueOf('ship to 94103-1234', 'zipcode', '94103-1234')).toBe('94103-1234');
    const x = new RuleEntityExtractor({ regexes: [{ name: 'sku', pattern: 'sku-[a-z]+' }] });
    expect(x.extract('find SKU-ABC now').map((e) => [e.entity, e.text])).toEqual([['sku', 'SKU-ABC']]);
    expect(() => new RuleEntityExtractor({ regexes: [{ name: 'bad', pattern: '(' }] })).toThrow(/"bad"/);
  });

  it('computes Damerau-Levenshtein with transpositions, capped at max + 1', () => {
    const dl = damerauLevenshtein;
    expect([dl('leather', 'leahter', 2), dl('stainless', 'stenless', 3), dl('abc', 'xyz', 1)]).toEqual([1, 2, 2]);
  });
});

describe('overlaps and mergeEntities', () => {
  it('never returns overlapping entities from extract()', () => {
    const text = 'order #48213: 2 rain jackets size M for under $50, ship to 94103-1234 by next monday, email a.b@c.io';
    const entities = extract(`${text} or call 555-123-4567, ORD-7731 was 3/14`);
    expectNoOverlaps(entities);
    const expected = ['order_id', 'quantity', 'product', 'size', 'amount', 'zipcode', 'date', 'email', 'phone'];
    expect(entities.map((e) => e.entity)).toEqual([...expected, 'order_id', 'date']);
    expect(extract('rain jacket').map((e) => e.text)).toEqual(['rain jacket']);
  });

  const span = (start: number, end: number, confidence: number, extra = {}) => ({ start, end, confidence, entity: 'thing', ...extra });

  it('prefers the longer span, then the higher confidence', () => {
    const learned = [span(0, 10, 0.5, { entity: 'product' })];
    expect(mergeEntities([span(0, 5, 1, { entity: 'product', extractor: 'lookup' })], learned)).toEqual(learned);
    const surer = span(0, 5, 0.95, { entity: 'product' });
    expect(mergeEntities([span(0, 5, 0.9, { entity: 'product', extractor: 'lookup' })], [surer])).toEqual([surer]);
  });

  it('lets structured rule entities win ties, and learned entities win ties against lookups', () => {
    const ruleEmail = span(3, 10, 0.9, { entity: 'email', extractor: 'email' });
    expect(mergeEntities([ruleEmail], [span(3, 10, 0.9, { entity: 'email' })])[0]).toBe(ruleEmail);
    const learned = span(3, 10, 0.9, { entity: 'brand' });
    expect(mergeEntities([span(3, 10, 0.9, { entity: 'brand', extractor: 'lookup' })], [learned])[0]).toBe(learned);
  });

  it('with the learned types, rule entities of other types only fill the gaps', () => {
    // "june fifteenth" annotated as month + day number: the longer date rule entity must not swallow both.
    const date = span(3, 17, 0.9, { entity: 'date', extractor: 'date' });
    const month = span(3, 7, 0.8, { entity: 'month_name' });
    const day = span(8, 17, 0.8, { entity: 'day_number' });
    const elsewhere = span(20, 26, 0.9, { entity: 'date', extractor: 'date' });
    expect(mergeEntities([date, elsewhere], [month, day])).toEqual([date, elsewhere]);
    expect(mergeEntities([date, elsewhere], [month, day], new Set(['month_name', 'day_number']))).toEqual([month, day, elsewhere]);
    // A type the model knows still competes as before.
    expect(mergeEntities([date], [month, day], new Set(['month_name', 'day_number', 'date']))).toEqual([date]);
  });

  it('keeps non-overlapping entities from both sides, sorted', () => {
    const merged = mergeEntities([span(10, 12, 0.8), span(0, 3, 1)], [span(5, 8, 0.7), span(2, 4, 0.6)]);
    expect(merged).toEqual([span(0, 3, 1), span(5, 8, 0.7), span(10, 12, 0.8)]);
  });
});

describe('bad input never throws', () => {
  const words = ['order', '#1234', 'size', '10', 'two', 'stainles', 'steel', 'under', '$5', 'last'];
  // prettier-ignore
  const junk = [
    '', ' ', '\u0000\uFFFF\uD800\uDFFF\uD800 \u0007\u001b[31m', '我想退货 أريد استرداد المال 😡🔥 #48213 €30',
    'a'.repeat(5000), '1'.repeat(5000), '$'.repeat(2000) + '9'.repeat(3000), '+1 '.repeat(1666), 'a@'.repeat(2500),
    Array.from({ length: 1000 }, (_, i) => words[i % 10]).join(' '),
  ];

  it.each(junk.map((text, i) => [i, text]))('case %i', (_i, text) => {
    const started = performance.now();
    const entities = extractor.extract(text as string);
    expect(performance.now() - started).toBeLessThan(1000);
    expectNoOverlaps(entities);
    for (const e of entities) expect((text as string).slice(e.start, e.end)).toBe(e.text);
  });

  it('finds entities around mixed scripts', () => {
    expect(valueOf('我的订单 #48213 在哪里', 'order_id', '#48213')).toBe('48213');
  });
});

describe('performance', () => {
  it('extracts from a 15-word message with 3,000 lookup elements in well under 2 ms', () => {
    let seed = 7;
    const rand = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const letter = (): string => String.fromCharCode(97 + Math.floor(rand() * 26));
    const word = (): string => Array.from({ length: 4 + Math.floor(rand() * 7) }, letter).join('');
    const elements = Array.from({ length: 3000 }, () => (rand() < 0.4 ? `${word()} ${word()}` : word()));
    const x = new RuleEntityExtractor({ lookups: [{ name: 'product', elements: [...elements, 'stainless steel'] }] });
    // A fresh random word per message keeps the typo cache from flattering the numbers.
    const template = 'hi, I ordered two stainles steel WORD last week for under $50, where is order #48213 now?';
    const messages = Array.from({ length: 550 }, () => template.replace('WORD', word()));
    for (const m of messages.slice(0, 50)) x.extract(m);
    const started = performance.now();
    for (const m of messages.slice(50)) x.extract(m);
    expect((performance.now() - started) / 500).toBeLessThan(2);
    const found = x.extract(messages[0]!).filter((e) => e.entity !== 'product' || e.value === 'stainless steel');
    expect(found.map((e) => e.entity)).toEqual(['quantity', 'product', 'date', 'amount', 'order_id']);
  });
});
