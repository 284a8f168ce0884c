/**
 * Shared by the tool tests: a migrated, seeded SQLite demo store (scale 0.03)
 * and a ToolContext that records audit events. `now` defaults to the demo
 * store's reference date, which every seeded date is relative to.
 */
import { DEFAULT_REFERENCE_DATE } from '../../src/store/demo-store';
import { migrateDatabase, openDatabase, seedDatabase, type Db } from '../../src/store';
import type { ToolContext, Verification } from '../../src/tools';
import { tempSqliteUrl } from '../helpers/databases';

export const REFERENCE_NOW = DEFAULT_REFERENCE_DATE;

export interface SeededStore {
  db: Db;
  close(): Promise<void>;
}

export async function seededStore(prefix: string): Promise<SeededStore> {
  const tmp = tempSqliteUrl(prefix);
  await migrateDatabase(tmp.url);
  await seedDatabase(tmp.url, { scale: 0.03, referenceDate: REFERENCE_NOW });
  const database = openDatabase(tmp.url);
  return {
    db: database.prisma,
    close: async () => {
      await database.close();
      await tmp.drop();
    },
  };
}

export type AuditRecord = [event: string, details: Record<string, unknown>];

export interface TestContext extends ToolContext {
  audits: AuditRecord[];
}

export function makeContext(db: Db, overrides: Partial<Omit<ToolContext, 'verification'>> & { verification?: Partial<Verification> } = {}): TestContext {
  const audits: AuditRecord[] = [];
  const { verification, ...rest } = overrides;
  return {
    db,
    conversationId: 'conv-test',
    lastProductIds: [],
    now: () => REFERENCE_NOW,
    audit: (event, details) => {
      audits.push([event, details]);
    },
    ...rest,
    verification: { customerId: null, failures: 0, lockedUntil: null, ...verification },
    audits,
  };
}

/** A Db stand-in that records and refuses any use: proves a code path never touches the database. */
export function untouchableDb(): { db: Db; touched: string[] } {
  const touched: string[] = [];
  const db = new Proxy(
    {},
    {
      get(_target, prop) {
        touched.push(String(prop));
        throw new Error(`database touched: ${String(prop)}`);
      },
    },
  ) as Db;
  return { db, touched };
}
