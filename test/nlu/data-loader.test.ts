import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  TrainingDataError,
  hashTrainingData,
  loadTrainingData,
  parseAnnotatedExample,
  parseTrainingYaml,
  toRasaYaml,
  validateTrainingData,
} from '../../src/nlu/data';
import type { TrainingData } from '../../src/nlu/types';

const FIXTURE = `version: "3.1"
nlu:
- intent: track_order
  examples: |
    - where is my order [#48213]{"entity": "order_id", "value": "48213"}
    - track [ORD-7731](order_id)
    - where is my package
- intent: greet
  metadata: {sentiment: neutral}
  examples:
    - hi
    - text: |
        hello there
      metadata: {sentiment: positive}
- synonym: sneakers
  examples: |
    - Trainers
    - running shoes
- regex: zipcode
  examples: |
    - \\b\\d{5}\\b
- lookup: color
  examples: |
    - red
    - navy blue
- lookup: material
  elements:
    - cotton
    - stainless steel
rules:
- rule: say hi
  steps: [{intent: greet}]
responses: {utter_greet: [{text: hi}]}
`;

function withoutSources(data: TrainingData): TrainingData {
  return { ...data, examples: data.examples.map(({ source: _source, ...rest }) => rest) };
}

function errorOf(fn: () => unknown): TrainingDataError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(TrainingDataError);
    return err as TrainingDataError;
  }
  throw new Error('expected a TrainingDataError');
}

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nlu-data-'));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => tempDirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

describe('parseAnnotatedExample', () => {
  it('parses [text](entity) with the surface text as value', () => {
    expect(parseAnnotatedExample('I want a [red](color) shirt')).toEqual({
      text: 'I want a red shirt',
      entities: [{ entity: 'color', value: 'red', start: 9, end: 12 }],
    });
  });

  it('parses the Rasa 1 shorthand [text](entity:value)', () => {
    expect(parseAnnotatedExample('two [trainers](product:sneakers) please')).toEqual({
      text: 'two trainers please',
      entities: [{ entity: 'product', value: 'sneakers', start: 4, end: 12 }],
    });
  });

  it('parses the JSON form with value, role and group', () => {
    const parsed = parseAnnotatedExample(
      'where is my order [#48213]{"entity": "order_id", "value": "48213"} from [Berlin]{"entity": "city", "role": "origin"} in [red]{"entity": "color", "group": "1"}',
    );
    expect(parsed.text).toBe('where is my order #48213 from Berlin in red');
    expect(parsed.entities).toEqual([
      { entity: 'order_id', value: '48213', start: 18, end: 24 },
      { entity: 'city', value: 'Berlin', start: 30, end: 36, role: 'origin' },
      { entity: 'color', value: 'red', start: 40, end: 43, group: '1' },
    ]);
    for (const e of parsed.entities) expect(parsed.text.slice(e.start, e.end)).not.toContain('[');
  });

  it('handles braces inside JSON strings and numeric values', () => {
    const parsed = parseAnnotatedExample('[x]{"entity": "code", "value": "a}b"} and [7]{"entity": "n", "value": 7}');
    expect(parsed.text).toBe('x and 7');
    expect(parsed.entities).toEqual([
      { entity: 'code', value: 'a}b', start: 0, end: 1 },
      { entity: 'n', value: '7', start: 6, end: 7 },
    ]);
  });

  it('leaves text without annotations alone', () => {
    const line = 'where is my order? (it is late) :)';
    expect(parseAnnotatedExample(line)).toEqual({ text: line, entities: [] });
  });

  // prettier-ignore
  it.each([
    ['where is [my order', /unbalanced '\['/], ['where is my] order', /unbalanced '\]'/],
    ['where [is [my]](x) order', /nested '\['/], ['where is [order](order_id', /unbalanced '\('/],
    ['where is [order]{"entity": "x"', /unbalanced '\{'/], ['where is [order]{entity: x}', /invalid JSON/],
    ['where is [order]{"value": "x"}', /no "entity"/], ['where is [order] now', /not followed by/],
    ['where is [order]()', /empty entity name/],
  ])('rejects %s', (line, message) => {
    expect(errorOf(() => parseAnnotatedExample(line)).message).toMatch(message);
  });
});

