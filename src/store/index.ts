/** Data layer: Prisma client factory, migrations, demo-store seeding. */
export { openDatabase, type Database, type Db } from './client';
export { migrateDatabase, listMigrations, MigrationError, type MigrateResult } from './migrate';
export { seedDatabase, countStore, type SeedOptions, type SeedProgress, type SeedResult } from './seed';
export { DEMO_PERSONAS, ORDER_STATUSES, CATEGORIES } from './demo-store';
export { DatabaseLifecycle, type DatabaseState, type DatabaseLifecycleOptions } from './lifecycle';
export { ConversationStore, type StoredMessage, type NewMessage } from './conversations';
