/**
 * Support routing benchmark: routes every labelled message with the shipped
 * NLU + sentiment models and config/routing.yml ("ours"), and with a keyword
 * router (the peer), and compares queue accuracy, per-queue P/R/F1,
 * confusion, priority agreement and latency.
 *
 *   npx tsx bench/support/run.ts [--set bench/support/routing-set.jsonl ...] [--config config/routing.yml]
 *
 * Writes bench/results/routing-latest.md and routing-latest.json.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadNluModel } from '../../src/nlu';
import { loadSentimentModel } from '../../src/sentiment';
import {
  LearnedQueueModel,
  loadRoutingConfig,
  readLabelledTickets,
  routeMessage,
  signalsFromParse,
  withoutNearDuplicates,
  wordSet,
  type RoutingDecision,
} from '../../src/support/routing';
import { keywordRoute } from './keyword-router';
import { classification, percentiles, priorityAgreement } from './metrics';
import { jaccard } from '../../src/util/jaccard';
import { renderMarkdown } from './report';
import type { BenchReport, Example, NearestBucket, SetResult } from './types';

const ROOT = path.resolve(__dirname, '../..');
const RESULTS = path.join(ROOT, 'bench/results');
const DEFAULT_SETS = ['bench/support/routing-set.jsonl', 'bench/support/routing-holdout.jsonl', 'bench/support/routing-holdout-2.jsonl', 'bench/support/routing-holdout-3.jsonl', 'bench/support/routing-holdout-4.jsonl'];

function args(name: string): string[] {
  const out: string[] = [];
  process.argv.forEach((a, i) => {
    if (a === `--${name}` && process.argv[i + 1]) out.push(process.argv[i + 1]!);
  });
  return out;
}

interface RoutedExample {
  example: Example;
  ours: RoutingDecision;
  noLearned: RoutingDecision;
  noRules: RoutingDecision;
  baseline: { queue: string; priority: string };
  oursMs: number;
  routeMs: number;
  baselineMs: number;
}

interface RoutedSet {
  file: string;
  content: Buffer;
  rows: RoutedExample[];
}

/**
 * Ours' accuracy on the unseen sets by how close each message's nearest training ticket
 * is (word-set Jaccard): support tickets repeat, and this shows how much of the number
 * comes from messages like ones the model learned from.
 */
function accuracyByNearestTicket(learned: LearnedQueueModel, unseen: readonly RoutedSet[]): NearestBucket[] {
  const sources = learned.meta?.sources.map((s) => path.resolve(ROOT, s.file)).filter((f) => fs.existsSync(f)) ?? [];
  const excluded = (learned.meta?.excludedNear ?? []).map((f) => path.resolve(ROOT, f)).filter((f) => fs.existsSync(f));
  if (sources.length === 0) return [];
  const { kept } = withoutNearDuplicates(readLabelledTickets(sources), readLabelledTickets(excluded));
  const pool = kept.map((t) => wordSet(t.text));
  const buckets: NearestBucket[] = [
    { label: 'below 0.3', max: 0.3, messages: 0, correct: 0 },
    { label: '0.3 to 0.4', max: 0.4, messages: 0, correct: 0 },
    { label: '0.4 to 0.5', max: 0.5, messages: 0, correct: 0 },
    { label: '0.5 or more', max: Infinity, messages: 0, correct: 0 },
  ];
  for (const row of unseen.flatMap((set) => set.rows)) {
    const words = wordSet(row.example.text);
    const nearest = pool.reduce((best, other) => Math.max(best, jaccard(words, other)), 0);
    const bucket = buckets.find((b) => nearest < b.max)!;
    bucket.messages += 1;
    if (row.ours.queue === row.example.queue) bucket.correct += 1;
  }
  return buckets.filter((b) => b.messages > 0);
}

function sha256(content: Buffer): string {
  return crypto.createHash('sha256').update(content).digest('hex');
}

/** Scores one set's routed messages for each router. */
function summarise(set: RoutedSet, queues: string[]): SetResult {
  const examples = set.rows.map((r) => r.example);
  const gold = examples.map((e) => e.queue);
  const rules: Record<string, number> = {};
  for (const { ours } of set.rows) rules[ours.rule] = (rules[ours.rule] ?? 0) + 1;
  const router = (name: string, pick: (row: RoutedExample) => { queue: string; priority: string; rule?: string }, latency: number[]) => {
    const predicted = set.rows.map(pick);
    return {
      name,
      queues: classification(
        gold,
        predicted.map((d) => d.queue),
        queues,
      ),
      priority: priorityAgreement(examples.map((e, i) => ({ gold: e.priority, predicted: predicted[i]!.priority }))),
      latencyMs: percentiles(latency),
      errors: examples.flatMap((e, i) =>
        predicted[i]!.queue === e.queue
          ? []
          : [{ text: e.text, gold: e.queue, predicted: predicted[i]!.queue, ...(predicted[i]!.rule ? { rule: predicted[i]!.rule } : {}) }],
      ),
    };
  };
  const oursMs = set.rows.map((r) => r.oursMs);
  return {
    file: set.file,
    examples: examples.length,
    sha256: sha256(set.content),
    perQueueSupport: Object.fromEntries(queues.map((q) => [q, gold.filter((g) => g === q).length])),
    routers: [
      { ...router('ours (NLU + sentiment + config/routing.yml)', (r) => r.ours, oursMs), routeOnlyMs: percentiles(set.rows.map((r) => r.routeMs)), rules },
      router('ours without the learned queue model', (r) => r.noLearned, oursMs),
      router('ours without rules', (r) => r.noRules, oursMs),
      router(
        'keyword baseline',
        (r) => r.baseline,
        set.rows.map((r) => r.baselineMs),
      ),
    ],
  };
}

