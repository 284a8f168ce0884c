/**
 * Return eligibility, starting returns and refund status on the personas'
 * orders (48214 delivered sweater, 52110 final-sale earrings + shoes,
 * 52111 returned and refunded).
 */
import { createToolRegistry, type ToolOutcome, type ToolRegistry } from '../../src/tools';
import { assessItems, returnWindowDays } from '../../src/tools/return-policy';
import { makeContext, REFERENCE_NOW, seededStore, type SeededStore } from './tool-context';

const ALEX = 1;
const JORDAN = 3;
const DAY = 24 * 60 * 60 * 1000;

let store: SeededStore;
let registry: ToolRegistry;

beforeAll(async () => {
  store = await seededStore('shopdesk-tools-returns');
  registry = createToolRegistry();
});
afterAll(async () => {
  await store.close();
});

const as = (customerId: number, now: Date = REFERENCE_NOW) => makeContext(store.db, { verification: { customerId }, now: () => now });

function okData(outcome: ToolOutcome): Record<string, unknown> {
  if (outcome.status !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(outcome)}`);
  return outcome.data;
}

describe('return_eligibility', () => {
  test('48214 (sweater delivered 10 days ago) is returnable for 30 days from delivery', async () => {
    const data = okData(await registry.run('return_eligibility', { orderNumber: '48214' }, as(ALEX)));
    expect(data.deliveredAt).toBe('2026-10-22T00:00:00.000Z');
    expect(data.items).toEqual([
      { orderItemId: expect.any(Number), title: "Northpeak Merino Crew Sweater - Men's, Charcoal", eligible: true, reason: 'eligible', deadline: '2026-11-21T00:00:00.000Z' },
    ]);
  });

  test('52110: the final-sale earrings are not returnable, the shoes are', async () => {
    const data = okData(await registry.run('return_eligibility', { orderNumber: '52110' }, as(JORDAN)));
    const items = data.items as { title: string; eligible: boolean; reason: string; deadline: string }[];
    expect(items.map((i) => [i.title, i.eligible, i.reason])).toEqual([
      ['Lumen & Co Crescent Stud Earrings, Gold', false, 'final_sale'],
      ["Pacefield Tempo Road Running Shoes - Men's, Grey", true, 'eligible'],
    ]);
    expect(items[1]!.deadline).toBe('2026-11-22T19:00:00.000Z');
  });

  test('itemTitle narrows to the matching item; an item not in the order is refused', async () => {
    const data = okData(await registry.run('return_eligibility', { orderNumber: '52110', itemTitle: 'the earrings' }, as(JORDAN)));
    expect((data.items as { title: string }[]).map((i) => i.title)).toEqual(['Lumen & Co Crescent Stud Earrings, Gold']);
    expect(await registry.run('return_eligibility', { orderNumber: '52110', itemTitle: 'blender' }, as(JORDAN))).toMatchObject({ status: 'refused', reason: 'item_not_in_order' });
  });

  test('orders not delivered yet and closed windows are not eligible', async () => {
    const inTransit = okData(await registry.run('return_eligibility', { orderNumber: '48213' }, as(ALEX)));
    expect((inTransit.items as { eligible: boolean; reason: string }[]).every((i) => !i.eligible && i.reason === 'not_delivered')).toBe(true);
    const later = new Date(REFERENCE_NOW.getTime() + 25 * DAY); // 35 days after delivery
    const closed = okData(await registry.run('return_eligibility', { orderNumber: '48214' }, as(ALEX, later)));
    expect(closed.items).toEqual([expect.objectContaining({ eligible: false, reason: 'window_expired' })]);
  });

  test('policy windows per category', () => {
    expect([returnWindowDays('clothing'), returnWindowDays('shoes'), returnWindowDays('bags'), returnWindowDays('furniture')]).toEqual([30, 30, 30, 30]);
    expect(returnWindowDays('electronics')).toBe(15);
    expect(returnWindowDays('beauty')).toBe(14);
    expect(returnWindowDays('toys')).toBe(30);
    const delivered = new Date('2026-10-01T00:00:00Z');
    const [earbuds, serum] = assessItems('delivered', delivered, [
      { orderItemId: 1, title: 'earbuds', category: 'electronics', finalSale: false, hasReturn: false },
      { orderItemId: 2, title: 'serum', category: 'beauty', finalSale: false, hasReturn: false },
    ], new Date('2026-10-15T12:00:00Z'));
    expect(earbuds).toMatchObject({ eligible: true, deadline: '2026-10-16T00:00:00.000Z' });
    expect(serum).toMatchObject({ eligible: false, reason: 'window_expired', condition: 'unopened only' });
  });
});

describe('start_return', () => {
  test('48214: creates one requested return for the item total, and a repeat returns the same one', async () => {
    const first = okData(await registry.run('start_return', { orderNumber: '48214', reason: 'Too big' }, as(ALEX)));
    expect(first).toMatchObject({ refundCents: 8999, refund: '$89.99', status: 'requested', existing: false, instructions: expect.stringContaining('label') });
    const second = okData(await registry.run('start_return', { orderNumber: '48214', reason: 'Too big, again' }, as(ALEX)));
    expect(second).toMatchObject({ returnId: first.returnId, refundCents: 8999, existing: true });

    const order = await store.db.order.findUniqueOrThrow({ where: { number: '48214' }, include: { returns: true, items: true } });
    expect(order.returns).toHaveLength(1);
    expect(order.returns[0]).toMatchObject({ id: first.returnId, orderItemId: order.items[0]!.id, status: 'requested', refundCents: 8999, refundStatus: null, reason: 'Too big' });

    const after = okData(await registry.run('return_eligibility', { orderNumber: '48214' }, as(ALEX)));
    expect(after.items).toEqual([expect.objectContaining({ eligible: false, reason: 'return_exists' })]);
  });

  test('52110: several items need a choice; the final-sale item is refused and nothing is created', async () => {
    const choose = await registry.run('start_return', { orderNumber: '52110', reason: 'Changed my mind' }, as(JORDAN));
    expect(choose).toMatchObject({ status: 'refused', reason: 'choose_item' });
    const items = (choose.status === 'refused' ? choose.data?.items : []) as { orderItemId: number; title: string }[];
    const earrings = items.find((i) => i.title.includes('Earrings'))!;
    expect(await registry.run('start_return', { orderNumber: '52110', orderItemId: earrings.orderItemId, reason: 'Changed my mind' }, as(JORDAN))).toMatchObject({ status: 'refused', reason: 'final_sale' });
    const order = await store.db.order.findUniqueOrThrow({ where: { number: '52110' }, include: { returns: true } });
    expect(order.returns).toHaveLength(0);
  });

  test('an order still in transit cannot be returned yet', async () => {
    const outcome = await registry.run('start_return', { orderNumber: '48213', orderItemId: 1, reason: 'No longer needed' }, as(ALEX));
    expect(outcome).toMatchObject({ status: 'refused', reason: 'not_delivered' });
  });
});

describe('refund_status', () => {
  test('52111: the refunded return with its refund date', async () => {
    const data = okData(await registry.run('refund_status', { orderNumber: '52111' }, as(JORDAN)));
    expect(data.returns).toEqual([
      {
        returnId: expect.any(Number),
        orderNumber: '52111',
        itemTitle: "Stridewell Trail Running Shoes - Men's, Black",
        status: 'refunded',
        refundCents: 7499,
        refund: '$74.99',
        refundStatus: 'issued',
        refundedAt: '2026-10-02T00:00:00.000Z',
        requestedAt: '2026-09-26T00:00:00.000Z',
      },
    ]);
  });

  test("without a number: only the customer's own returns", async () => {
    const data = okData(await registry.run('refund_status', {}, as(ALEX)));
    const returns = data.returns as { orderNumber: string; refundStatus: string | null }[];
    expect(returns.map((r) => r.orderNumber)).toEqual(['48214']); // the one started above, nothing of Jordan's
    expect(returns[0]!.refundStatus).toBeNull();
  });
});
