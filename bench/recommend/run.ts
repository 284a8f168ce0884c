/**
 * Recommendation benchmark: every algorithm on MovieLens-100K and on the
 * generated demo store, one run each, same protocol (src/recommend/evaluate.ts).
 *   npx tsx bench/recommend/run.ts [--datasets movielens,store] [--seed N] [--no-tune] [--quick-tuning] [--out bench/results/recommend-latest.json]
 * MovieLens is read from the shared datasets folder (SHOPDESK_DATASETS overrides), never copied.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runEvaluation, type EvalReport } from '../../src/recommend';
import { loadEvalDataset, RECOMMEND_DATASETS, writeEvalReport } from '../../src/cli/recommend-commands';

const USAGE = 'usage: npx tsx bench/recommend/run.ts [--datasets movielens,store] [--seed N] [--no-tune] [--quick-tuning] [--out FILE.json]';

interface Args {
  datasets: string[];
  seed: number;
  tune: boolean;
  quickTuning: boolean;
  out: string;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { datasets: [...RECOMMEND_DATASETS], seed: 42, tune: true, quickTuning: false, out: path.resolve(__dirname, '../results/recommend-latest.json') };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value\n${USAGE}`);
      return v;
    };
    if (arg === '--datasets') args.datasets = value().split(',').map((s) => s.trim());
    else if (arg === '--seed') args.seed = Number(value());
    else if (arg === '--out') args.out = value();
    else if (arg === '--no-tune') args.tune = false;
    else if (arg === '--quick-tuning') args.quickTuning = true;
    else throw new Error(`unknown argument ${arg}\n${USAGE}`);
  }
  if (!Number.isInteger(args.seed)) throw new Error('--seed must be an integer');
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const reports: EvalReport[] = [];
  const loadBefore = os.loadavg()[0]!;
  for (const name of args.datasets) {
    const dataset = loadEvalDataset(name);
    const started = performance.now();
    const report = await runEvaluation(dataset, {
      seed: args.seed,
      tune: args.tune,
      quickTuning: args.quickTuning,
      ...(name === 'movielens' ? { sampledHrTarget: 0.7 } : {}),
      onProgress: (m) => console.error(m),
    });
    console.error(`${dataset.name}: whole run ${((performance.now() - started) / 1000).toFixed(0)} s`);
    reports.push(report);
  }
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  // Timings depend on what else runs on the machine: say how busy it was.
  const load = `load average ${loadBefore.toFixed(1)} at start, ${os.loadavg()[0]!.toFixed(1)} at end`;
  const title = `Recommendation benchmark (${new Date().toISOString().slice(0, 10)}; ${os.cpus().length} cores, ${cpu}, node ${process.version}; ${load})`;
  const md = writeEvalReport(reports, args.out, title);
  console.log(fs.readFileSync(md, 'utf8'));
  console.log(`-> ${args.out}, ${md}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
