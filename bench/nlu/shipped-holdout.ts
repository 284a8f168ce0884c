/**
 * Held-out accuracy of the shipped training data: a stratified share of each
 * intent's examples in intents/ is held out, a model is trained on the rest with
 * the shipped settings (config/nlu.yml), and the held-out part is scored as
 * `shopdesk nlu test` scores it. The shipped model learns from all of the data, so
 * this is the number to watch when the data or config/nlu.yml changes.
 *   npx tsx bench/nlu/shipped-holdout.ts [--data intents] [--config config/nlu.yml] [--share 0.2] [--seed 7]
 * Prints a table; writes bench/results/nlu-shipped-holdout.{json,md}.
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { loadTrainingData } from '../../src/nlu/data';
import { evaluateModel, trainNlu } from '../../src/nlu/training';
import type { TrainingExample } from '../../src/nlu/types';
import { Prng } from '../../src/util/prng';
import { stratifiedHoldOut } from '../../src/util/stratify';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

/** Holds out round(share * n) examples of every intent (at least one), chosen by a seeded shuffle. */
function holdOut(examples: readonly TrainingExample[], share: number, seed: number): { train: TrainingExample[]; test: TrainingExample[] } {
  const { kept, held } = stratifiedHoldOut(examples, (e) => e.intent, (size) => Math.max(1, Math.round(size * share)), new Prng(seed));
  return { train: kept, test: held };
}

async function main(): Promise<void> {
  const dataPath = option('data', 'intents');
  const configPath = option('config', 'config/nlu.yml');
  const share = Number(option('share', '0.2'));
  const seed = Number(option('seed', '7'));
  if (!(share > 0 && share < 1)) throw new Error(`--share must be between 0 and 1, got ${option('share', '')}`);
  const data = loadTrainingData(dataPath);
  const config = (YAML.parse(fs.readFileSync(configPath, 'utf8')) ?? {}) as Record<string, unknown>;
  const { train, test } = holdOut(data.examples, share, seed);
  console.log(`${data.examples.length} examples: training on ${train.length}, holding out ${test.length} (seed ${seed})`);
  const result = await trainNlu(
    { ...data, examples: train },
    {
      config,
      onProgress: (p) => console.log(`epoch ${p.epoch}/${p.epochs} loss ${p.loss.toFixed(3)} (${p.examplesPerSecond.toFixed(0)} ex/s, ETA ${p.etaSeconds.toFixed(0)} s)`),
      onStage: (message) => console.log(message),
    },
  );
  const report = await evaluateModel(result.model, test, result.model.manifest.config.outOfScopeIntent);
  result.model.dispose();
  const pct = (x: number | undefined) => (x === undefined ? '–' : (100 * x).toFixed(1));
  const row = {
    examples: data.examples.length,
    heldOut: test.length,
    trainSeconds: Number(result.trainingSeconds.toFixed(1)),
    intentAccuracy: report.intent.accuracy,
    intentMacroF1: report.intent.macro_f1,
    entityMicroF1: report.entity.micro_f1,
    inScopeAccuracy: report.in_scope_accuracy,
    oosRecall: report.oos?.recall,
    oosPrecision: report.oos?.precision,
  };
  const table = [
    `# Shipped data, held out\n`,
    `${new Date().toISOString().slice(0, 10)} · \`npx tsx bench/nlu/shipped-holdout.ts --data ${dataPath} --config ${configPath} --share ${share} --seed ${seed}\`\n`,
    '| examples | held out | train s | intent acc % | macro-F1 % | entity F1 % | in-scope acc % | OOS recall % | OOS precision % |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    `| ${row.examples} | ${row.heldOut} | ${row.trainSeconds} | ${pct(row.intentAccuracy)} | ${pct(row.intentMacroF1)} | ${pct(row.entityMicroF1)} | ${pct(row.inScopeAccuracy)} | ${pct(row.oosRecall)} | ${pct(row.oosPrecision)} |`,
    '',
    'Weakest intents (F1 %): ' +
      Object.entries(report.intent.per_intent)
        .sort((a, b) => a[1].f1 - b[1].f1)
        .slice(0, 8)
        .map(([name, s]) => `${name} ${pct(s.f1)}`)
        .join(', '),
    '',
  ].join('\n');
  console.log(`\n${table}`);
  const out = path.resolve(__dirname, '../results');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'nlu-shipped-holdout.json'), `${JSON.stringify({ ...row, config: configPath, seed, share, perIntent: report.intent.per_intent }, null, 2)}\n`);
  fs.writeFileSync(path.join(out, 'nlu-shipped-holdout.md'), table);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
