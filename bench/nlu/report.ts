/** Targets, published reference numbers, machine info, and the Markdown / JSON output. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PeerResult, TargetCheck } from './types';

export const RESULTS_DIR = path.resolve(__dirname, '../results');

/** Published figures from /work/shared/datasets/README.md: NOT run here. */
export const PUBLISHED: Record<string, { metric: string; value: string }[]> = {
  clinc150: [{ metric: 'in-scope accuracy', value: 'BERT-base 96.5, best 97.3' }],
  banking77: [{ metric: 'accuracy', value: 'BERT ~93.7, best ~94.8' }],
  'banking77-10shot': [{ metric: 'accuracy (10-shot)', value: 'USE+ConveRT 85.2' }],
  snips: [{ metric: 'slot F1', value: 'JointBERT 96.9 (DistilBERT 96.1)' }],
  atis: [{ metric: 'slot F1', value: 'BERT 95.6-96.1' }],
};

interface TargetSpec {
  name: string;
  pick: (r: PeerResult) => number | undefined;
  op: '>=' | '<=';
  threshold: number;
}

const LATENCY_TARGETS: TargetSpec[] = [
  {
    name: 'parse p50 ms',
    pick: (r) => r.latencyMs?.p50,
    op: '<=',
    threshold: 5,
  },
  {
    name: 'parse p99 ms',
    pick: (r) => r.latencyMs?.p99,
    op: '<=',
    threshold: 20,
  },
];

const JOINT_TARGETS: TargetSpec[] = [
  {
    name: 'intent accuracy',
    pick: (r) => r.intentAccuracy,
    op: '>=',
    threshold: 0.97,
  },
  { name: 'slot F1', pick: (r) => r.slotF1, op: '>=', threshold: 0.95 },
];

const TARGETS: Record<string, TargetSpec[]> = {
  clinc150: [
    {
      name: 'in-scope accuracy',
      pick: (r) => r.inScopeAccuracy,
      op: '>=',
      threshold: 0.95,
    },
    { name: 'OOS recall', pick: (r) => r.oosRecall, op: '>=', threshold: 0.7 },
  ],
  banking77: [
    {
      name: 'accuracy',
      pick: (r) => r.intentAccuracy,
      op: '>=',
      threshold: 0.93,
    },
  ],
  'banking77-10shot': [
    {
      name: 'accuracy',
      pick: (r) => r.intentAccuracy,
      op: '>=',
      threshold: 0.8,
    },
  ],
  snips: JOINT_TARGETS,
  atis: JOINT_TARGETS,
};

/** pass is null when the metric does not apply (slot F1 of an intent-only peer) or the run failed. */
export function checkTargets(dataset: string, result: PeerResult): TargetCheck[] {
  return [...(TARGETS[dataset] ?? []), ...LATENCY_TARGETS].map((t) => {
    const value = result.status === 'ok' ? t.pick(result) : undefined;
    const pass = value === undefined ? null : t.op === '>=' ? value >= t.threshold : value <= t.threshold;
    return {
      name: t.name,
      value: value ?? null,
      op: t.op,
      threshold: t.threshold,
      pass,
    };
  });
}

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  tfjsBackend: string;
}

export async function machineInfo(): Promise<MachineInfo> {
  let tfjsBackend = 'unknown';
  try {
    const { initTensorflow } = await import('../../src/ml/tf-backend');
    tfjsBackend = await initTensorflow();
  } catch (error) {
    tfjsBackend = `unavailable (${error instanceof Error ? error.message : String(error)})`;
  }
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    tfjsBackend,
  };
}

export interface BenchReport {
  date: string;
  quick: boolean;
  command: string;
  machine: MachineInfo;
  /** carriedFrom: the dataset was not re-run; its results come from that earlier run. */
  datasets: Record<string, { train: number; test: number; notes: string[]; carriedFrom?: { date: string; command: string } }>;
  results: PeerResult[];
  /** Published reference numbers, NOT run here. */
  published_not_run_here: typeof PUBLISHED;
  targets_note: string;
}

const pct = (x: number | undefined): string => (x === undefined ? '–' : (100 * x).toFixed(2));
const ms = (x: number | undefined): string => (x === undefined ? '–' : x < 1 ? x.toFixed(3) : x.toFixed(2));

