/** Targets, Markdown rendering and the results files of the sentiment benchmark. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PeerResult } from './types';

export const RESULTS_DIR = path.resolve(__dirname, '../results');
export const UCI_TARGET = 0.85;
export const LATENCY_TARGET_MS = 2;

export interface TargetCheck {
  name: string;
  met: boolean;
  detail: string;
}

export interface SentimentBenchReport {
  date: string;
  command: string;
  machine: string;
  results: PeerResult[];
  targets: TargetCheck[];
  notes: string[];
}

const pct = (v: number) => (v * 100).toFixed(1);

export function checkTargets(results: readonly PeerResult[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const split of [...new Set(results.map((r) => r.split))]) {
    const rows = results.filter((r) => r.split === split && !r.error);
    const ours = rows.find((r) => r.peer === 'ours');
    if (!ours) {
      checks.push({ name: `${split}: ours ahead of every peer`, met: false, detail: 'ours did not run' });
      continue;
    }
    const others = rows.filter((r) => r.peer !== 'ours');
    const behind = others.filter((r) => r.accuracy >= ours.accuracy || r.macroF1 >= ours.macroF1);
    checks.push({
      name: `${split}: ours ahead of every peer (accuracy and macro-F1)`,
      met: behind.length === 0,
      detail: behind.length === 0 ? `next best accuracy ${pct(Math.max(...others.map((r) => r.accuracy)))}% vs ours ${pct(ours.accuracy)}%` : `not ahead of ${behind.map((r) => `${r.peer} (${pct(r.accuracy)}% / F1 ${pct(r.macroF1)}%)`).join(', ')}`,
    });
    if (split.startsWith('uci')) checks.push({ name: `${split}: ours accuracy >= ${pct(UCI_TARGET)}%`, met: ours.accuracy >= UCI_TARGET, detail: `${pct(ours.accuracy)}%` });
    if (ours.latencyMs) checks.push({ name: `${split}: scoreText p99 < ${LATENCY_TARGET_MS} ms`, met: ours.latencyMs.p99 < LATENCY_TARGET_MS, detail: `p50 ${ours.latencyMs.p50.toFixed(3)} ms, p99 ${ours.latencyMs.p99.toFixed(3)} ms` });
  }
  return checks;
}

export function machineInfo(backend: string): string {
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.platform()} ${os.release()} ${os.arch()}, Node ${process.version}, tfjs backend ${backend}`;
}

export function renderMarkdown(report: SentimentBenchReport): string {
  const rows = report.results.map((r) =>
    r.error
      ? `| ${r.split} | ${r.peer} | ${r.trainExamples} | ${r.testExamples} | – | – | – | – | – | FAILED: ${r.error} |`
      : `| ${r.split} | ${r.peer === 'ours' ? '**ours**' : r.peer} | ${r.trainExamples} | ${r.testExamples} | ${r.trainSeconds.toFixed(1)} | ${pct(r.accuracy)} | ${pct(r.macroF1)} | ${r.scoreSignAccuracy === undefined ? '' : pct(r.scoreSignAccuracy)} | ${Math.round(r.throughput).toLocaleString('en-US')} | ${r.latencyMs ? `p50 ${r.latencyMs.p50.toFixed(3)} / p99 ${r.latencyMs.p99.toFixed(3)}` : ''} |`,
  );
  return [
    '# Review sentiment benchmark',
    '',
    `${report.date} · \`${report.command}\``,
    `Machine: ${report.machine}`,
    '',
    '| split | peer | train ex | test ex | train s | accuracy % | macro-F1 % | sign acc % | reviews/s | scoreText ms |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---|',
    ...rows,
    '',
    '## Targets',
    '',
    ...report.targets.map((t) => `- ${t.met ? 'MET' : '**NOT MET**'}: ${t.name} (${t.detail})`),
    '',
    '## Notes',
    '',
    ...report.notes.map((n) => `- ${n}`),
    '',
  ].join('\n');
}

export function writeReport(report: SentimentBenchReport, stem = 'sentiment-latest'): { json: string; md: string } {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const json = path.join(RESULTS_DIR, `${stem}.json`);
  const md = path.join(RESULTS_DIR, `${stem}.md`);
  fs.writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
  fs.writeFileSync(md, renderMarkdown(report));
  return { json, md };
}
