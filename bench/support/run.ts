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
import { loadRoutingConfig, routeMessage, signalsFromParse, type RoutingDecision } from '../../src/support/routing';
import { keywordRoute } from './keyword-router';
import { classification, percentiles, priorityAgreement } from './metrics';
import { renderMarkdown } from './report';
import type { BenchReport, Example, SetResult } from './types';

const ROOT = path.resolve(__dirname, '../..');
const RESULTS = path.join(ROOT, 'bench/results');
const DEFAULT_SETS = ['bench/support/routing-set.jsonl', 'bench/support/routing-holdout.jsonl'];

function args(name: string): string[] {
  const out: string[] = [];
  process.argv.forEach((a, i) => {
    if (a === `--${name}` && process.argv[i + 1]) out.push(process.argv[i + 1]!);
  });
  return out;
}

function readSet(file: string): Example[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((line, i) => {
      const row = JSON.parse(line) as Example;
      if (typeof row.text !== 'string' || typeof row.queue !== 'string') throw new Error(`${file}:${i + 1}: needs "text" and "queue"`);
      return row;
    });
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
  const loadMs = performance.now() - loadStart;
  // Warm the JIT and the tfjs kernels so the first examples do not carry start-up cost.
  for (const text of ['hello', 'where is my order 48213?', 'I want a refund for my broken blender']) {
    await nlu.parseAsync(text);
    sentiment.scoreText(text);
  }

  const results: SetResult[] = [];
  for (const file of sets) {
    const examples = readSet(file);
    const ours: RoutingDecision[] = [];
    const noRules: RoutingDecision[] = [];
    const oursMs: number[] = [];
    const routeMs: number[] = [];
    const baseline: Array<{ queue: string; priority: string }> = [];
    const baselineMs: number[] = [];
    for (const example of examples) {
      const t0 = performance.now();
      const parse = await nlu.parseAsync(example.text);
      const score = sentiment.scoreText(example.text);
      const t1 = performance.now();
      const signals = signalsFromParse(example.text, parse, { sentiment: { label: score.label, score: score.score } });
      ours.push(routeMessage(signals, config));
      const t2 = performance.now();
      noRules.push(routeMessage(signals, withoutRules));
      oursMs.push(t2 - t0);
      routeMs.push(t2 - t1);
      const b0 = performance.now();
      baseline.push(keywordRoute(example.text));
      baselineMs.push(performance.now() - b0);
    }
    const gold = examples.map((e) => e.queue);
    const rules: Record<string, number> = {};
    for (const d of ours) rules[d.rule] = (rules[d.rule] ?? 0) + 1;
    const errorsOf = (predicted: Array<{ queue: string; rule?: string }>) =>
      examples.flatMap((e, i) =>
        predicted[i]!.queue === e.queue
          ? []
          : [{ text: e.text, gold: e.queue, predicted: predicted[i]!.queue, ...(predicted[i]!.rule ? { rule: predicted[i]!.rule } : {}) }],
      );
    results.push({
      file: path.relative(ROOT, file),
      examples: examples.length,
      sha256: crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex'),
      perQueueSupport: Object.fromEntries(queues.map((q) => [q, gold.filter((g) => g === q).length])),
      routers: [
        {
          name: 'ours (NLU + sentiment + config/routing.yml)',
          queues: classification(
            gold,
            ours.map((d) => d.queue),
            queues,
          ),
          priority: priorityAgreement(examples.map((e, i) => ({ gold: e.priority, predicted: ours[i]!.priority }))),
          latencyMs: percentiles(oursMs),
          routeOnlyMs: percentiles(routeMs),
          rules,
          errors: errorsOf(ours),
        },
        {
          name: 'ours without rules (intent map only)',
          queues: classification(
            gold,
            noRules.map((d) => d.queue),
            queues,
          ),
          priority: priorityAgreement(examples.map((e, i) => ({ gold: e.priority, predicted: noRules[i]!.priority }))),
          latencyMs: percentiles(oursMs),
          errors: errorsOf(noRules),
        },
        {
          name: 'keyword baseline',
          queues: classification(
            gold,
            baseline.map((d) => d.queue),
            queues,
          ),
          priority: priorityAgreement(examples.map((e, i) => ({ gold: e.priority, predicted: baseline[i]!.priority }))),
          latencyMs: percentiles(baselineMs),
          errors: errorsOf(baseline),
        },
      ],
    });
  }

  const nluMeta = JSON.parse(fs.readFileSync(path.join(ROOT, 'models/nlu/meta.json'), 'utf8')) as { createdAt?: string; dataHash?: string };
  const report: BenchReport = {
    date: new Date().toISOString(),
    command: `npx tsx bench/support/run.ts${process.argv.slice(2).length ? ` ${process.argv.slice(2).join(' ')}` : ''}`,
    machine: { cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, node: process.version, platform: `${os.platform()} ${os.release()}` },
    models: { nlu: { createdAt: nluMeta.createdAt, dataHash: nluMeta.dataHash }, sentiment: 'models/sentiment', loadMs },
    config: path.relative(ROOT, configFile ? path.resolve(configFile) : path.join(ROOT, 'config/routing.yml')),
    target: { queueAccuracy: 0.9 },
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