describe('parseTrainingYaml', () => {
  const data = parseTrainingYaml(FIXTURE, 'intents/fixture.yml');

  it('reads intents from block strings, string lists and {text, metadata} lists', () => {
    expect(data.examples.map((e) => [e.intent, e.text, e.source])).toEqual([
      ['track_order', 'where is my order #48213', 'intents/fixture.yml:5'],
      ['track_order', 'track ORD-7731', 'intents/fixture.yml:6'],
      ['track_order', 'where is my package', 'intents/fixture.yml:7'],
      ['greet', 'hi', 'intents/fixture.yml:11'],
      ['greet', 'hello there', 'intents/fixture.yml:13'],
    ]);
    expect(data.examples[1]?.entities).toEqual([{ entity: 'order_id', value: 'ORD-7731', start: 6, end: 14 }]);
  });

  it('reads synonyms, including annotated values that differ from the text', () => {
    expect(data.synonyms).toEqual({ trainers: 'sneakers', 'running shoes': 'sneakers', '#48213': '48213' });
  });

  it('reads regexes and lookups (examples and elements)', () => {
    expect(data.regexes).toEqual([{ name: 'zipcode', pattern: '\\b\\d{5}\\b' }]);
    expect(data.lookups).toEqual([
      { name: 'color', elements: ['red', 'navy blue'] },
      { name: 'material', elements: ['cotton', 'stainless steel'] },
    ]);
  });

  it('accepts files without nlu data (domain, stories) and empty files', () => {
    expect(parseTrainingYaml('version: "3.1"\nstories: []\n').examples).toEqual([]);
    expect(parseTrainingYaml('').examples).toEqual([]);
  });
});

describe('errors name the file and line', () => {
  // prettier-ignore
  const cases: [string, string, number, RegExp][] = [
    ['YAML syntax error', 'version: "3.1"\nnlu:\n- intent: a\n  examples: |\n    - x\n- intent: b: c\n', 6, /YAML syntax error/],
    ['YAML duplicate key', 'nlu:\n- intent: a\n  intent: b\n  examples: |\n    - x\n', 3, /YAML syntax error: Map keys must be unique/],
    ['nlu not a list', 'version: "3.1"\n\nnlu:\n  intent: greet\n', 4, /"nlu" must be a list/],
    ['item without a kind', 'nlu:\n- intent: a\n  examples: |\n    - x\n- examples: |\n    - y\n', 5, /none of intent, synonym, regex, lookup/],
    ['empty intent name', 'nlu:\n- intent: ""\n  examples: |\n    - x\n', 2, /intent name is empty/],
    ['intent name not a string', 'nlu:\n- intent: [a]\n  examples: |\n    - x\n', 2, /intent name must be a string/],
    ['examples missing', 'nlu:\n- intent: a\n  examples: |\n    - x\n- intent: b\n  metadata: {}\n', 5, /intent "b" has no "examples"/],
    ['examples not a string or list', 'nlu:\n- intent: a\n  examples: {x: 1}\n', 3, /must be a string of "- example" lines or a list/],
    ['unbalanced bracket in a block', 'nlu:\n- intent: a\n  examples: |\n    - fine\n\n    - also [fine](x)\n    - broken [order\n', 7, /unbalanced '\['/],
    ['unbalanced paren', 'nlu:\n- intent: a\n  examples: |\n    - x\n    - y [z](w\n', 5, /unbalanced '\('/],
    ['invalid JSON', 'nlu:\n- intent: a\n  examples:\n    - ok\n    - "[z]{entity: w}"\n', 5, /invalid JSON/],
    ['JSON without entity', 'nlu:\n- intent: a\n  examples: |\n    - [z]{"value": "w"}\n', 4, /no "entity"/],
    ['invalid regex', 'nlu:\n- regex: zip\n  examples: |\n    - \\d{5}\n    - ([a-z\n', 5, /invalid regex pattern for "zip"/],
    ['example without dash', 'nlu:\n- intent: a\n  examples: |\n    - x\n    y\n', 5, /must start with "- "/],
  ];

  it.each(cases)('%s', (_name, yaml, line, message) => {
    const err = errorOf(() => parseTrainingYaml(yaml, 'intents/x.yml'));
    expect(err.file).toBe('intents/x.yml');
    expect(err.line).toBe(line);
    expect(err.message).toMatch(message);
    expect(err.message.startsWith(`intents/x.yml:${line}: `)).toBe(true);
  });
});

