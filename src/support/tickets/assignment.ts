/**
 * Who gets a ticket: an online agent whose skills cover the queue, with the
 * fewest open tickets, below their maximum load. Ties go to the agent who has
 * waited longest since their last assignment (lowest id as a stable fallback),
 * so work spreads evenly.
 */
import type { Db } from '../../store';

export interface AgentLoad {
  id: number;
  skills: string[];
  maxLoad: number;
  open: number;
}

/** Pure choice, testable without a database. */
export function chooseAgent(queue: string, agents: readonly AgentLoad[]): number | null {
  const eligible = agents.filter((a) => (a.skills.includes('*') || a.skills.includes(queue)) && a.open < a.maxLoad);
  eligible.sort((a, b) => a.open / a.maxLoad - b.open / b.maxLoad || a.open - b.open || a.id - b.id);
  return eligible[0]?.id ?? null;
}

/** Online agents (role agent or admin) with their current open-ticket counts. */
export async function agentLoads(db: Db, exceptAgentId?: number): Promise<AgentLoad[]> {
  const agents = await db.agent.findMany({ where: { online: true, role: { in: ['agent', 'admin'] }, ...(exceptAgentId ? { id: { not: exceptAgentId } } : {}) } });
  if (agents.length === 0) return [];
  const counts = await db.ticket.groupBy({ by: ['assigneeId'], where: { status: { in: ['assigned', 'pending'] }, assigneeId: { in: agents.map((a) => a.id) } }, _count: { _all: true } });
  const openBy = new Map(counts.map((c) => [c.assigneeId, c._count._all]));
  return agents.map((a) => ({ id: a.id, skills: a.skills.split(',').map((s) => s.trim()).filter(Boolean), maxLoad: a.maxLoad, open: openBy.get(a.id) ?? 0 }));
}
