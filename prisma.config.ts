import { PrismaLibSQL } from '@prisma/adapter-libsql';
import { defineConfig } from 'prisma/config';

// Prisma 6 with the TypeScript query compiler and a driver adapter: no native
// engine binary is downloaded, which is what lets the project install on
// machines that reach nothing but the npm registry. The CLI is only used by
// developers to write migrations (`migrate diff`); at run time ShopDesk applies
// the committed SQL itself (src/store/migrate.ts) on SQLite and PostgreSQL alike.
export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'prisma/schema.prisma',
  adapter: async () => new PrismaLibSQL({ url: process.env.SHOPDESK_PRISMA_CLI_URL ?? 'file:./prisma/cli.db' }),
} as Parameters<typeof defineConfig>[0]);
