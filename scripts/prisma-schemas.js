#!/usr/bin/env node
// Derives the PostgreSQL schema from prisma/schema.prisma (the SQLite one, the
// single source of truth) so the two can never drift: only the datasource
// provider/url and the client output folder differ.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const source = fs.readFileSync(path.join(root, 'prisma/schema.prisma'), 'utf8');

function postgresSchema(text) {
  const out = text
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('url      = "file:./dev.db"', 'url      = env("SHOPDESK_PG_SCHEMA_URL")')
    .replace('../node_modules/.prisma/shopdesk-sqlite', '../../node_modules/.prisma/shopdesk-postgresql');
  return `// GENERATED from prisma/schema.prisma by scripts/prisma-schemas.js. Do not edit.\n${out}`;
}

const target = path.join(root, 'prisma/postgresql/schema.prisma');
fs.mkdirSync(path.dirname(target), { recursive: true });
const wanted = postgresSchema(source);
if (process.argv.includes('--check')) {
  const actual = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
  if (actual !== wanted) {
    console.error('prisma/postgresql/schema.prisma is stale: run `node scripts/prisma-schemas.js`');
    process.exit(1);
  }
} else {
  fs.writeFileSync(target, wanted);
}
module.exports = { postgresSchema };
