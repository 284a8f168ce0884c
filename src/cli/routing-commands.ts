/** `shopdesk routing train`: fits the queue model that routing blends with the intents (models/router). */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { DEFAULT_NLU_MODEL_DIR, loadNluModel } from '../nlu';
import { DEFAULT_ROUTER_MODEL_DIR, loadRoutingConfig, NEAR_DUPLICATE_JACCARD, readLabelledTickets, trainQueueModel, withoutNearDuplicates } from '../support/routing';
import { createProgress } from './progress';

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerRoutingCommands(program: Command): void {
  const routing = program.command('routing').description('support ticket routing');
  routing
    .command('train')
    .description('learn how this store splits tickets between queues from labelled tickets (JSON lines: {"text", "queue"})')
    .requiredOption('--examples <file>', 'labelled tickets (repeat for several files)', collect, [])
    .option('--out <dir>', 'model folder to write', DEFAULT_ROUTER_MODEL_DIR)
    .option('--config <yml>', 'routing config (queues and intent map)')
    .option('--model <dir>', 'NLU model folder', DEFAULT_NLU_MODEL_DIR)
    .option('--exclude-near <file>', 'leave out tickets that nearly repeat a message of this evaluation set (repeatable)', collect, [])
    .action(async (options: { examples: string[]; out: string; config?: string; model: string; excludeNear: string[] }) => {
      const config = loadRoutingConfig(options.config);
      const { kept: tickets, dropped } = withoutNearDuplicates(readLabelledTickets(options.examples), readLabelledTickets(options.excludeNear));
      if (options.excludeNear.length > 0) {
        process.stdout.write(`left out ${dropped} tickets that nearly repeat a message of ${options.excludeNear.join(', ')} (word overlap >= ${NEAR_DUPLICATE_JACCARD})\n`);
      }
      const nlu = await loadNluModel(options.model);
      const progress = createProgress();
      try {
        const model = await trainQueueModel(tickets, nlu, config, (done, total) => progress.update('parsing', done, total));
        progress.done();
        model.save(
          options.out,
          options.examples.map((file) => ({ file: path.relative(process.cwd(), path.resolve(file)), sha256: crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex') })),
          options.excludeNear.map((file) => path.relative(process.cwd(), path.resolve(file))),
        );
        const cv = model.meta?.crossValidation.accuracyByWeight ?? [];
        process.stdout.write(
          `learned from ${tickets.length} labelled tickets; blend weight ${model.weight} ` +
            `(5-fold accuracy by weight: ${cv.map((c) => `${c.weight}: ${(100 * c.accuracy).toFixed(1)}%`).join(', ')}) -> ${options.out}\n`,
        );
      } finally {
        nlu.dispose();
      }
    });
}
