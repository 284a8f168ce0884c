/**
 * `shopdesk sentiment train | test | predict | report`: the review-sentiment tooling.
 *   train    trains on a JSONL file or the demo store's reviews (+ optional UCI sentences), writes a model folder
 *   test     accuracy, macro-F1 and confusion of a model on labelled JSONL
 *   predict  JSON lines {label, score, aspects} for a text argument or stdin lines
 *   report   per category/product distribution, aspects, weekly trend, rising negatives: HTML, CSV or JSON
 * The store is read here (the sentiment module only takes plain arrays).
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { Command } from 'commander';
import { loadConfig } from '../config';
import {
  buildSentimentReport,
  classificationReport,
  DEFAULT_SENTIMENT_MODEL_DIR,
  formatConfusion,
  labelForRating,
  loadSentimentModel,
  negationExamples,
  readLabelledJsonl,
  readUciDomain,
  renderReportCsv,
  renderReportHtml,
  saveSentimentModel,
  SENTIMENT_LABELS,
  targetForRating,
  trainSentiment,
  UCI_CITATION,
  UCI_DOMAINS,
  type LabelledText,
  type ReviewRecord,
  type SentimentModel,
} from '../sentiment';
import { openDatabase } from '../store';
import { generateDemoStore } from '../store/demo-store';
import { Prng } from '../util/prng';
import { stratifiedHoldOut } from '../util/stratify';
import { loadReviewRecords } from '../web/dashboard';
import { createProgress } from './progress';

function number(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Error(`${flag} must be a number, got ${value}`);
  return n;
}

/** The demo store's reviews as labelled examples (1-2 negative, 3 neutral, 4-5 positive). */
export function storeExamples(scale = 1, seed?: number): LabelledText[] {
  const store = generateDemoStore({ scale, ...(seed !== undefined ? { seed } : {}) });
  return store.reviews.map((r) => ({ text: r.text, label: labelForRating(r.rating), target: targetForRating(r.rating), domain: 'store' }));
}

/** The demo store's reviews as report records. */
export function demoReviewRecords(scale = 1): ReviewRecord[] {
  const store = generateDemoStore({ scale });
  const products = new Map(store.products.map((p) => [p.id, p]));
  return store.reviews.map((r) => {
    const product = products.get(r.productId)!;
    return { id: r.id, productId: r.productId, productTitle: product.title, category: product.category, brand: product.brand, rating: r.rating, text: r.text, createdAt: r.createdAt };
  });
}

function describeUrl(url: string): string {
  if (url.startsWith('file:')) return url;
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgresql database';
  }
}

/** Reviews from DATABASE_URL when that store exists and has reviews, else from the generated demo store. */
export async function loadReportReviews(scale = 1): Promise<{ reviews: ReviewRecord[]; source: string }> {
  const config = loadConfig();
  const demo = (why: string) => ({ reviews: demoReviewRecords(scale), source: `generated demo store (${why})` });
  if (config.databaseProvider === 'sqlite') {
    const file = config.databaseUrl.slice('file:'.length);
    if (file !== ':memory:' && !fs.existsSync(file)) return demo(`no database at ${file}`);
  }
  const database = openDatabase(config.databaseUrl);
  try {
    let count: number;
    try {
      count = await database.prisma.review.count();
    } catch (error) {
      // P2021: the Review table does not exist (a database that was never migrated).
      if ((error as { code?: string }).code === 'P2021') return demo('the database has no Review table');
      throw error;
    }
    if (count === 0) return demo('the database has no reviews');
    const reviews = await loadReviewRecords(database.prisma);
    return { reviews, source: `database ${describeUrl(config.databaseUrl)}` };
  } finally {
    await database.close();
  }
}

/** Stratified hold-out by domain and label, seeded. */
function holdOut(examples: LabelledText[], share: number, seed: number): { train: LabelledText[]; test: LabelledText[] } {
  if (share <= 0) return { train: examples, test: [] };
  const { kept: train, held: test } = stratifiedHoldOut(examples, (e) => `${e.domain}/${e.label}`, (size) => Math.round(size * share), new Prng(seed));
  return { train, test };
}

/**
 * Scores a model on examples. Binary sets (0/1 labels) are scored positive when P(positive) >= P(negative)
 * (the 3-class output mapped to two classes); three-class sets by the predicted label.
 */
export function evaluateSentiment(model: SentimentModel, examples: readonly LabelledText[], binary: boolean) {
  const predicted = examples.map((e) => {
    const result = model.scoreText(e.text);
    return binary ? (result.probabilities.positive >= result.probabilities.negative ? 'positive' : 'negative') : result.label;
  });
  return classificationReport(
    examples.map((e) => e.label),
    predicted,
    binary ? ['negative', 'positive'] : [...SENTIMENT_LABELS],
  );
}

