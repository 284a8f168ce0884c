/**
 * Runs every conversation story in test/stories against the shipped NLU model,
 * the real tools and a freshly seeded demo store (the same as `shopdesk test stories`).
 */
import { buildAssistant, type Assistant } from '../../src/assistant';
import { loadStories } from '../../src/dialogue/stories';
import { loadNluModel } from '../../src/nlu';
import { migrateDatabase, openDatabase, type Database } from '../../src/store';
import { createStoryRunner, DEFAULT_STORIES_DIR, seedStoryStore, storyClock } from '../../src/cli/test-commands';
import { createLogger } from '../../src/util/logger';
import { tempSqliteUrl } from '../helpers/databases';

const stories = loadStories(DEFAULT_STORIES_DIR);
const db = tempSqliteUrl('shopdesk-stories');
let database: Database;
let assistant: Assistant;

beforeAll(async () => {
  await migrateDatabase(db.url);
  await seedStoryStore(db.url);
  database = openDatabase(db.url);
  assistant = await buildAssistant(await loadNluModel(), database.prisma, createLogger('silent'), { now: storyClock });
}, 120_000);

let runner: ReturnType<typeof createStoryRunner> | undefined;
const createStoryRunnerOnce = () => (runner ??= createStoryRunner(assistant, db.url));

afterAll(async () => {
  assistant?.nlu.dispose();
  await database?.close();
  await db.drop();
});

test('there are stories to run', () => {
  expect(stories.length).toBeGreaterThan(0);
});

test.each(stories.map((s) => [s.story, s] as const))('story: %s', async (_name, story) => {
  const result = await createStoryRunnerOnce()(story);
  if (!result.passed) throw new Error(`${result.failures.join('\n')}\n\nTranscript:\n${result.transcript.join('\n')}`);
});
