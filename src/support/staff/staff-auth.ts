/**
 * Staff sign-in for the agent console and the merchandiser dashboard: email +
 * password, then an opaque session token (random 32 bytes) in an httpOnly
 * cookie. Only the token's SHA-256 is stored, so a database leak does not
 * hand out live sessions; logout deletes the row.
 */
import crypto from 'node:crypto';
import type { Db } from '../../store';
import { verifyPassword } from './passwords';

export const STAFF_ROLES = ['agent', 'merchandiser', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Who is signed in; what every staff endpoint and socket gets. */
export interface StaffPrincipal {
  agentId: number;
  email: string;
  name: string;
  role: StaffRole;
  /** Queues the agent works ('*' = all). */
  skills: string[];
}

export interface StaffAuthOptions {
  /** Session lifetime; a sign-in lasts a working day by default. */
  sessionTtlMs?: number;
  /** Failed sign-ins per email before a pause. */
  maxFailures?: number;
  lockMs?: number;
  now?: () => Date;
}

const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

function toPrincipal(agent: { id: number; email: string; name: string; role: string; skills: string }): StaffPrincipal {
  const role = (STAFF_ROLES as readonly string[]).includes(agent.role) ? (agent.role as StaffRole) : 'agent';
  const skills = agent.skills.split(',').map((s) => s.trim()).filter(Boolean);
  return { agentId: agent.id, email: agent.email, name: agent.name, role, skills };
}

export type SignInResult = { ok: true; token: string; principal: StaffPrincipal; expiresAt: Date } | { ok: false; reason: 'invalid' | 'locked' };

export class StaffAuth {
  private readonly failures = new Map<string, { count: number; until: number }>();
  private readonly ttlMs: number;
  private readonly maxFailures: number;
  private readonly lockMs: number;
  private readonly now: () => Date;
  /** Hash of a throwaway password: unknown emails cost as much as known ones (no user enumeration by timing). */
  private readonly decoy = 'scrypt$32768$8$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

  constructor(private readonly db: Db, options: StaffAuthOptions = {}) {
    this.ttlMs = options.sessionTtlMs ?? 12 * 60 * 60 * 1000;
    this.maxFailures = options.maxFailures ?? 5;
    this.lockMs = options.lockMs ?? 15 * 60 * 1000;
    this.now = options.now ?? (() => new Date());
  }

  async signIn(emailInput: string, password: string): Promise<SignInResult> {
    const email = emailInput.trim().toLowerCase();
    const nowMs = this.now().getTime();
    const record = this.failures.get(email);
    if (record && record.count >= this.maxFailures && record.until > nowMs) return { ok: false, reason: 'locked' };
    const agent = await this.db.agent.findUnique({ where: { email } });
    const valid = await verifyPassword(password, agent?.passwordHash ?? this.decoy);
    if (!agent || !valid) {
      const count = record && record.until > nowMs ? record.count + 1 : 1;
      this.failures.set(email, { count, until: nowMs + this.lockMs });
      return { ok: false, reason: 'invalid' };
    }
    this.failures.delete(email);
    const token = crypto.randomBytes(32).toString('base64url');
    const expiresAt = new Date(nowMs + this.ttlMs);
    await this.db.agentSession.create({ data: { id: hashToken(token), agentId: agent.id, expiresAt } });
    return { ok: true, token, principal: toPrincipal(agent), expiresAt };
  }

  /** The principal behind a session token, or null (unknown, expired or signed out). */
  async authenticate(token: string | undefined): Promise<StaffPrincipal | null> {
    if (!token || token.length > 200) return null;
    const session = await this.db.agentSession.findUnique({ where: { id: hashToken(token) }, include: { agent: true } });
    if (!session) return null;
    if (session.expiresAt.getTime() <= this.now().getTime()) {
      await this.db.agentSession.deleteMany({ where: { id: session.id } });
      return null;
    }
    return toPrincipal(session.agent);
  }

  async signOut(token: string | undefined): Promise<void> {
    if (token) await this.db.agentSession.deleteMany({ where: { id: hashToken(token) } });
  }
}
