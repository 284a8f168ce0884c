/**
 * The agent console's page: a static shell; the console script signs in and
 * renders everything through the support API. No data is embedded, so the
 * page itself needs no session.
 */
import type { FastifyInstance } from 'fastify';

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>ShopDesk agent console</title>
<link rel="stylesheet" href="/static/console.css">
</head>
<body>
<div id="console"></div>
<script src="/static/console.js"></script>
</body>
</html>`;

export function registerConsolePage(app: FastifyInstance): void {
  app.get('/console', async (_request, reply) =>
    reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      // The console talks only to this server; framing is refused (clickjacking on agent actions).
      .header('content-security-policy', "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; frame-ancestors 'none'")
      .send(PAGE),
  );
}
