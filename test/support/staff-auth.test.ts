/** Staff sign-in: sessions in httpOnly cookies, roles, logout, lockout, expiry. */
import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { hashPassword, registerStaffRoutes, requireStaff, StaffAuth, STAFF_COOKIE, verifyPassword } from '../../src/support';
import { migrateDatabase, openDatabase, type Database } from '../../src/store';
import { tempSqliteUrl, type TestDatabase } from '../helpers/databases';

const PASSWORD = 'correct horse battery';
let tmp: TestDatabase;
let database: Database;
let app: FastifyInstance;
let clock = new Date('2026-11-23T10:00:00Z');
let auth: StaffAuth;

beforeAll(async () => {
  tmp = tempSqliteUrl('staff-auth');
  await migrateDatabase(tmp.url);
  database = openDatabase(tmp.url);
  const passwordHash = await hashPassword(PASSWORD);
  await database.prisma.agent.createMany({
    data: [
      { email: 'agent@example.com', name: 'Agent A', role: 'agent', skills: 'orders', passwordHash },
      { email: 'merch@example.com', name: 'Merch M', role: 'merchandiser', passwordHash },
    ],
  });
  auth = new StaffAuth(database.prisma, { now: () => clock, maxFailures: 3 });
  app = Fastify();
  await app.register(fastifyCookie);
  registerStaffRoutes(app, { auth: () => auth, secureCookie: false });
  app.get('/agents-only', { preHandler: requireStaff(() => auth, ['agent']) }, async (request) => ({ who: request.staff?.email }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
});

// Real HTTP requests: fastify.inject's cookie parser is ESM-only and cannot load under jest.
let base = '';
interface Response {
  statusCode: number;
  json(): any; // eslint-disable-line @typescript-eslint/no-explicit-any
  cookies: Array<{ name: string; value: string; httpOnly: boolean; sameSite?: string }>;
}
async function request(options: { method?: string; url: string; payload?: unknown; headers?: Record<string, string> }): Promise<Response> {
  const response = await fetch(base + options.url, {
    method: options.method ?? 'GET',
    headers: { ...(options.payload ? { 'content-type': 'application/json' } : {}), ...options.headers },
    ...(options.payload ? { body: JSON.stringify(options.payload) } : {}),
  });
  const body = await response.text();
  const cookies = response.headers.getSetCookie().map((line) => {
    const [pair, ...attributes] = line.split(';').map((p) => p.trim());
    const [name, value] = pair!.split('=');
    const sameSite = attributes.find((a) => a.toLowerCase().startsWith('samesite='))?.split('=')[1];
    return { name: name!, value: value ?? '', httpOnly: attributes.some((a) => a.toLowerCase() === 'httponly'), ...(sameSite ? { sameSite } : {}) };
  });
  return { statusCode: response.status, json: () => JSON.parse(body), cookies };
}

afterAll(async () => {
  await app.close();
  await database.close();
  await tmp.drop();
});

async function signIn(email: string, password = PASSWORD) {
  return request({ method: 'POST', url: '/api/staff/login', payload: { email, password } });
}
const cookieOf = (response: { cookies: Array<{ name: string; value: string }> }) => `${STAFF_COOKIE}=${response.cookies.find((c) => c.name === STAFF_COOKIE)?.value}`;

test('passwords are stored as salted scrypt hashes that verify only the right password', async () => {
  const row = await database.prisma.agent.findUniqueOrThrow({ where: { email: 'agent@example.com' } });
  expect(row.passwordHash).not.toContain(PASSWORD);
  expect(row.passwordHash.startsWith('scrypt$')).toBe(true);
  expect(await verifyPassword(PASSWORD, row.passwordHash)).toBe(true);
  expect(await verifyPassword('wrong password', row.passwordHash)).toBe(false);
  expect(await hashPassword(PASSWORD)).not.toBe(await hashPassword(PASSWORD)); // salted
});

test('sign-in sets an httpOnly SameSite=Strict cookie that opens the staff routes; sign-out closes them', async () => {
  const response = await signIn('Agent@Example.com');
  expect(response.statusCode).toBe(200);
  const cookie = response.cookies.find((c) => c.name === STAFF_COOKIE)!;
  expect(cookie.httpOnly).toBe(true);
  expect(cookie.sameSite).toBe('Strict');
  expect(response.json().staff).toMatchObject({ email: 'agent@example.com', role: 'agent', skills: ['orders'] });
  expect(JSON.stringify(response.json())).not.toContain('passwordHash');

  const me = await request({ url: '/api/staff/me', headers: { cookie: cookieOf(response) } });
  expect(me.json().staff.name).toBe('Agent A');
  expect((await request({ url: '/agents-only', headers: { cookie: cookieOf(response) } })).json()).toEqual({ who: 'agent@example.com' });

  await request({ method: 'POST', url: '/api/staff/logout', headers: { cookie: cookieOf(response) } });
  expect((await request({ url: '/api/staff/me', headers: { cookie: cookieOf(response) } })).statusCode).toBe(401);
});

test('staff routes need a session, and the right role', async () => {
  expect((await request({ url: '/agents-only' })).statusCode).toBe(401);
  expect((await request({ url: '/agents-only', headers: { cookie: `${STAFF_COOKIE}=forged-token` } })).statusCode).toBe(401);
  const merch = await signIn('merch@example.com');
  expect((await request({ url: '/agents-only', headers: { cookie: cookieOf(merch) } })).statusCode).toBe(403);
});

test('bad input is a 400, a wrong password a 401 that does not say which part was wrong', async () => {
  expect((await request({ method: 'POST', url: '/api/staff/login', payload: { email: 'x' } })).statusCode).toBe(400);
  const unknown = await signIn('nobody@example.com');
  const wrong = await signIn('merch@example.com', 'not the password');
  expect(unknown.statusCode).toBe(401);
  expect(wrong.statusCode).toBe(401);
  expect(unknown.json()).toEqual(wrong.json());
});

test('repeated failures lock the account for a while, even for the right password', async () => {
  const email = 'agent@example.com';
  for (let i = 0; i < 3; i++) expect((await signIn(email, 'guess-guess')).statusCode).toBe(401);
  expect((await signIn(email)).statusCode).toBe(429);
  clock = new Date(clock.getTime() + 16 * 60_000);
  expect((await signIn(email)).statusCode).toBe(200);
});

test('sessions expire', async () => {
  const response = await signIn('merch@example.com');
  clock = new Date(clock.getTime() + 13 * 60 * 60_000);
  expect((await request({ url: '/api/staff/me', headers: { cookie: cookieOf(response) } })).statusCode).toBe(401);
});
