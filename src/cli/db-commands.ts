/** `shopdesk db migrate | seed | status`. */
import type { Command } from 'commander';
import { loadConfig } from '../config';
import { countStore, migrateDatabase, seedDatabase } from '../store';
import { createProgress } from './progress';

export function registerDbCommands(program: Command): void {
  const db = program.command('db').description('database: migrations and the demo store');

  db.command('migrate')
    .description('apply committed migrations to DATABASE_URL (SQLite file or PostgreSQL)')
    .action(async () => {
      const config = loadConfig();
      const result = await migrateDatabase(config.databaseUrl);
      process.stdout.write(
        `${result.provider}: applied ${result.applied.length} migration(s)${result.applied.length ? ` (${result.applied.join(', ')})` : ''}, ${result.alreadyApplied.length} already applied\n`,
      );
    });

  db.command('seed')
    .description('generate the deterministic demo store (skipped when products exist, unless --reset)')
    .option('--reset', 'delete store data first and seed again', false)
    .option('--seed <n>', 'random seed (default SHOPDESK_SEED or 42)')
    .option('--scale <x>', 'fraction of the full demo size', '1')
    .action(async (options: { reset: boolean; seed?: string; scale: string }) => {
      const config = loadConfig();
      const scale = Number(options.scale);
      const seed = options.seed === undefined ? config.seed : Number(options.seed);
      if (!Number.isFinite(scale) || scale <= 0 || scale > 10) throw new Error(`--scale must be a number in (0, 10], got ${options.scale}`);
      if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, got ${options.seed}`);
      await migrateDatabase(config.databaseUrl);
      const progress = createProgress();
      const result = await seedDatabase(config.databaseUrl, {
        seed,
        scale,
        reset: options.reset,
        onProgress: (p) => progress.update(p.table, p.done, p.total),
      });
      progress.done();
      if (!result.seeded) {
        process.stdout.write('store already has products: nothing seeded (use --reset to seed again)\n');
        return;
      }
      const counts = Object.entries(result.counts).map(([t, n]) => `${t} ${n.toLocaleString('en-US')}`);
      process.stdout.write(`seeded in ${(result.ms / 1000).toFixed(1)} s: ${counts.join(', ')}\n`);
    });

  db.command('status')
    .description('row counts of the store tables')
    .action(async () => {
      const config = loadConfig();
      process.stdout.write(`${JSON.stringify(await countStore(config.databaseUrl), null, 2)}\n`);
    });
}
