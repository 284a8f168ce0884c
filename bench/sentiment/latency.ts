/**
 * scoreText latency of the shipped model, alone on the machine: one call per
 * text, texts never seen before (UCI sentences) and store reviews.
 *   npx tsx bench/sentiment/latency.ts   -> bench/results/sentiment-latency.{json,md}
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadSentimentModel, readUciDomain, UCI_DOMAINS } from '../../src/sentiment';
import { generateDemoStore } from '../../src/store/demo-store';
import { machineInfo, RESULTS_DIR } from './report';
import { UCI_DIR } from './splits';

function measure(texts: readonly string[], f: (text: string) => unknown): { texts: number; meanMs: number; p50Ms: number; p99Ms: number } {
  const times = texts.map((text) => {
    const t0 = process.hrtime.bigint();
    f(text);
    return Number(process.hrtime.bigint() - t0) / 1e6;
  });
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { texts: texts.length, meanMs: times.reduce((a, b) => a + b, 0) / times.length, p50Ms: at(0.5), p99Ms: at(0.99) };
}

const model = loadSentimentModel();
const uci = UCI_DOMAINS.flatMap((d) => readUciDomain(UCI_DIR, d)).map((e) => e.text);
const store = generateDemoStore({ scale: 0.2, seed: 7 }).reviews.map((r) => r.text);
const rows = {
  'scoreText, UCI sentences (first sight)': measure(uci, (t) => model.scoreText(t)),
  'scoreText, UCI sentences (second pass)': measure(uci, (t) => model.scoreText(t)),
  'scoreText, store reviews': measure(store, (t) => model.scoreText(t)),
  'predict (with aspects), store reviews': measure(store, (t) => model.predict(t)),
};
const result = { date: new Date().toISOString().slice(0, 10), machine: machineInfo('none (inference is plain TypeScript)'), members: model.networks.length, rows };
fs.writeFileSync(path.join(RESULTS_DIR, 'sentiment-latency.json'), `${JSON.stringify(result, null, 2)}\n`);
const md = [
  '# Sentiment scoreText latency (shipped model, nothing else running)',
  '',
  `${result.date} · ${result.machine} · ensemble of ${result.members}`,
  '',
  '| calls | texts | mean ms | p50 ms | p99 ms |',
  '|---|---:|---:|---:|---:|',
  ...Object.entries(rows).map(([name, r]) => `| ${name} | ${r.texts} | ${r.meanMs.toFixed(3)} | ${r.p50Ms.toFixed(3)} | ${r.p99Ms.toFixed(3)} |`),
  '',
].join('\n');
fs.writeFileSync(path.join(RESULTS_DIR, 'sentiment-latency.md'), md);
process.stdout.write(md);
