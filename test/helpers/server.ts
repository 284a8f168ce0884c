/** Starts a real server on port 0 over a fresh SQLite store for tests. */
import { loadConfig } from '../../src/config';
import { startServer, type RunningServer } from '../../src/server';
import { tempSqliteUrl, type TestDatabase } from './databases';

export interface TestServer {
  server: RunningServer;
  db: TestDatabase;
  stop(): Promise<void>;
}

export async function startTestServer(env: Record<string, string> = {}, options: { waitReady?: boolean } = {}): Promise<TestServer> {
  const db = tempSqliteUrl('shopdesk-server');
  const config = loadConfig({ DATABASE_URL: db.url, SHOPDESK_PORT: '0', SHOPDESK_SEED_SCALE: '0.03', SHOPDESK_LOG_LEVEL: 'silent', ...env });
  const server = await startServer(config);
  if (options.waitReady !== false) await server.database.whenReady();
  return {
    server,
    db,
    stop: async () => {
      await server.close();
      await db.drop();
    },
  };
}
