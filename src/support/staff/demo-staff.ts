/**
 * Demo staff for the embedded demo store, so the agent console and the
 * dashboard can be tried right after `npm start`. Created only when the store
 * has no staff at all; the password comes from config (README says so, and the
 * server warns while it is the default).
 */
import type { Db } from '../../store';
import { hashPassword } from './passwords';
import type { StaffRole } from './staff-auth';

export interface DemoStaffMember {
  email: string;
  name: string;
  role: StaffRole;
  skills: string;
}

export const DEMO_STAFF: readonly DemoStaffMember[] = [
  { email: 'ava@shopdesk.example', name: 'Ava Agent', role: 'agent', skills: '*' },
  { email: 'omar@shopdesk.example', name: 'Omar Orders', role: 'agent', skills: 'orders,shipping_delivery,returns_refunds' },
  { email: 'mia@shopdesk.example', name: 'Mia Merchandiser', role: 'merchandiser', skills: '' },
];

/** Creates the demo staff when no staff exists; returns how many were created. */
export async function ensureDemoStaff(db: Db, password: string): Promise<number> {
  if ((await db.agent.count()) > 0) return 0;
  for (const member of DEMO_STAFF) {
    await db.agent.create({ data: { ...member, passwordHash: await hashPassword(password) } });
  }
  return DEMO_STAFF.length;
}
