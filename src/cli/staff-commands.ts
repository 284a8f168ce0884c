/** `shopdesk staff add | list`: staff accounts for the agent console and the dashboard. */
import type { Command } from 'commander';
import { z } from 'zod';
import { loadConfig } from '../config';
import { migrateDatabase, openDatabase } from '../store';
import { hashPassword, MIN_PASSWORD_LENGTH, STAFF_ROLES } from '../support';

const addSchema = z.object({
  email: z.string().trim().toLowerCase().email(),
  name: z.string().trim().min(1).max(100),
  role: z.enum(STAFF_ROLES),
  skills: z.string().regex(/^[a-z_*,]*$/, 'comma-separated queue names, or *'),
});

async function readPasswordFromStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

export function registerStaffCommands(program: Command): void {
  const staff = program.command('staff').description('staff accounts (agents, merchandisers, admins)');

  staff
    .command('add')
    .description(`create or update a staff account; the password (>= ${MIN_PASSWORD_LENGTH} characters) is read from stdin, never from the command line`)
    .requiredOption('--email <email>')
    .requiredOption('--name <name>')
    .option('--role <role>', STAFF_ROLES.join(' | '), 'agent')
    .option('--skills <queues>', 'queues the agent works, comma separated, or * for all', '*')
    .action(async (options: Record<string, string>) => {
      const parsed = addSchema.safeParse(options);
      if (!parsed.success) throw new Error(`${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
      const password = await readPasswordFromStdin();
      const passwordHash = await hashPassword(password);
      const config = loadConfig();
      await migrateDatabase(config.databaseUrl);
      const database = openDatabase(config.databaseUrl);
      try {
        const { email, ...rest } = parsed.data;
        const agent = await database.prisma.agent.upsert({ where: { email }, create: { email, ...rest, passwordHash }, update: { ...rest, passwordHash } });
        // A changed password ends the account's open sessions.
        await database.prisma.agentSession.deleteMany({ where: { agentId: agent.id } });
        process.stdout.write(`staff ${agent.email} (${agent.role}) saved\n`);
      } finally {
        await database.close();
      }
    });

  staff
    .command('list')
    .description('list staff accounts')
    .action(async () => {
      const config = loadConfig();
      const database = openDatabase(config.databaseUrl);
      try {
        const rows = await database.prisma.agent.findMany({ orderBy: { id: 'asc' }, select: { email: true, name: true, role: true, skills: true, online: true } });
        for (const row of rows) process.stdout.write(`${row.email}\t${row.role}\t${row.skills || '-'}\t${row.online ? 'online' : 'offline'}\t${row.name}\n`);
      } finally {
        await database.close();
      }
    });
}
