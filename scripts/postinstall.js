#!/usr/bin/env node
// Runs after `npm install` / `npm ci`: derives the PostgreSQL schema and
// generates both Prisma clients (TypeScript query compiler, no engine download).
'use strict';
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const root = path.join(__dirname, '..');
const prisma = path.join(root, 'node_modules', 'prisma', 'build', 'index.js');
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1', SHOPDESK_PG_SCHEMA_URL: 'postgresql://localhost/shopdesk' };

execFileSync(process.execPath, [path.join(__dirname, 'prisma-schemas.js')], { stdio: 'inherit', cwd: root });
for (const schema of ['prisma/schema.prisma', 'prisma/postgresql/schema.prisma']) {
  execFileSync(process.execPath, [prisma, 'generate', '--no-hints', '--schema', schema], { stdio: 'inherit', cwd: root, env });
}

// The chat widget bundle (esbuild comes with tsx, a runtime dependency).
execFileSync(process.execPath, [path.join(__dirname, 'build-widget.js')], { stdio: 'inherit', cwd: root });
