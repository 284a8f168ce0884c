/**
 * Applies the committed migrations (prisma/migrations/<provider>/<name>/migration.sql)
 * with the database driver itself, in name order, each once. Prisma's own
 * `migrate deploy` needs a schema-engine binary that cannot be downloaded on
 * every machine and does not support PostgreSQL through driver adapters yet,
 * so ShopDesk keeps this small runner: one code path for both databases.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { providerOf, type DatabaseProvider } from '../config';
import { openSqlDriver, type SqlDriver } from './sql-driver';

export const MIGRATIONS_ROOT = path.resolve(__dirname, '../../prisma/migrations');
const TABLE = '_shopdesk_migrations';
/** Arbitrary constant key for pg_advisory_lock: serialises concurrent starters on one PostgreSQL. */
const PG_LOCK_KEY = 727274;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/** Lists the committed migrations for a provider, oldest first. */
export function listMigrations(provider: DatabaseProvider, root = MIGRATIONS_ROOT): Migration[] {
  const dir = path.join(root, provider);
  if (!fs.existsSync(dir)) throw new MigrationError(`No migrations folder at ${dir}`);
  return fs
    .readdirSync(dir)
    .filter((name) => fs.existsSync(path.join(dir, name, 'migration.sql')))
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: crypto.createHash('sha256').update(sql).digest('hex') };
    });
}

export interface MigrateResult {
  provider: DatabaseProvider;
  applied: string[];
  alreadyApplied: string[];
}

async function applyOne(driver: SqlDriver, migration: Migration): Promise<void> {
  const record = { sql: `INSERT INTO "${TABLE}" (name, checksum, applied_at) VALUES (?, ?, ?)`, args: [migration.name, migration.checksum, new Date().toISOString()] };
  if (driver.provider === 'sqlite') {
    // libSQL runs a multi-statement script only through exec; wrap it so it is all or nothing.
    await driver.exec(`BEGIN;\n${migration.sql}\nCOMMIT;`);
    await driver.query(record.sql, record.args);
  } else {
    await driver.transaction([{ sql: migration.sql, args: [] }, record]);
  }
}

/**
 * Brings a database up to date. Safe to run repeatedly and from several processes.
 * @throws MigrationError when a migration fails or a committed one was edited after being applied.
 */
export async function migrateDatabase(url: string, root = MIGRATIONS_ROOT): Promise<MigrateResult> {
  const provider = providerOf(url);
  const migrations = listMigrations(provider, root);
  const driver = openSqlDriver(url);
  try {
    if (provider === 'postgresql') await driver.query(`SELECT pg_advisory_lock(${PG_LOCK_KEY})`);
    await driver.exec(`CREATE TABLE IF NOT EXISTS "${TABLE}" (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`);
    const rows = await driver.query<{ name: string; checksum: string }>(`SELECT name, checksum FROM "${TABLE}"`);
    const done = new Map(rows.map((r) => [String(r.name), String(r.checksum)]));
    const result: MigrateResult = { provider, applied: [], alreadyApplied: [] };
    for (const migration of migrations) {
      const checksum = done.get(migration.name);
      if (checksum !== undefined) {
        if (checksum !== migration.checksum) {
          throw new MigrationError(`Migration ${migration.name} was changed after it was applied; add a new migration instead.`);
        }
        result.alreadyApplied.push(migration.name);
        continue;
      }
      try {
        await applyOne(driver, migration);
      } catch (error) {
        throw new MigrationError(`Migration ${migration.name} failed on ${provider}: ${(error as Error).message}`, { cause: error });
      }
      result.applied.push(migration.name);
    }
    return result;
  } finally {
    await driver.close(); // also releases the advisory lock with the session
  }
}
