/** Ticket assignment by skills and load, reassignment when an agent goes offline, SLA escalation. */
import { ConversationStore, migrateDatabase, openDatabase, type Database } from '../../src/store';
import { chooseAgent, createRouter, createSummarizer, SupportEvents, TicketService, type TicketChange } from '../../src/support';
import { tempSqliteUrl, type TestDatabase } from '../helpers/databases';

let tmp: TestDatabase;
let database: Database;
let service: TicketService;
let clock = new Date('2026-11-23T09:00:00Z');
const changes: TicketChange[] = [];
const ids: Record<string, number> = {};

beforeAll(async () => {
  tmp = tempSqliteUrl('assignment');
  await migrateDatabase(tmp.url);
  database = openDatabase(tmp.url);
  const db = database.prisma;
  for (const [key, data] of Object.entries({
    orders: { email: 'o@x.co', name: 'Orders Only', skills: 'orders', maxLoad: 1, online: true },
    all: { email: 'a@x.co', name: 'All Queues', skills: '*', maxLoad: 3, online: true },
    away: { email: 'w@x.co', name: 'Away', skills: '*', maxLoad: 9, online: false },
    merch: { email: 'm@x.co', name: 'Merch', skills: '*', role: 'merchandiser', maxLoad: 9, online: true },
  })) {
    ids[key] = (await db.agent.create({ data: { ...data, passwordHash: 'x' } })).id;
  }
  const events = new SupportEvents();
  events.on('ticket', (change) => changes.push(change));
  service = new TicketService({
    db,
    conversations: new ConversationStore(db),
    router: createRouter(),
    summarizer: createSummarizer(db),
    events,
    nlu: { parseAsync: async () => ({ intent: { name: 'out_of_scope', confidence: 0 }, entities: [] }) },
    now: () => clock,
  });
});

afterAll(async () => {
  await database.close();
  await tmp.drop();
});

async function cancelRequest(n: number) {
  const conversationId = `00000000-0000-4000-8000-00000000000${n}`;
  await new ConversationStore(database.prisma).create(conversationId, 'web');
  const current = { text: `please cancel order 9${n}`, intent: { name: 'cancel_order', confidence: 0.93 }, entities: [] };
  return (await service.openFromConversation(conversationId, { reason: 'cancel', source: 'handoff', current })).ticket;
}

test('the least loaded online agent whose skills cover the queue gets it', () => {
  const agents = [
    { id: 1, skills: ['orders'], maxLoad: 2, open: 1 },
    { id: 2, skills: ['*'], maxLoad: 4, open: 1 },
    { id: 3, skills: ['account'], maxLoad: 5, open: 0 },
  ];
  expect(chooseAgent('orders', agents)).toBe(2); // 1/4 < 1/2
  expect(chooseAgent('account', agents)).toBe(3);
  expect(chooseAgent('orders', [{ id: 1, skills: ['orders'], maxLoad: 1, open: 1 }])).toBeNull(); // full
  expect(chooseAgent('sales', [{ id: 1, skills: ['orders'], maxLoad: 9, open: 0 }])).toBeNull(); // no skill
});

test('tickets spread over eligible agents by load, never to offline staff or merchandisers', async () => {
  const first = await cancelRequest(1);
  const second = await cancelRequest(2);
  const third = await cancelRequest(3);
  expect(first.queue).toBe('orders');
  const assignees = [first.assigneeId, second.assigneeId, third.assigneeId];
  expect(assignees.filter((a) => a === ids.orders)).toHaveLength(1); // its max load is 1
  expect(assignees.filter((a) => a === ids.all)).toHaveLength(2);
  expect(assignees).not.toContain(ids.away);
  expect(assignees).not.toContain(ids.merch);
  expect(changes.filter((c) => c.change === 'created')).toHaveLength(3);
});

test('an agent going offline hands their tickets to a colleague or back to the queue', async () => {
  const held = await database.prisma.ticket.findMany({ where: { assigneeId: ids.all } });
  expect(held.length).toBe(2);
  await service.setPresence(ids.all!, false);
  const after = await database.prisma.ticket.findMany({ where: { id: { in: held.map((t) => t.id) } } });
  // 'orders' is full (max load 1) and 'away' is offline: they wait in the queue.
  expect(after.map((t) => [t.assigneeId, t.status])).toEqual([[null, 'open'], [null, 'open']]);
  await service.setPresence(ids.away!, true);
  expect((await service.sweep()).assigned).toBe(2);
  expect((await database.prisma.ticket.findMany({ where: { id: { in: held.map((t) => t.id) } } })).every((t) => t.assigneeId === ids.away)).toBe(true);
});

test('a ticket waiting past its SLA climbs in priority, one level per SLA period, up to the limit', async () => {
  const ticket = await cancelRequest(4);
  const slaMinutes = (ticket.slaDueAt!.getTime() - ticket.createdAt.getTime()) / 60_000;
  expect(ticket.priority).toBe('normal');
  clock = new Date(clock.getTime() + (slaMinutes + 1) * 60_000);
  await service.sweep();
  expect((await database.prisma.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).priority).toBe('high');
  clock = new Date(clock.getTime() + 60_000); // the next sweep, a minute later, does not raise it again
  await service.sweep();
  expect((await database.prisma.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).priority).toBe('high');
  clock = new Date(clock.getTime() + 10 * slaMinutes * 60_000);
  await service.sweep();
  expect((await database.prisma.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).priority).toBe('urgent');
  const events = await database.prisma.ticketEvent.findMany({ where: { ticketId: ticket.id, text: { startsWith: 'Priority raised' } } });
  expect(events).toHaveLength(2);
});
