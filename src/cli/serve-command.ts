/** `shopdesk serve`: the server with graceful shutdown on SIGINT/SIGTERM. */
import type { Command } from 'commander';
import { loadConfig } from '../config';
import { startServer } from '../server';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('start the HTTP + Socket.io server (storefront, chat, APIs)')
    .option('--port <n>', 'port (default SHOPDESK_PORT or 3000)')
    .option('--host <h>', 'interface (default SHOPDESK_HOST or 127.0.0.1)')
    .action(async (options: { port?: string; host?: string }) => {
      const config = loadConfig({
        ...process.env,
        ...(options.port !== undefined ? { SHOPDESK_PORT: options.port } : {}),
        ...(options.host !== undefined ? { SHOPDESK_HOST: options.host } : {}),
      });
      const server = await startServer(config);
      server.app.log.info({ url: server.url }, `ShopDesk is listening on ${server.url}`);
      const shutdown = (signal: string) => {
        server.app.log.info({ signal }, 'signal received');
        server.close().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    });
}
