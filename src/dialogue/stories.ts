/**
 * Conversation tests ("stories"): YAML files of user turns with what must
 * happen on each turn (intent, tools called, reply parts, reply text). Run by
 * `shopdesk test stories` and by the jest suite.
 *
 * stories:
 *   - story: track an order after verification
 *     session_customer: 1            # optional: start as a logged-in shopper
 *     steps:
 *       - user: where is my order #48213?
 *         intent: track_order        # the NLU's intent
 *         handled_by: ask:email      # the engine's route (flow name, ask:<slot>, fallback:..., follow_up:...)
 *         tools: []                  # tool calls of this turn, in order (exact)
 *         tool_status: {}            # e.g. { verify_identity: refused }
 *         parts: []                  # rich part types that must appear
 *         says: email                # text(s) the replies must contain (case-insensitive)
 *         not_says: ...              # text(s) that must not appear
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import type { DialogueEngine } from './engine';

const oneOrMany = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v]));

const stepSchema = z
  .object({
    user: z.string(),
    intent: z.string().optional(),
    handled_by: z.string().optional(),
    tools: z.array(z.string()).optional(),
    tool_status: z.record(z.string(), z.string()).optional(),
    parts: z.array(z.string()).optional(),
    says: oneOrMany.optional(),
    not_says: oneOrMany.optional(),
  })
  .strict();

const storySchema = z
  .object({
    story: z.string(),
    session_customer: z.number().int().optional(),
    steps: z.array(stepSchema).min(1),
  })
  .strict();

const fileSchema = z.object({ stories: z.array(storySchema) }).strict();

export type Story = z.infer<typeof storySchema> & { file: string };

export function loadStories(fileOrDir: string): Story[] {
  const files = fs.statSync(fileOrDir).isDirectory()
    ? fs.readdirSync(fileOrDir).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => path.join(fileOrDir, f))
    : [fileOrDir];
  return files.flatMap((file) => {
    const parsed = fileSchema.safeParse(YAML.parse(fs.readFileSync(file, 'utf8')));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`${file}: ${issue?.path.join('.')}: ${issue?.message}`);
    }
    return parsed.data.stories.map((s) => ({ ...s, file }));
  });
}

export interface StoryResult {
  story: string;
  file: string;
  passed: boolean;
  /** Problems, each naming the step ("step 2 'yes': expected tools [...]"). */
  failures: string[];
  transcript: string[];
}

export interface StoryRunDeps {
  engine: DialogueEngine;
  /** Creates an empty conversation and returns its id. */
  newConversation(): Promise<string>;
}

export async function runStory(story: Story, deps: StoryRunDeps): Promise<StoryResult> {
  const conversationId = await deps.newConversation();
  const failures: string[] = [];
  const transcript: string[] = [];
  for (const [index, step] of story.steps.entries()) {
    const label = `step ${index + 1} '${step.user}'`;
    const result = await deps.engine.handle(conversationId, step.user, story.session_customer === undefined ? {} : { sessionCustomerId: story.session_customer });
    const text = result.replies.map((r) => r.text).join(' ');
    const partTypes: string[] = result.replies.flatMap((r) => r.parts.map((p) => p.type));
    const tools = result.toolCalls.map((c) => c.name);
    transcript.push(`> ${step.user}  [${result.parse.intent.name} ${result.parse.intent.confidence.toFixed(2)} -> ${result.handledBy}; tools ${tools.join(',') || '-'}]`, ...result.replies.map((r) => `  ${r.text}${r.parts.length ? ` {${r.parts.map((p) => p.type).join(',')}}` : ''}`));
    if (step.intent && result.parse.intent.name !== step.intent) failures.push(`${label}: expected intent ${step.intent}, got ${result.parse.intent.name} (${result.parse.intent.confidence})`);
    if (step.handled_by && result.handledBy !== step.handled_by) failures.push(`${label}: expected handled_by ${step.handled_by}, got ${result.handledBy}`);
    if (step.tools && JSON.stringify(tools) !== JSON.stringify(step.tools)) failures.push(`${label}: expected tools [${step.tools.join(', ')}], got [${tools.join(', ')}]`);
    for (const [tool, status] of Object.entries(step.tool_status ?? {})) {
      const call = result.toolCalls.find((c) => c.name === tool);
      if (call?.status !== status) failures.push(`${label}: expected ${tool} -> ${status}, got ${call?.status ?? 'not called'}`);
    }
    for (const part of step.parts ?? []) if (!partTypes.includes(part)) failures.push(`${label}: expected a ${part} part, got [${partTypes.join(', ')}]`);
    for (const phrase of step.says ?? []) if (!text.toLowerCase().includes(phrase.toLowerCase())) failures.push(`${label}: expected the reply to say "${phrase}", got "${text}"`);
    for (const phrase of step.not_says ?? []) if (text.toLowerCase().includes(phrase.toLowerCase())) failures.push(`${label}: the reply must not say "${phrase}", got "${text}"`);
  }
  return { story: story.story, file: story.file, passed: failures.length === 0, failures, transcript };
}
