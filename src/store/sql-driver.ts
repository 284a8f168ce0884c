/**
 * A thin, raw SQL connection for the two jobs Prisma is slow or unable to do
 * here: applying migration scripts and bulk-loading the demo store (Prisma's
 * createMany goes row-object by row-object; a multi-row INSERT batch through
 * the driver is ~20x faster on SQLite). Everything else goes through Prisma.
 */
import { createClient, type InStatement } from '@libsql/client';
import { Client as PgClient } from 'pg';
import { providerOf, type DatabaseProvider } from '../config';

export type SqlValue = string | number | boolean | null | Date;

export interface SqlStatement {
  sql: string;
  args: SqlValue[];
}

export interface SqlDriver {
  readonly provider: DatabaseProvider;
  /** Runs a script of several statements (no parameters). */
  exec(script: string): Promise<void>;
  query<T extends Record<string, unknown>>(sql: string, args?: SqlValue[]): Promise<T[]>;
  /** Runs statements in one transaction: all or nothing. */
  transaction(statements: SqlStatement[]): Promise<void>;
  /** Runs a unit of work in one transaction; `run` may be called many times (e.g. to report progress between chunks). */
  inTransaction(work: (run: (statements: SqlStatement[]) => Promise<void>) => Promise<void>): Promise<void>;
  /** `?` placeholders are written by callers; the PostgreSQL driver renumbers them to `$n`. */
  readonly maxParameters: number;
  close(): Promise<void>;
}

/** Opens a raw connection for a `file:` (SQLite) or `postgresql://` URL. */
export function openSqlDriver(url: string): SqlDriver {
  return providerOf(url) === 'sqlite' ? sqliteDriver(url) : postgresDriver(url);
}

function toSqlite(value: SqlValue): string | number | null {
  if (value instanceof Date) return value.toISOString().replace('Z', '+00:00'); // Prisma's own SQLite format
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

function toLibsql(statement: SqlStatement): InStatement {
  return { sql: statement.sql, args: statement.args.map(toSqlite) };
}

function sqliteDriver(url: string): SqlDriver {
  const client = createClient({ url });
  return {
    provider: 'sqlite',
    maxParameters: 32000,
    exec: async (script) => {
      await client.executeMultiple(script);
    },
    query: async <T extends Record<string, unknown>>(sql: string, args: SqlValue[] = []) => {
      const rs = await client.execute({ sql, args: args.map(toSqlite) });
      return rs.rows.map((row) => ({ ...row }) as unknown as T);
    },
    transaction: async (statements) => {
      await client.batch(statements.map(toLibsql), 'write');
    },
    inTransaction: async (work) => {
      const tx = await client.transaction('write');
      try {
        await work(async (statements) => {
          await tx.batch(statements.map(toLibsql));
        });
        await tx.commit();
      } finally {
        tx.close(); // rolls back when commit was not reached
      }
    },
    close: async () => client.close(),
  };
}

function numberPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

function postgresDriver(url: string): SqlDriver {
  const client = new PgClient({ connectionString: url });
  let connecting: Promise<void> | undefined;
  const ready = () => (connecting ??= client.connect().then(() => undefined));
  async function inTransaction(work: (run: (statements: SqlStatement[]) => Promise<void>) => Promise<void>): Promise<void> {
    await ready();
    await client.query('BEGIN');
    try {
      await work(async (statements) => {
        for (const s of statements) await client.query(numberPlaceholders(s.sql), s.args);
      });
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  }
  return {
    provider: 'postgresql',
    maxParameters: 65000,
    exec: async (script) => {
      await ready();
      await client.query(script);
    },
    query: async <T extends Record<string, unknown>>(sql: string, args: SqlValue[] = []) => {
      await ready();
      const rs = await client.query(numberPlaceholders(sql), args);
      return rs.rows as T[];
    },
    transaction: async (statements) => inTransaction((run) => run(statements)),
    inTransaction,
    close: async () => {
      if (connecting) await client.end();
    },
  };
}

/** Builds multi-row INSERT statements that stay under the driver's parameter limit. */
export function insertStatements(
  driver: Pick<SqlDriver, 'maxParameters'>,
  table: string,
  columns: readonly string[],
  rows: readonly SqlValue[][],
): SqlStatement[] {
  const perStatement = Math.max(1, Math.min(500, Math.floor(driver.maxParameters / columns.length)));
  const head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES `;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const statements: SqlStatement[] = [];
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    statements.push({ sql: head + chunk.map(() => tuple).join(', '), args: chunk.flat() });
  }
  return statements;
}