async function main(): Promise<void> {
  const configFile = args('config')[0];
  const config = loadRoutingConfig(configFile ? path.resolve(configFile) : undefined);
  const queues = Object.keys(config.queues);
  // Ablation: the same topic (summed intent ranking) and priority, without the store's rules.
  const withoutRules = { ...config, rules: [] };
  const sets = (args('set').length ? args('set') : DEFAULT_SETS).map((s) => path.resolve(ROOT, s)).filter((f) => fs.existsSync(f));

  const loadStart = performance.now();
  const nlu = await loadNluModel();
  const sentiment = loadSentimentModel();
  const learned = LearnedQueueModel.load();
  const loadMs = performance.now() - loadStart;
  const trainedOn = new Set((learned?.meta?.sources ?? []).map((source) => source.sha256));
  // Warm the JIT and the tfjs kernels so the first examples do not carry start-up cost.
  for (const text of ['hello', 'where is my order 48213?', 'I want a refund for my broken blender']) {
    await nlu.parseAsync(text);
    sentiment.scoreText(text);
  }

  const routed: RoutedSet[] = [];
  for (const file of sets) {
    const rows: RoutedExample[] = [];
    for (const example of readLabelledTickets([file])) {
      const t0 = performance.now();
      const parse = await nlu.parseAsync(example.text);
      const score = sentiment.scoreText(example.text);
      const t1 = performance.now();
      const signals = signalsFromParse(example.text, parse, { sentiment: { label: score.label, score: score.score } });
      const ours = routeMessage(signals, config, learned);
      const t2 = performance.now();
      const noLearned = routeMessage(signals, config);
      const noRules = routeMessage(signals, withoutRules, learned);
      const b0 = performance.now();
      const baseline = keywordRoute(example.text);
      rows.push({ example, ours, noLearned, noRules, baseline, oursMs: t2 - t0, routeMs: t2 - t1, baselineMs: performance.now() - b0 });
    }
    routed.push({ file: path.relative(ROOT, file), content: fs.readFileSync(file), rows });
  }
  const results = routed.map((set) => ({ ...summarise(set, queues), ...(trainedOn.has(sha256(set.content)) ? { learnedFrom: true } : {}) }));
  // The headline: every set the learned queue model never saw, pooled; then every set.
  const unseen = routed.filter((set) => !trainedOn.has(sha256(set.content)));
  const pool = (label: string, part: RoutedSet[]) => ({
    ...summarise({ file: label, content: Buffer.concat(part.map((r) => r.content)), rows: part.flatMap((r) => r.rows) }, queues),
    pooled: true,
  });
  if (unseen.length > 1 && unseen.length < routed.length) results.push(pool(`the ${unseen.length} sets the learned queue model never saw`, unseen));
  const byNearest = learned?.meta ? accuracyByNearestTicket(learned, unseen) : [];
  if (routed.length > 1) results.push(pool(`all ${routed.length} sets`, routed));

  const nluMeta = JSON.parse(fs.readFileSync(path.join(ROOT, 'models/nlu/meta.json'), 'utf8')) as { createdAt?: string; dataHash?: string };
  const report: BenchReport = {
    date: new Date().toISOString(),
    command: `npx tsx bench/support/run.ts${process.argv.slice(2).length ? ` ${process.argv.slice(2).join(' ')}` : ''}`,
    machine: { cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, node: process.version, platform: `${os.platform()} ${os.release()}` },
    models: {
      nlu: { createdAt: nluMeta.createdAt, dataHash: nluMeta.dataHash },
      sentiment: 'models/sentiment',
      router: learned?.meta ? { weight: learned.weight, examples: learned.meta.examples, sources: learned.meta.sources.map((s) => s.file) } : null,
      loadMs,
    },
    config: path.relative(ROOT, configFile ? path.resolve(configFile) : path.join(ROOT, 'config/routing.yml')),
    target: { queueAccuracy: 0.9 },
    byNearestTicket: byNearest,
    sets: results,
  };
  fs.mkdirSync(RESULTS, { recursive: true });
  fs.writeFileSync(path.join(RESULTS, 'routing-latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  const markdown = renderMarkdown(report);
  fs.writeFileSync(path.join(RESULTS, 'routing-latest.md'), markdown);
  console.log(markdown);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
