/**
 * Prisma client factory: SQLite through libSQL (embedded default) or PostgreSQL
 * through node-postgres, chosen by the database URL. Both clients are generated
 * from one schema (see scripts/prisma-schemas.js); they expose the same model
 * API, so the rest of the code sees a single `Db` type.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PrismaLibSQL } from '@prisma/adapter-libsql';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as SqliteClient } from '.prisma/shopdesk-sqlite';
import { PrismaClient as PostgresClient } from '.prisma/shopdesk-postgresql';
import { providerOf, type DatabaseProvider } from '../config';

/** The Prisma client type every repository uses. */
export type Db = SqliteClient;

export interface Database {
  prisma: Db;
  provider: DatabaseProvider;
  url: string;
  /** Connection settings that must run before use (SQLite: WAL journal, relaxed fsync, busy timeout). */
  prepare(): Promise<void>;
  close(): Promise<void>;
}

/**
 * SQLite defaults to a rollback journal with an fsync per transaction (~8 ms per
 * chat message here). WAL with synchronous=NORMAL is the standard setting for
 * an application database: durable across process crashes, one fsync per
 * checkpoint, and readers never block the writer.
 */
const SQLITE_PRAGMAS = ['PRAGMA journal_mode=WAL', 'PRAGMA synchronous=NORMAL', 'PRAGMA busy_timeout=5000', 'PRAGMA foreign_keys=ON'];

/** Opens (lazily: Prisma connects on first query) a client for a SQLite `file:` or `postgresql://` URL. */
export function openDatabase(url: string): Database {
  const provider = providerOf(url);
  let prisma: Db;
  if (provider === 'sqlite') {
    ensureParentDir(url);
    prisma = new SqliteClient({ adapter: new PrismaLibSQL({ url }) });
  } else {
    // The generated PostgreSQL client has the same model API as the SQLite one.
    prisma = new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
  }
  return {
    prisma,
    provider,
    url,
    prepare: async () => {
      if (provider !== 'sqlite') return;
      for (const pragma of SQLITE_PRAGMAS) await prisma.$queryRawUnsafe(pragma);
    },
    close: () => prisma.$disconnect(),
  };
}

function ensureParentDir(url: string): void {
  const file = url.slice('file:'.length);
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
}
