/**
 * Store session tokens: how a store integrator tells the bot "this shopper is
 * logged in as customer N" without the email + order-number check. The store
 * backend signs `{cid, exp}` with the shared SHOPDESK_SESSION_SECRET; the
 * widget passes the token along; the engine verifies it and treats the
 * customer as verified.
 *
 * Format: base64url(JSON {cid, exp}) + "." + base64url(HMAC-SHA256(secret, first part)).
 * `exp` is in seconds since the epoch.
 */
import crypto from 'node:crypto';

/** Shorter secrets are refused: an HMAC key that can be guessed forges any customer. */
export const MIN_SECRET_LENGTH = 16;

function checkSecret(secret: string): void {
  if (secret.length < MIN_SECRET_LENGTH) throw new RangeError(`session secret must be at least ${MIN_SECRET_LENGTH} characters`);
}

function mac(payload: string, secret: string): Buffer {
  return crypto.createHmac('sha256', secret).update(payload).digest();
}

/**
 * Signs a token for `customerId` valid for `ttlSeconds` from `now`.
 * @throws RangeError on a short secret, a non-positive id or TTL (integration bugs, not shopper input).
 */
export function signSessionToken(customerId: number, secret: string, ttlSeconds: number, now: Date = new Date()): string {
  checkSecret(secret);
  if (!Number.isSafeInteger(customerId) || customerId <= 0) throw new RangeError('customerId must be a positive integer');
  if (!(ttlSeconds > 0) || !Number.isFinite(ttlSeconds)) throw new RangeError('ttlSeconds must be a positive number');
  const exp = Math.floor(now.getTime() / 1000 + ttlSeconds);
  const payload = Buffer.from(JSON.stringify({ cid: customerId, exp })).toString('base64url');
  return `${payload}.${mac(payload, secret).toString('base64url')}`;
}

/**
 * Returns the customer id of a valid, unexpired token, else null (malformed,
 * tampered, signed with another secret, or expired at `now`). Never throws for
 * a bad token; throws RangeError only for a short secret (a configuration bug).
 */
export function verifySessionToken(token: string, secret: string, now: Date = new Date()): number | null {
  checkSecret(secret);
  if (typeof token !== 'string' || token.length > 512) return null;
  const parts = token.split('.');
  if (parts.length !== 2) return null;
  const [payload, signature] = parts as [string, string];
  if (!/^[A-Za-z0-9_-]+$/.test(payload) || !/^[A-Za-z0-9_-]+$/.test(signature)) return null;
  // Compare the canonical encoding, not decoded bytes: base64 decoding ignores the last
  // character's padding bits, which would accept several spellings of one signature.
  const expected = Buffer.from(mac(payload, secret).toString('base64url'));
  const given = Buffer.from(signature);
  // timingSafeEqual needs equal lengths; the length itself is public (always 43 characters).
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof claims !== 'object' || claims === null) return null;
  const { cid, exp } = claims as { cid?: unknown; exp?: unknown };
  if (typeof cid !== 'number' || !Number.isSafeInteger(cid) || cid <= 0) return null;
  if (typeof exp !== 'number' || !Number.isFinite(exp)) return null;
  return now.getTime() / 1000 < exp ? cid : null;
}