export function registerSentimentCommands(program: Command): void {
  const sentiment = program.command('sentiment').description('review sentiment: train, test, predict, report');

  sentiment
    .command('train')
    .description('train a model on labelled JSONL or on the demo store reviews (--data store)')
    .requiredOption('--data <jsonl|store>', 'a .jsonl file of {text, label} or "store" for the generated demo store reviews')
    .requiredOption('--out <dir>', 'model folder to write')
    .option('--uci <dir>', 'also train on the UCI sentiment labelled sentences in this folder (read at run time, CC BY 4.0)')
    .option('--no-negation-examples', 'leave out the templated negation examples (see src/sentiment/data/negation-examples.ts)')
    .option('--holdout <share>', 'share held out (stratified) to report metrics in meta.json', '0.1')
    .option('--scale <x>', 'demo store size for --data store', '1')
    .option('--config <json>', 'model settings as a JSON object (see DEFAULT_SENTIMENT_CONFIG)')
    .action(async (options: { data: string; out: string; uci?: string; negationExamples: boolean; holdout: string; scale: string; config?: string }) => {
      const examples = options.data === 'store' ? storeExamples(number(options.scale, '--scale', 1)) : readLabelledJsonl(options.data).examples;
      if (options.uci) for (const domain of UCI_DOMAINS) examples.push(...readUciDomain(options.uci, domain));
      if (options.negationExamples) examples.push(...negationExamples());
      const config = options.config ? (JSON.parse(options.config) as Record<string, unknown>) : {};
      const { train, test } = holdOut(examples, number(options.holdout, '--holdout', 0.1), 7);
      const progress = createProgress();
      const result = await trainSentiment(train, {
        config,
        onProgress: (p) => progress.update(`member ${p.member}/${p.members}`, p.epoch, p.epochs, `loss ${p.loss.toFixed(3)}${p.validationAccuracy === undefined ? '' : ` val acc ${(p.validationAccuracy * 100).toFixed(1)}%`} ${p.examplesPerSecond.toFixed(0)} ex/s ETA ${p.etaSeconds.toFixed(0)} s`),
      });
      progress.done();
      const metrics: Record<string, { examples: number; accuracy: number; macroF1: number; protocol: string }> = {};
      for (const domain of [...new Set(test.map((e) => e.domain ?? 'data'))]) {
        const subset = test.filter((e) => (e.domain ?? 'data') === domain);
        const binary = domain.startsWith('uci-');
        const r = evaluateSentiment(result.model, subset, binary);
        metrics[domain] = { examples: r.examples, accuracy: r.accuracy, macroF1: r.macroF1, protocol: binary ? 'binary (P(positive) >= P(negative)), held out' : '3-class, held out' };
      }
      const meta = {
        kind: 'sentiment',
        createdAt: new Date().toISOString(),
        dataHash: result.dataHash,
        dataSource: [
          options.data === 'store' ? `demo store reviews (generateDemoStore scale ${options.scale})` : options.data,
          ...(options.uci ? [UCI_CITATION] : []),
          ...(options.negationExamples ? ['templated negation examples (src/sentiment/data/negation-examples.ts)'] : []),
        ],
        examples: { train: train.length, heldOut: test.length },
        backend: result.backend,
        trainingSeconds: Math.round(result.trainingSeconds * 10) / 10,
        bestEpochs: result.bestEpochs,
        validation: result.validation,
        metrics,
        config: { ...result.model.config, vectors: path.relative(path.resolve(options.out), result.model.vectorsDir).split(path.sep).join('/') },
        lexiconSources: result.model.lexicon.sources,
      };
      saveSentimentModel(result.model, options.out, meta);
      const summary = Object.entries(metrics).map(([d, m]) => `${d} ${(m.accuracy * 100).toFixed(1)}%`);
      process.stdout.write(`trained on ${train.length} examples in ${meta.trainingSeconds} s on ${result.backend}; held-out accuracy: ${summary.join(', ') || 'n/a'} -> ${options.out}\n`);
    });

  sentiment
    .command('test')
    .description('evaluate a model on labelled JSONL ({text, label}: negative/neutral/positive or 0/1)')
    .option('--model <dir>', 'model folder', DEFAULT_SENTIMENT_MODEL_DIR)
    .requiredOption('--data <jsonl>', 'labelled JSON lines')
    .option('--out <report.json>', 'also write the full report as JSON')
    .action((options: { model: string; data: string; out?: string }) => {
      const model = loadSentimentModel(options.model);
      const data = readLabelledJsonl(options.data);
      const report = evaluateSentiment(model, data.examples, data.binary);
      const perClass = Object.entries(report.perClass).map(([label, m]) => `  ${label.padEnd(9)} precision ${(m.precision * 100).toFixed(1)}%  recall ${(m.recall * 100).toFixed(1)}%  F1 ${(m.f1 * 100).toFixed(1)}%  (${m.support})`);
      process.stdout.write(
        `${data.binary ? 'binary (P(positive) >= P(negative))' : '3-class'} on ${report.examples} examples: accuracy ${(report.accuracy * 100).toFixed(1)}%, macro-F1 ${(report.macroF1 * 100).toFixed(1)}%\n${perClass.join('\n')}\n${formatConfusion(report)}\n`,
      );
      if (options.out) {
        fs.mkdirSync(path.dirname(path.resolve(options.out)), { recursive: true });
        fs.writeFileSync(options.out, `${JSON.stringify({ data: options.data, binary: data.binary, ...report }, null, 2)}\n`);
      }
    });

  sentiment
    .command('predict')
    .description('print {label, score, aspects} as JSON lines for a text argument, or for each stdin line ({"text": ...} or plain text)')
    .option('--model <dir>', 'model folder', DEFAULT_SENTIMENT_MODEL_DIR)
    .argument('[text...]', 'text to analyse')
    .action(async (words: string[], options: { model: string }) => {
      const model = loadSentimentModel(options.model);
      const print = (text: string) => {
        const { label, score, aspects } = model.predict(text);
        process.stdout.write(`${JSON.stringify({ label, score, aspects: aspects.map(({ aspect, polarity, opinion, start, end }) => ({ aspect, polarity, opinion, start, end })) })}\n`);
      };
      if (words.length > 0) return print(words.join(' '));
      let lineNumber = 0;
      for await (const line of readline.createInterface({ input: process.stdin })) {
        lineNumber += 1;
        if (line.trim() === '') continue;
        if (!line.trimStart().startsWith('{')) {
          print(line);
          continue;
        }
        const record = JSON.parse(line) as { text?: unknown };
        if (typeof record.text !== 'string') throw new Error(`stdin line ${lineNumber}: expected {"text": "..."}`);
        print(record.text);
      }
    });

  sentiment
    .command('report')
    .description('sentiment report over the store reviews (DATABASE_URL, else the generated demo store): .html, .csv or .json')
    .requiredOption('--out <file>', 'report.html, report.csv or report.json')
    .option('--model <dir>', 'model folder', DEFAULT_SENTIMENT_MODEL_DIR)
    .option('--category <name>', 'only this category')
    .option('--product <id|title>', 'only this product (id, or part of its title)')
    .option('--since <date>', 'only reviews from this date (YYYY-MM-DD)')
    .option('--scale <x>', 'demo store size when there is no database', '1')
    .action(async (options: { out: string; model: string; category?: string; product?: string; since?: string; scale: string }) => {
      const format = path.extname(options.out).toLowerCase();
      if (!['.html', '.csv', '.json'].includes(format)) throw new Error(`--out must end in .html, .csv or .json, got ${options.out}`);
      const since = options.since === undefined ? undefined : new Date(options.since);
      if (since && Number.isNaN(since.getTime())) throw new Error(`--since must be a date (YYYY-MM-DD), got ${options.since}`);
      const started = Date.now();
      const progress = createProgress();
      const model = loadSentimentModel(options.model);
      const { reviews, source } = await loadReportReviews(number(options.scale, '--scale', 1));
      progress.done(`${reviews.length.toLocaleString('en-US')} reviews from ${source}`);
      const report = buildSentimentReport(reviews, model, { category: options.category, product: options.product, since, source, onProgress: (done, total) => progress.update('scoring', done, total) });
      progress.done();
      const body = format === '.html' ? renderReportHtml(report) : format === '.csv' ? renderReportCsv(report) : `${JSON.stringify(report, null, 2)}\n`;
      fs.mkdirSync(path.dirname(path.resolve(options.out)), { recursive: true });
      fs.writeFileSync(options.out, body);
      const flagged = report.rising.products.filter((p) => p.significant).length;
      process.stdout.write(
        `${report.overall.reviews} reviews: ${report.overall.negative} negative, ${report.overall.neutral} neutral, ${report.overall.positive} positive; ${flagged} product(s) with rising negatives; ${report.disagreements.count} text/rating disagreements; ${((Date.now() - started) / 1000).toFixed(1)} s -> ${options.out}\n`,
      );
    });
}
