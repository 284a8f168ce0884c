/**
 * Structured JSON logging (pino). Library code asks for a namespaced child
 * (`logger.child({ module: 'store' })`) and never writes to the console.
 */
import pino, { type Logger, type LevelWithSilent } from 'pino';

export type { Logger };

export function createLogger(level: LevelWithSilent = 'info'): Logger {
  return pino({ level, base: { app: 'shopdesk' }, timestamp: pino.stdTimeFunctions.isoTime });
}
