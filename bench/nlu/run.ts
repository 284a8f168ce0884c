/**
 * NLU benchmark CLI.
 *   npx tsx bench/nlu/run.ts [--datasets clinc150,banking77,banking77-10shot,snips,atis]
 *                            [--peers ours,tfidf-linear,node-nlp,natural-lr] [--quick] [--seed N]
 * Datasets are read from ../shared/datasets (SHOPDESK_DATASETS overrides), never copied.
 * --quick: ~20 train examples per intent and 300 test examples (seeded), for smoke tests.
 */
import { DATASET_NAMES, isDatasetName, loadDataset, type DatasetName } from './datasets';
import { runPeer } from './evaluate';
import { PEER_FACTORIES, PEER_NAMES, isPeerName, type PeerName } from './peers';
import fs from 'node:fs';
import path from 'node:path';
import { machineInfo, PUBLISHED, RESULTS_DIR, renderMarkdown, TARGETS_NOTE, writeReport, type BenchReport } from './report';
import type { BenchDataset, PeerResult } from './types';
import { errorText, sampleN, samplePerIntent } from './util';

const QUICK_PER_INTENT = 20;
const QUICK_TEST = 300;
const DEFAULT_SEED = 42;

interface Args {
  datasets: DatasetName[];
  peers: PeerName[];
  quick: boolean;
  seed: number;
}

const USAGE = `usage: npx tsx bench/nlu/run.ts [--datasets ${DATASET_NAMES.join(',')}] [--peers ${PEER_NAMES.join(',')}] [--quick] [--seed N]`;

function list<T extends string>(value: string | undefined, valid: (s: string) => s is T, all: readonly T[], what: string): T[] {
  if (value === undefined || value === '' || value === 'all') return [...all];
  const items = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = items.filter((s) => !valid(s));
  if (bad.length > 0) throw new Error(`unknown ${what}: ${bad.join(', ')} (known: ${all.join(', ')})`);
  return items as T[];
}

export function parseArgs(argv: readonly string[]): Args {
  const values = new Map<string, string>();
  let quick = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--quick') quick = true;
    else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (/^--(datasets|peers|seed)(=|$)/.test(arg)) {
      const [flag, inline] = arg.split(/=(.*)/s);
      const value = inline ?? argv[++i];
      if (value === undefined) throw new Error(`${flag} needs a value\n${USAGE}`);
      values.set(flag!.slice(2), value);
    } else throw new Error(`unknown argument ${arg}\n${USAGE}`);
  }
  const seed = values.has('seed') ? Number(values.get('seed')) : DEFAULT_SEED;
  if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
  return {
    datasets: list(values.get('datasets'), isDatasetName, DATASET_NAMES, 'dataset'),
    peers: list(values.get('peers'), isPeerName, PEER_NAMES, 'peer'),
    quick,
    seed,
  };
}

function quickSubset(d: BenchDataset, seed: number): BenchDataset {
  const train = samplePerIntent(d.train.examples, QUICK_PER_INTENT, seed);
  const test = sampleN(d.test, QUICK_TEST, seed);
  return {
    ...d,
    train: { ...d.train, examples: train },
    test,
    notes: [...d.notes, `QUICK: ${train.length} train (<= ${QUICK_PER_INTENT}/intent), ${test.length} test (seeded sample)`],
  };
}

function stamp(): string {
  return new Date().toISOString().slice(11, 19);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const machine = await machineInfo();
  console.log(`[${stamp()}] machine: ${machine.cpu} x${machine.cores}, Node ${machine.node}, tfjs ${machine.tfjsBackend}`);
  console.log(`[${stamp()}] datasets: ${args.datasets.join(', ')}; peers: ${args.peers.join(', ')}${args.quick ? ' (QUICK)' : ''}`);
  const results: PeerResult[] = [];
  const datasets: BenchReport['datasets'] = {};
  for (const name of args.datasets) {
    let dataset: BenchDataset;
    try {
      console.log(`[${stamp()}] [${name}] loading`);
      dataset = loadDataset(name);
      if (args.quick) dataset = quickSubset(dataset, args.seed);
    } catch (error) {
      console.log(`[${stamp()}] [${name}] FAILED to load: ${errorText(error)}`);
      datasets[name] = {
        train: 0,
        test: 0,
        notes: [`failed to load: ${errorText(error).split('\n')[0]}`],
      };
      continue;
    }
    datasets[name] = {
      train: dataset.train.examples.length,
      test: dataset.test.length,
      notes: dataset.notes,
    };
    for (const peerName of args.peers) {
      const log = (m: string) => console.log(`[${stamp()}] [${name}] [${peerName}] ${m}`);
      let result: PeerResult;
      try {
        result = await runPeer(dataset, PEER_FACTORIES[peerName](), {
          quick: args.quick,
          seed: args.seed,
          log,
        });
      } catch (error) {
        // runPeer catches peer errors itself; this guards the harness.
        result = {
          dataset: name,
          peer: peerName,
          status: 'failed',
          error: errorText(error),
          trainExamples: 0,
          testExamples: 0,
          targets: [],
          notes: [],
        };
      }
      results.push(result);
    }
  }
  const command = `npx tsx bench/nlu/run.ts ${process.argv.slice(2).join(' ')}`.trim();
  const report: BenchReport = {
    date: new Date().toISOString().slice(0, 10),
    quick: args.quick,
    command,
    machine,
    datasets,
    results,
    published_not_run_here: PUBLISHED,
    targets_note: TARGETS_NOTE,
  };
  if (!args.quick) carryOverDatasets(report);
  const files = writeReport(report);
  console.log('');
  console.log(renderMarkdown(report));
  console.log(`wrote ${files.join(', ')} (${((Date.now() - started) / 1000).toFixed(0)} s in all)`);
}

/**
 * A run of some datasets keeps the others from the previous full report, each
 * marked with the date and command it came from, so that nlu-latest always
 * has every dataset (a full run takes over half an hour).
 */
function carryOverDatasets(report: BenchReport): void {
  const previousFile = path.join(RESULTS_DIR, 'nlu-latest.json');
  if (!fs.existsSync(previousFile)) return;
  const previous = JSON.parse(fs.readFileSync(previousFile, 'utf8')) as BenchReport;
  for (const [name, info] of Object.entries(previous.datasets)) {
    if (report.datasets[name]) continue;
    const origin = info.carriedFrom ?? { date: previous.date, command: previous.command };
    report.datasets[name] = { ...info, carriedFrom: origin };
    report.results.push(...previous.results.filter((r) => r.dataset === name));
  }
  const order = new Map(DATASET_NAMES.map((name, i) => [name as string, i]));
  report.results.sort((a, b) => (order.get(a.dataset) ?? 99) - (order.get(b.dataset) ?? 99));
  report.datasets = Object.fromEntries(Object.entries(report.datasets).sort(([a], [b]) => (order.get(a) ?? 99) - (order.get(b) ?? 99)));
}

main().catch((error: unknown) => {
  console.error(errorText(error));
  process.exit(1);
});