function targetCell(r: PeerResult): string {
  if (r.status === 'failed') return 'FAILED';
  const scored = r.targets.filter((t) => t.pass !== null);
  const failed = scored.filter((t) => t.pass === false).map((t) => t.name);
  return failed.length === 0 ? `pass (${scored.length}/${scored.length})` : `FAIL: ${failed.join(', ')}`;
}

export function renderMarkdown(report: BenchReport): string {
  const m = report.machine;
  const out: string[] = [];
  out.push(`# NLU benchmark${report.quick ? ' (QUICK smoke run: ~20 train examples per intent, 300 test examples; not comparable to published numbers)' : ''}`);
  out.push('');
  out.push(`${report.date} · \`${report.command}\``);
  out.push(`Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}, tfjs backend ${m.tfjsBackend}`);
  out.push('');
  out.push('| dataset | peer | train ex | train s | intent acc % | macro-F1 % | in-scope acc % | OOS recall % | slot F1 % | p50 ms | p99 ms | targets |');
  out.push('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const r of report.results) {
    out.push(
      `| ${r.dataset} | ${r.peer} | ${r.trainExamples} | ${r.trainSeconds?.toFixed(1) ?? '–'} | ${pct(r.intentAccuracy)} | ${pct(r.macroF1)} | ${pct(r.inScopeAccuracy)} | ${pct(r.oosRecall)} | ${pct(r.slotF1)} | ${ms(r.latencyMs?.p50)} | ${ms(r.latencyMs?.p99)} | ${targetCell(r)} |`,
    );
  }
  out.push('');
  out.push('## Published (not run here)');
  out.push('');
  out.push('| dataset | metric | published (not run here) |');
  out.push('|---|---|---|');
  for (const name of Object.keys(report.datasets)) for (const p of PUBLISHED[name] ?? []) out.push(`| ${name} | ${p.metric} | ${p.value} |`);
  out.push('');
  out.push(`## Targets\n\n${report.targets_note}`);
  out.push('');
  const failures = report.results.filter((r) => r.status === 'failed');
  if (failures.length > 0) {
    out.push('## Failed runs\n');
    for (const r of failures) out.push(`- **${r.dataset} / ${r.peer}**: \`${(r.error ?? '').split('\n')[0]}\``);
    out.push('');
  }
  out.push('## Notes\n');
  for (const [name, d] of Object.entries(report.datasets)) {
    if (d.carriedFrom) out.push(`- ${name}: not re-run; results from the run of ${d.carriedFrom.date} (\`${d.carriedFrom.command}\`)`);
    for (const n of d.notes) out.push(`- ${name}: ${n}`);
  }
  for (const r of report.results) for (const n of r.notes) out.push(`- ${r.dataset} / ${r.peer}: ${n}`);
  out.push('');
  return out.join('\n');
}

export const TARGETS_NOTE =
  'CLINC150 in-scope accuracy >= 95% and OOS recall >= 70%; BANKING77 accuracy >= 93% (10-shot >= 80%); ' +
  'SNIPS and ATIS intent accuracy >= 97% and slot F1 >= 95% (exact span + type, scored for peers that extract slots: ours); ' +
  'parse latency p50 <= 5 ms and p99 <= 20 ms, one message at a time over the first 1,000 test messages after 10 warm-up calls.';

/** Writes nlu-<date>.json + nlu-latest.{json,md} (quick runs: nlu-<date>-quick.json + nlu-latest-quick.{json,md}). */
export function writeReport(report: BenchReport): string[] {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const suffix = report.quick ? '-quick' : '';
  const json = `${JSON.stringify(report, null, 2)}\n`;
  const files = [
    path.join(RESULTS_DIR, `nlu-${report.date}${suffix}.json`),
    path.join(RESULTS_DIR, `nlu-latest${suffix}.json`),
    path.join(RESULTS_DIR, `nlu-latest${suffix}.md`),
  ];
  fs.writeFileSync(files[0]!, json);
  fs.writeFileSync(files[1]!, json);
  fs.writeFileSync(files[2]!, renderMarkdown(report));
  return files;
}
