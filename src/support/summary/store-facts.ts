/** Store lookups shared by conversation and inbound facts: the customer behind an email, and orders by number. */
import type { Db } from '../../store';
import type { OrderFact } from './types';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/u;

/** The last email address among NLU entities or the texts, lower-cased. */
export function emailIn(texts: readonly string[], entities: ReadonlyArray<{ entity: string; value: unknown }> = []): string | null {
  const fromEntities = entities.filter((e) => e.entity === 'email' && typeof e.value === 'string').map((e) => String(e.value));
  const fromTexts = texts.flatMap((t) => EMAIL.exec(t)?.[0] ?? []);
  const all = [...fromTexts, ...fromEntities];
  return all.length ? all[all.length - 1]!.trim().toLowerCase() : null;
}

export async function customerByEmail(db: Db, email: string): Promise<{ id: number; name: string; email: string } | null> {
  return db.customer.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, name: true, email: true } });
}

/** The orders with these numbers, in the given order; numbers the store does not have come back as not found. */
export async function lookUpOrders(db: Db, numbers: readonly string[], verifiedCustomerId: number | null): Promise<OrderFact[]> {
  if (numbers.length === 0) return [];
  const rows = await db.order.findMany({
    where: { number: { in: [...numbers] } },
    select: { number: true, status: true, totalCents: true, currency: true, customerId: true },
  });
  const byNumber = new Map(rows.map((r) => [r.number, r]));
  return numbers.map((number) => {
    const row = byNumber.get(number);
    if (!row) return { number, found: false, status: null, totalCents: null, currency: null, ownedByCustomer: null };
    return {
      number,
      found: true,
      status: row.status,
      totalCents: row.totalCents,
      currency: row.currency,
      ownedByCustomer: verifiedCustomerId === null ? null : row.customerId === verifiedCustomerId,
    };
  });
}