describe('loadTrainingData', () => {
  it('merges a directory recursively in sorted path order, skipping non-YAML files', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'sub'));
    const lookup = (colors: string): string => `- lookup: color\n  examples: |\n${colors}`;
    fs.writeFileSync(
      path.join(dir, 'b.yml'),
      `nlu:\n- intent: b\n  examples: |\n    - b1\n    - b2\n${lookup('    - red\n')}`,
    );
    fs.writeFileSync(
      path.join(dir, 'a.yaml'),
      `nlu:\n- intent: a\n  examples: |\n    - a1\n    - a2\n${lookup('    - blue\n    - red\n')}`,
    );
    fs.writeFileSync(path.join(dir, 'sub', 'c.yml'), 'nlu:\n- synonym: sneakers\n  examples: |\n    - trainers\n');
    fs.writeFileSync(path.join(dir, 'domain.yml'), 'version: "3.1"\nintents:\n  - a\n');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not yaml: [');
    const data = loadTrainingData(dir);
    expect(data.examples.map((e) => e.text)).toEqual(['a1', 'a2', 'b1', 'b2']);
    expect(data.examples[0]?.source).toMatch(/a\.yaml:4$/);
    expect(data.lookups).toEqual([{ name: 'color', elements: ['blue', 'red'] }]);
    expect(data.synonyms).toEqual({ trainers: 'sneakers' });
  });

  it('loads a single file and names it in errors', () => {
    const dir = tempDir();
    const file = path.join(dir, 'bad.yml');
    fs.writeFileSync(file, 'nlu:\n- intent: a\n  examples: |\n    - [oops\n');
    const err = errorOf(() => loadTrainingData(file));
    expect(err.message).toMatch(/bad\.yml:4: unbalanced '\['/);
  });

  it('names a path that does not exist', () => {
    const missing = path.join(tempDir(), 'nope.yml');
    expect(errorOf(() => loadTrainingData(missing)).message).toMatch(/nope\.yml: .*does not exist/);
  });

  it('rejects a directory without YAML files', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'readme.md'), '# nothing');
    expect(errorOf(() => loadTrainingData(dir)).message).toMatch(/no \.yml\/\.yaml/);
  });
});

describe('toRasaYaml', () => {
  it('round-trips parse -> toRasaYaml -> parse', () => {
    const data = parseTrainingYaml(FIXTURE, 'a.yml');
    const again = parseTrainingYaml(toRasaYaml(data), 'b.yml');
    expect(withoutSources(again)).toEqual(withoutSources(data));
    expect(hashTrainingData(again)).toBe(hashTrainingData(data));
  });

  it('round-trips roles, groups and texts with line breaks', () => {
    const city = { entity: 'city', value: 'Berlin', start: 9, end: 15, role: 'from' };
    const red = { entity: 'color', value: 'red', start: 2, end: 5, group: '1' };
    const data: TrainingData = {
      examples: [
        { text: 'fly from Berlin', intent: 'book', entities: [city] },
        { text: 'a red one', intent: 'book', entities: [red] },
        { text: 'line one\nline two', intent: 'multi', entities: [] },
        { text: 'another', intent: 'multi', entities: [] },
      ],
      synonyms: {},
      regexes: [],
      lookups: [],
    };
    expect(withoutSources(parseTrainingYaml(toRasaYaml(data)))).toEqual(data);
  });
});

describe('validateTrainingData', () => {
  it('names an intent with a single example and where it is', () => {
    const data = parseTrainingYaml(
      'nlu:\n- intent: a\n  examples: |\n    - a1\n    - a2\n- intent: lonely\n  examples: |\n    - only one\n',
      'intents/x.yml',
    );
    const err = errorOf(() => validateTrainingData(data));
    expect(err.message).toMatch(/intent "lonely" has 1 example/);
    expect(err.file).toBe('intents/x.yml');
    expect(err.line).toBe(8);
    expect(() => validateTrainingData(data, { minExamplesPerIntent: 1 })).not.toThrow();
  });

  it('rejects data without intents', () => {
    expect(errorOf(() => validateTrainingData(parseTrainingYaml('nlu: []'))).message).toMatch(/no intents/);
  });
});

describe('hashTrainingData', () => {
  it('is stable under reordering and renaming of files', () => {
    const partA = 'nlu:\n- intent: a\n  examples: |\n    - a1\n    - a2\n- lookup: color\n  examples: |\n    - red\n';
    const partB =
      'nlu:\n- intent: b\n  examples: |\n    - b1\n    - [b2](x)\n- lookup: color\n  examples: |\n    - blue\n';
    const one = tempDir();
    const two = tempDir();
    fs.writeFileSync(path.join(one, '1.yml'), partA);
    fs.writeFileSync(path.join(one, '2.yml'), partB);
    fs.writeFileSync(path.join(two, '1.yml'), partB);
    fs.writeFileSync(path.join(two, 'z.yml'), partA);
    const h1 = hashTrainingData(loadTrainingData(one));
    expect(h1).toMatch(/^[0-9a-f]{64}$/);
    expect(hashTrainingData(loadTrainingData(two))).toBe(h1);
    fs.writeFileSync(path.join(two, 'z.yml'), partA.replace('a2', 'a3'));
    expect(hashTrainingData(loadTrainingData(two))).not.toBe(h1);
  });
});

describe('the project intents folder', () => {
  const dir = path.resolve(__dirname, '../../intents');
  const hasFiles = fs.existsSync(dir) && fs.readdirSync(dir).some((f) => /\.ya?ml$/.test(f));
  (hasFiles ? it : it.skip)('loads with at least 40 intents', () => {
    const data = loadTrainingData(dir);
    expect(new Set(data.examples.map((e) => e.intent)).size).toBeGreaterThanOrEqual(40);
  });
});
