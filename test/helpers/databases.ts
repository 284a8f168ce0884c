/**
 * The databases data-layer tests run against: always a fresh SQLite file, and
 * a fresh PostgreSQL database when SHOPDESK_TEST_PG_URL points at a server
 * (CI starts one; under CI its absence is an error, not a silent skip).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export interface TestDatabaseKind {
  name: 'sqlite' | 'postgresql';
  create(): Promise<TestDatabase>;
}

export function tempSqliteUrl(prefix = 'shopdesk-test'): TestDatabase {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  return {
    url: `file:${path.join(dir, 'test.db')}`,
    drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

const sqlite: TestDatabaseKind = { name: 'sqlite', create: async () => tempSqliteUrl() };

function postgres(adminUrl: string): TestDatabaseKind {
  return {
    name: 'postgresql',
    async create() {
      const name = `shopdesk_t_${crypto.randomBytes(5).toString('hex')}`;
      const admin = new Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return {
        url: url.toString(),
        drop: async () => {
          const c = new Client({ connectionString: adminUrl });
          await c.connect();
          await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          await c.end();
        },
      };
    },
  };
}

/** SQLite always; PostgreSQL when configured. */
export function databaseKinds(): TestDatabaseKind[] {
  const pgUrl = process.env.SHOPDESK_TEST_PG_URL;
  if (!pgUrl && process.env.CI) throw new Error('CI must run the data-layer tests on PostgreSQL too: set SHOPDESK_TEST_PG_URL');
  return pgUrl ? [sqlite, postgres(pgUrl)] : [sqlite];
}
