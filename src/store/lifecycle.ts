/**
 * Gets the database ready in the background and keeps retrying: the server
 * starts listening at once, reports "not ready" while the database is
 * unreachable, and never crashes because of it.
 */
import type { Logger } from 'pino';
import { openDatabase, type Database } from './client';
import { migrateDatabase } from './migrate';
import { seedDatabase, type SeedProgress } from './seed';

export interface DatabaseLifecycleOptions {
  url: string;
  /** Seed the demo store when the (SQLite) database has no products. */
  autoSeed: boolean;
  seed: number;
  seedScale: number;
  retryMs: number;
  logger: Logger;
}

export type DatabaseState =
  | { status: 'starting' }
  | { status: 'ready'; database: Database }
  | { status: 'failed'; error: string; attempts: number };

const MAX_BACKOFF_MS = 30_000;

export class DatabaseLifecycle {
  private state: DatabaseState = { status: 'starting' };
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private attempts = 0;
  private readonly readyWaiters: (() => void)[] = [];

  constructor(private readonly options: DatabaseLifecycleOptions) {}

  get current(): DatabaseState {
    return this.state;
  }

  /** The Prisma client once ready. */
  get database(): Database | undefined {
    return this.state.status === 'ready' ? this.state.database : undefined;
  }

  start(): void {
    void this.attempt();
  }

  /** Resolves when the database is ready (used by tests and the CLI). */
  whenReady(): Promise<void> {
    if (this.state.status === 'ready') return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /** Checks the live connection; used by the readiness endpoint. */
  async ping(timeoutMs = 2000): Promise<boolean> {
    const database = this.database;
    if (!database) return false;
    const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref());
    const query = database.prisma.$queryRawUnsafe('SELECT 1').then(
      () => true,
      () => false,
    );
    return Promise.race([query, timeout]);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.state.status === 'ready') await this.state.database.close();
  }

  private async attempt(): Promise<void> {
    const { url, logger } = this.options;
    this.attempts += 1;
    try {
      const migrated = await migrateDatabase(url);
      if (migrated.applied.length) logger.info({ applied: migrated.applied }, 'database migrated');
      if (this.options.autoSeed) {
        let lastTable = '';
        const result = await seedDatabase(url, {
          seed: this.options.seed,
          scale: this.options.seedScale,
          onProgress: (p: SeedProgress) => {
            if (p.table !== lastTable || p.done === p.total) logger.info(p, 'seeding demo store');
            lastTable = p.table;
          },
        });
        if (result.seeded) logger.info({ counts: result.counts, ms: result.ms }, 'demo store seeded');
      }
      const database = openDatabase(url);
      await database.prepare();
      await database.prisma.$queryRawUnsafe('SELECT 1');
      if (this.stopped) {
        await database.close();
        return;
      }
      this.state = { status: 'ready', database };
      logger.info({ provider: database.provider }, 'database ready');
      this.readyWaiters.splice(0).forEach((resolve) => resolve());
    } catch (error) {
      const message = (error as Error).message;
      this.state = { status: 'failed', error: message, attempts: this.attempts };
      const delay = Math.min(MAX_BACKOFF_MS, this.options.retryMs * 2 ** Math.min(this.attempts - 1, 5));
      logger.error({ err: message, attempt: this.attempts, retryInMs: delay }, 'database not available; will retry');
      if (!this.stopped) this.timer = setTimeout(() => void this.attempt(), delay);
    }
  }
}
