/**
 * The data layer on every configured database (SQLite always, PostgreSQL in CI):
 * migrations, the demo-store seed (idempotent, deterministic) and the Prisma client.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateDemoStore } from '../../src/store/demo-store';
import { DEMO_PERSONAS, countStore, listMigrations, migrateDatabase, MigrationError, openDatabase, seedDatabase } from '../../src/store';
import { openSqlDriver } from '../../src/store/sql-driver';
import { databaseKinds, type TestDatabase } from '../helpers/databases';

const SCALE = 0.03;
/** The store's "today"; seeding defaults to the real today, so tests pin it. */
const TODAY = new Date('2026-11-23T00:00:00Z');

async function tableDigest(url: string): Promise<string> {
  const driver = openSqlDriver(url);
  try {
    const hash = crypto.createHash('sha256');
    for (const table of ['Customer', 'Product', 'Order', 'OrderItem', 'Shipment', 'Return', 'Review', 'Interaction']) {
      const rows = await driver.query(`SELECT * FROM "${table}" ORDER BY id`);
      // Normalise driver differences (Date vs ISO text, JSON text vs object) so equal data hashes equal.
      for (const row of rows) hash.update(JSON.stringify(Object.values(row).map((v) => (v instanceof Date ? v.getTime() : typeof v === 'string' && /^\d{4}-\d\d-\d\dT/.test(v) ? Date.parse(v) : v))));
    }
    return hash.digest('hex');
  } finally {
    await driver.close();
  }
}

describe.each(databaseKinds().map((k) => [k.name, k] as const))('data layer on %s', (_name, kind) => {
  const created: TestDatabase[] = [];
  const fresh = async () => {
    const db = await kind.create();
    created.push(db);
    return db;
  };
  afterAll(async () => {
    for (const db of created) await db.drop();
  });

  test('migrations apply once and refuse an edited migration', async () => {
    const { url } = await fresh();
    const first = await migrateDatabase(url);
    expect(first.applied).toEqual(listMigrations(first.provider).map((m) => m.name));
    const second = await migrateDatabase(url);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toEqual(first.applied);

    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'migrations-'));
    fs.cpSync(path.resolve(__dirname, '../../prisma/migrations'), root, { recursive: true });
    const migrationFile = path.join(root, first.provider, first.applied[0]!, 'migration.sql');
    fs.appendFileSync(migrationFile, '\n-- edited\n');
    await expect(migrateDatabase(url, root)).rejects.toBeInstanceOf(MigrationError);
  });

  test('seed loads the generated store, is idempotent, and --reset reloads it', async () => {
    const { url } = await fresh();
    await migrateDatabase(url);
    const expected = generateDemoStore({ seed: 7, scale: SCALE, referenceDate: TODAY });
    const result = await seedDatabase(url, { seed: 7, scale: SCALE, referenceDate: TODAY });
    expect(result.seeded).toBe(true);
    const counts = await countStore(url);
    expect(counts).toEqual({
      Customer: expected.customers.length,
      Product: expected.products.length,
      Order: expected.orders.length,
      OrderItem: expected.orderItems.length,
      Shipment: expected.shipments.length,
      Return: expected.returns.length,
      Review: expected.reviews.length,
      Interaction: expected.interactions.length,
    });
    const again = await seedDatabase(url, { seed: 7, scale: SCALE });
    expect(again.seeded).toBe(false);
    expect(await countStore(url)).toEqual(counts);
    const reset = await seedDatabase(url, { seed: 7, scale: SCALE, reset: true, referenceDate: TODAY });
    expect(reset.seeded).toBe(true);
    expect(await countStore(url)).toEqual(counts);
  });

  test('two seeds with the same seed produce identical data', async () => {
    const a = await fresh();
    const b = await fresh();
    for (const { url } of [a, b]) {
      await migrateDatabase(url);
      await seedDatabase(url, { seed: 11, scale: SCALE, referenceDate: TODAY });
    }
    expect(await tableDigest(a.url)).toBe(await tableDigest(b.url));
  });

  test('the Prisma client reads relations and JSON, and new rows get fresh ids after the seed', async () => {
    const { url } = await fresh();
    await migrateDatabase(url);
    await seedDatabase(url, { seed: 3, scale: SCALE });
    const database = openDatabase(url);
    try {
      const persona = DEMO_PERSONAS[0]!;
      const customer = await database.prisma.customer.findUniqueOrThrow({
        where: { email: persona.email },
        include: { orders: { include: { items: { include: { product: true } }, shipments: true } } },
      });
      expect(customer.orders.map((o) => o.number).sort()).toEqual(persona.orders.map((o) => o.number).sort());
      const shipped = customer.orders.find((o) => o.shipments.length > 0)!;
      expect(Array.isArray(shipped.shipments[0]!.history)).toBe(true);
      expect(shipped.items.reduce((sum, i) => sum + i.quantity * i.unitPriceCents, 0)).toBe(shipped.totalCents);

      const maxId = (await database.prisma.customer.aggregate({ _max: { id: true } }))._max.id!;
      const created = await database.prisma.customer.create({ data: { externalId: 'cus_new', email: 'new.shopper@example.com', name: 'New Shopper' } });
      expect(created.id).toBeGreaterThan(maxId);

      const conversation = await database.prisma.conversation.create({ data: { id: 'c1', channel: 'test', state: { slots: { size: '10' } } } });
      await database.prisma.message.create({ data: { conversationId: conversation.id, clientId: 'm1', role: 'user', text: 'hi', payload: { parts: [] } } });
      await expect(
        database.prisma.message.create({ data: { conversationId: conversation.id, clientId: 'm1', role: 'user', text: 'hi again' } }),
      ).rejects.toThrow();
      const stored = await database.prisma.conversation.findUniqueOrThrow({ where: { id: 'c1' }, include: { messages: true } });
      expect(stored.state).toEqual({ slots: { size: '10' } });
      expect(stored.messages).toHaveLength(1);

      // The support desk's tables: staff sessions cascade with the agent, ticket history with the ticket.
      const agent = await database.prisma.agent.create({ data: { email: 'agent@example.com', name: 'A', passwordHash: 'x', skills: 'orders' } });
      expect(agent.maxLoad).toBe(5);
      await database.prisma.agentSession.create({ data: { id: 'sha', agentId: agent.id, expiresAt: new Date(Date.now() + 60_000) } });
      const ticket = await database.prisma.ticket.create({ data: { subject: 's', queue: 'orders', priority: 'high', summary: 'x', conversationId: 'c1', assigneeId: agent.id } });
      expect(ticket).toMatchObject({ source: 'handoff', routedPriority: 'normal', firstResponseAt: null });
      await database.prisma.ticketEvent.create({ data: { ticketId: ticket.id, agentId: agent.id, kind: 'note', text: 'n' } });
      await database.prisma.agent.delete({ where: { id: agent.id } });
      expect(await database.prisma.agentSession.count()).toBe(0);
      expect((await database.prisma.ticketEvent.findFirstOrThrow()).agentId).toBeNull();
      await database.prisma.ticket.delete({ where: { id: ticket.id } });
      expect(await database.prisma.ticketEvent.count()).toBe(0);
    } finally {
      await database.close();
    }
  });
});
