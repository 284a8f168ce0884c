/**
 * HTTP face of staff sign-in: POST /api/staff/login, POST /api/staff/logout,
 * GET /api/staff/me, and `requireStaff(roles)` for every staff endpoint. The
 * cookie is httpOnly and SameSite=Strict, so another site cannot ride on an
 * agent's session; only JSON bodies are accepted (no form posts).
 */
// Brings the cookie typings (request.cookies, reply.setCookie); the server registers the plugin.
import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { z } from 'zod';
import { MAX_PASSWORD_LENGTH } from './passwords';
import type { StaffAuth, StaffPrincipal, StaffRole } from './staff-auth';

export const STAFF_COOKIE = 'shopdesk_staff';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by requireStaff on staff routes. */
    staff?: StaffPrincipal;
  }
}

const loginSchema = z.object({
  email: z.string().trim().min(3).max(254),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});

export interface StaffRoutesOptions {
  auth: () => StaffAuth | undefined;
  /** Send the cookie only over HTTPS (on in production behind TLS). */
  secureCookie: boolean;
}

/** Reads the staff principal from the request's cookie (null when signed out). */
export async function staffFromRequest(auth: StaffAuth, request: FastifyRequest): Promise<StaffPrincipal | null> {
  return auth.authenticate(request.cookies?.[STAFF_COOKIE]);
}

/** A preHandler: 401 without a session, 403 for a role that may not use the route. */
export function requireStaff(getAuth: () => StaffAuth | undefined, roles: readonly StaffRole[]): preHandlerAsyncHookHandler {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const auth = getAuth();
    if (!auth) return reply.code(503).send({ error: 'starting' });
    const principal = await staffFromRequest(auth, request);
    if (!principal) return reply.code(401).send({ error: 'sign in required' });
    if (!roles.includes(principal.role) && principal.role !== 'admin') return reply.code(403).send({ error: 'not allowed for your role' });
    request.staff = principal;
  };
}

export function registerStaffRoutes(app: FastifyInstance, options: StaffRoutesOptions): void {
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: options.secureCookie };

  app.post('/api/staff/login', async (request, reply) => {
    const auth = options.auth();
    if (!auth) return reply.code(503).send({ error: 'starting' });
    const parsed = loginSchema.safeParse(request.body);
    if (!parsed.success) return reply.code(400).send({ error: 'email and password are required' });
    const result = await auth.signIn(parsed.data.email, parsed.data.password);
    if (!result.ok) {
      return reply.code(result.reason === 'locked' ? 429 : 401).send({ error: result.reason === 'locked' ? 'too many failed sign-ins: try again later' : 'wrong email or password' });
    }
    void reply.setCookie(STAFF_COOKIE, result.token, { ...cookieOptions, expires: result.expiresAt });
    return { staff: result.principal };
  });

  app.post('/api/staff/logout', async (request, reply) => {
    await options.auth()?.signOut(request.cookies?.[STAFF_COOKIE]);
    void reply.clearCookie(STAFF_COOKIE, cookieOptions);
    return { ok: true };
  });

  app.get('/api/staff/me', { preHandler: requireStaff(options.auth, ['agent', 'merchandiser']) }, async (request) => ({ staff: request.staff }));
}
