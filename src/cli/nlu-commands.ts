/** `shopdesk nlu train | test | parse`: the NLU tooling (contract in README). */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { Command } from 'commander';
import YAML from 'yaml';
import { DEFAULT_NLU_MODEL_DIR, loadNluModel, loadTrainingData } from '../nlu';
import { evaluateModel, renderEvaluationHtml, saveModel, trainNlu } from '../nlu/training';
import { createProgress } from './progress';

function readConfigFile(file: string | undefined): Record<string, unknown> {
  if (!file) return {};
  if (!fs.existsSync(file)) throw new Error(`Config file ${file} does not exist`);
  const parsed: unknown = YAML.parse(fs.readFileSync(file, 'utf8'));
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(`Config file ${file} must be a YAML mapping of model settings`);
  return parsed as Record<string, unknown>;
}

export function registerNluCommands(program: Command): void {
  const nlu = program.command('nlu').description('intent classification and entity extraction');

  nlu
    .command('train')
    .description('train a model from Rasa-format NLU YAML (a file or a directory)')
    .requiredOption('--data <path>', 'training data file or directory')
    .requiredOption('--out <dir>', 'model folder to write')
    .option('--config <yml>', 'model settings (YAML)')
    .option('--seed <n>', 'random seed')
    .action(async (options: { data: string; out: string; config?: string; seed?: string }) => {
      const data = loadTrainingData(options.data);
      const config = readConfigFile(options.config);
      if (options.seed !== undefined) config.seed = Number(options.seed);
      const progress = createProgress();
      const result = await trainNlu(data, {
        config,
        onProgress: (p) =>
          progress.update(
            'training',
            p.epoch,
            p.epochs,
            `loss ${p.loss.toFixed(3)}${p.validationAccuracy === undefined ? '' : ` val acc ${(p.validationAccuracy * 100).toFixed(1)}%`} ${p.examplesPerSecond.toFixed(0)} ex/s ETA ${p.etaSeconds.toFixed(0)} s`,
          ),
        onStage: (message) => progress.done(message),
      });
      progress.done();
      const meta = saveModel(result, options.out, { dataSource: options.data, examples: data.examples.length });
      process.stdout.write(
        `trained on ${meta.examples} examples (${meta.intents} intents, ${meta.entityTags} entity tags) in ${meta.trainingSeconds} s on ${meta.backend}; ` +
          `best epoch ${meta.bestEpoch}, validation accuracy ${meta.validation.intentAccuracy === undefined ? 'n/a' : `${(meta.validation.intentAccuracy * 100).toFixed(1)}%`} -> ${options.out}\n`,
      );
      result.model.dispose();
    });

  nlu
    .command('test')
    .description('evaluate a model on labelled data; writes a JSON report and an HTML report beside it')
    .option('--model <dir>', 'model folder', DEFAULT_NLU_MODEL_DIR)
    .requiredOption('--data <path>', 'test data file or directory (Rasa format)')
    .requiredOption('--out <report.json>', 'JSON report path')
    .action(async (options: { model: string; data: string; out: string }) => {
      const model = await loadNluModel(options.model);
      const data = loadTrainingData(options.data);
      const report = await evaluateModel(model, data.examples, model.manifest.config.outOfScopeIntent);
      fs.mkdirSync(path.dirname(path.resolve(options.out)), { recursive: true });
      fs.writeFileSync(options.out, `${JSON.stringify(report, null, 2)}\n`);
      const htmlFile = options.out.replace(/\.json$/i, '') + '.html';
      fs.writeFileSync(htmlFile, renderEvaluationHtml(report, `NLU test: ${path.basename(options.data)}`));
      const oos = report.oos ? `, OOS recall ${(report.oos.recall * 100).toFixed(1)}%, in-scope ${((report.in_scope_accuracy ?? 0) * 100).toFixed(1)}%` : '';
      process.stdout.write(
        `intent accuracy ${(report.intent.accuracy * 100).toFixed(1)}%, macro-F1 ${(report.intent.macro_f1 * 100).toFixed(1)}%, entity F1 ${(report.entity.micro_f1 * 100).toFixed(1)}%${oos} on ${report.examples} examples -> ${options.out}, ${htmlFile}\n`,
      );
      model.dispose();
    });

  nlu
    .command('parse')
    .description('parse text (arguments, or one message per stdin line) and print JSON lines')
    .option('--model <dir>', 'model folder', DEFAULT_NLU_MODEL_DIR)
    .argument('[text...]', 'message to parse')
    .action(async (words: string[], options: { model: string }) => {
      const model = await loadNluModel(options.model);
      const print = async (text: string) => {
        const { text: parsedText, intent, intent_ranking, entities } = await model.parseAsync(text);
        process.stdout.write(`${JSON.stringify({ text: parsedText, intent, intent_ranking, entities })}\n`);
      };
      if (words.length > 0) await print(words.join(' '));
      else for await (const line of readline.createInterface({ input: process.stdin })) await print(line);
      model.dispose();
    });
}
