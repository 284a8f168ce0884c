#!/usr/bin/env node
// The `shopdesk` command. TypeScript sources run directly through tsx (esbuild,
// cached), so there is no build step to forget and no stale dist/ to debug.
'use strict';
process.env.DOTENV_CONFIG_QUIET ??= 'true';
require('tsx/cjs');
require('../src/cli/main.ts').main(process.argv).catch((error) => {
  process.stderr.write(`shopdesk: ${error && error.message ? error.message : error}\n`);
  process.exitCode = 1;
});
