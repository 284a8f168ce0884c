/** `shopdesk test stories`: runs the conversation stories against the shipped model and a fresh demo store. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { buildAssistant } from '../assistant';
import { loadNluModel, DEFAULT_NLU_MODEL_DIR } from '../nlu';
import type { Assistant } from '../assistant';
import { loadStories, runStory, type Story, type StoryResult } from '../dialogue/stories';
import { migrateDatabase, openDatabase, seedDatabase } from '../store';
import { createLogger } from '../util/logger';

export const DEFAULT_STORIES_DIR = path.resolve(__dirname, '../../test/stories');

/**
 * The day the stories' demo store is generated for, and the clock their assistant runs on.
 * The generated store depends on its reference day (order dates follow the store's seasons),
 * and stories name its customers, orders and products: with today's date they would pass on
 * the day they were written and fail on another.
 */
export const STORY_REFERENCE_DATE = new Date('2026-11-23T00:00:00.000Z');
export const storyClock = (): Date => new Date(STORY_REFERENCE_DATE.getTime() + 12 * 3_600_000);
const STORY_STORE_SCALE = 0.05;

/** Seeds the stories' demo store (small, for STORY_REFERENCE_DATE). */
export function seedStoryStore(databaseUrl: string, options: { scale?: number; reset?: boolean } = {}): ReturnType<typeof seedDatabase> {
  return seedDatabase(databaseUrl, { scale: options.scale ?? STORY_STORE_SCALE, reset: options.reset ?? false, referenceDate: STORY_REFERENCE_DATE });
}

/**
 * Runs stories in order against one assistant: each story gets a new conversation, and each
 * story file a freshly reseeded store (stories cancel orders and start returns). Shared by the
 * CLI and the jest suite.
 */
export function createStoryRunner(assistant: Assistant, databaseUrl: string, scale = STORY_STORE_SCALE): (story: Story) => Promise<StoryResult> {
  let seededFor: string | undefined;
  return async (story) => {
    if (seededFor !== undefined && seededFor !== story.file) await seedStoryStore(databaseUrl, { scale, reset: true });
    seededFor = story.file;
    return runStory(story, {
      engine: assistant.engine,
      newConversation: async () => {
        const id = crypto.randomUUID();
        await assistant.conversations.create(id, 'test');
        return id;
      },
    });
  };
}

export function registerTestCommands(program: Command): void {
  const test = program.command('test').description('conversation tests');
  test
    .command('stories')
    .description('run YAML stories (user turns + expected intents, tool calls and replies)')
    .option('--stories <path>', 'story file or folder', DEFAULT_STORIES_DIR)
    .option('--model <dir>', 'NLU model folder', DEFAULT_NLU_MODEL_DIR)
    .option('--verbose', 'print every transcript', false)
    .action(async (options: { stories: string; model: string; verbose: boolean }) => {
      const stories = loadStories(options.stories);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopdesk-stories-'));
      const url = `file:${path.join(dir, 'stories.db')}`;
      try {
        await migrateDatabase(url);
        await seedStoryStore(url);
        const database = openDatabase(url);
        const assistant = await buildAssistant(await loadNluModel(options.model), database.prisma, createLogger('silent'), { now: storyClock });
        let failed = 0;
        const run = createStoryRunner(assistant, url);
        for (const story of stories) {
          const result = await run(story);
          if (!result.passed) failed += 1;
          process.stdout.write(`${result.passed ? 'PASS' : 'FAIL'} ${result.story} (${path.basename(result.file)})\n`);
          if (!result.passed || options.verbose) process.stdout.write(`${[...result.failures.map((f) => `  ✗ ${f}`), ...result.transcript.map((t) => `    ${t}`)].join('\n')}\n`);
        }
        process.stdout.write(`stories: ${stories.length - failed} passed, ${failed} failed\n`);
        if (failed > 0) process.exitCode = 1;
        assistant.nlu.dispose();
        await database.close();
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
}
