/**
 * Loads the deterministic demo store into a migrated database. Idempotent: a
 * database that already has products is left alone unless `reset` is asked.
 * Rows carry explicit ids (the generator resolves relations itself), so the
 * load is a sequence of multi-row INSERTs in one transaction.
 */
import { generateDemoStore, type DemoStore } from './demo-store';
import { insertStatements, openSqlDriver, type SqlDriver, type SqlValue } from './sql-driver';

/** Tables in foreign-key order; reset deletes them in reverse. */
const LOAD_ORDER = [
  ['Customer', 'customers'],
  ['Product', 'products'],
  ['Order', 'orders'],
  ['OrderItem', 'orderItems'],
  ['Shipment', 'shipments'],
  ['Return', 'returns'],
  ['Review', 'reviews'],
  ['Interaction', 'interactions'],
] as const satisfies readonly (readonly [string, keyof DemoStore])[];

/** Chat data referencing customers must go before them on reset. */
const DEPENDENT_TABLES = ['Message', 'TicketEvent', 'Ticket', 'Conversation'];

export interface SeedProgress {
  table: string;
  done: number;
  total: number;
}

export interface SeedOptions {
  seed?: number;
  /** Fraction of the full demo size (tests use small stores). */
  scale?: number;
  /**
   * The store's "today": order dates, deliveries and return windows are relative to it, so a
   * demo seeded today has returnable orders today. Same seed + same date = identical data.
   * Default: the start of the current UTC day.
   */
  referenceDate?: Date;
  reset?: boolean;
  onProgress?: (progress: SeedProgress) => void;
}

export interface SeedResult {
  seeded: boolean;
  counts: Record<string, number>;
  ms: number;
}

function toSqlValue(value: unknown): SqlValue {
  if (value === undefined || value === null) return null;
  if (value instanceof Date || typeof value !== 'object') return value as SqlValue;
  return JSON.stringify(value); // Json columns
}

function rowsOf(records: readonly object[]): { columns: string[]; rows: SqlValue[][] } {
  const columns = [...new Set(records.flatMap((r) => Object.keys(r)))];
  const rows = records.map((r) => columns.map((c) => toSqlValue((r as Record<string, unknown>)[c])));
  return { columns, rows };
}

async function countProducts(driver: SqlDriver): Promise<number> {
  const [row] = await driver.query<{ n: number | string }>('SELECT COUNT(*) AS n FROM "Product"');
  return Number(row?.n ?? 0);
}

function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/** Counts rows of every demo table, for reports and tests. */
export async function countStore(url: string): Promise<Record<string, number>> {
  const driver = openSqlDriver(url);
  try {
    const counts: Record<string, number> = {};
    for (const [table] of LOAD_ORDER) {
      const [row] = await driver.query<{ n: number | string }>(`SELECT COUNT(*) AS n FROM "${table}"`);
      counts[table] = Number(row?.n ?? 0);
    }
    return counts;
  } finally {
    await driver.close();
  }
}

/** Seeds the demo store into `url` (which must be migrated). */
export async function seedDatabase(url: string, options: SeedOptions = {}): Promise<SeedResult> {
  const started = Date.now();
  const driver = openSqlDriver(url);
  try {
    if (!options.reset && (await countProducts(driver)) > 0) {
      return { seeded: false, counts: {}, ms: Date.now() - started };
    }
    const store = generateDemoStore({ seed: options.seed, scale: options.scale, referenceDate: options.referenceDate ?? startOfUtcDay(new Date()) });
    const counts: Record<string, number> = {};
    await driver.inTransaction(async (run) => {
      if (options.reset) {
        const tables = [...DEPENDENT_TABLES, ...LOAD_ORDER.map(([t]) => t).reverse()];
        await run(tables.map((t) => ({ sql: `DELETE FROM "${t}"`, args: [] })));
      }
      for (const [table, key] of LOAD_ORDER) {
        const { columns, rows } = rowsOf(store[key]);
        const statements = insertStatements(driver, table, columns, rows);
        const perReport = Math.max(1, Math.ceil(statements.length / 10));
        for (let i = 0; i < statements.length; i += perReport) {
          await run(statements.slice(i, i + perReport));
          const done = Math.min(rows.length, Math.round(((i + perReport) / statements.length) * rows.length));
          options.onProgress?.({ table, done, total: rows.length });
        }
        counts[table] = rows.length;
        if (driver.provider === 'postgresql' && rows.length > 0) {
          // Explicit ids bypass the SERIAL sequence: move it past them so new rows do not collide.
          await run([{ sql: `SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), (SELECT MAX(id) FROM "${table}"))`, args: [] }]);
        }
      }
    });
    return { seeded: true, counts, ms: Date.now() - started };
  } finally {
    await driver.close();
  }
}
