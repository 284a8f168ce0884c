/**
 * store_policy: answers policy questions (shipping, returns, ...) from
 * intents/store-policy.yml, so the wording is edited as content, not code.
 * The file is read once and validated: a missing topic is an error at the
 * first question, not an empty answer.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { RichPart } from '../dialogue/reply';
import type { Tool, ToolContext, ToolOutcome } from './types';

/** Topics the policy file must answer. */
export const POLICY_TOPICS = ['shipping', 'payment', 'returns', 'refunds', 'cancellation', 'account', 'invoice', 'contact'] as const;
/** One of POLICY_TOPICS. */
export type PolicyTopic = (typeof POLICY_TOPICS)[number];

/** The shipped policy file (src/tools -> repository root). */
export const DEFAULT_POLICY_FILE = path.resolve(__dirname, '../../intents/store-policy.yml');

const entry = z.object({ answer: z.string().trim().min(20), link: z.string().trim().min(1).optional() });
const policySchema = z.object(Object.fromEntries(POLICY_TOPICS.map((t) => [t, entry])) as Record<PolicyTopic, typeof entry>);
/** The validated policy file: an answer (and maybe a link) per topic. */
export type StorePolicies = z.infer<typeof policySchema>;

const loaded = new Map<string, StorePolicies>();

/** Reads and validates a policy file (cached per path). @throws on a missing file or topic. */
export function loadStorePolicies(file: string = DEFAULT_POLICY_FILE): StorePolicies {
  let policies = loaded.get(file);
  if (!policies) {
    const result = policySchema.safeParse(parse(fs.readFileSync(file, 'utf8')));
    if (!result.success) throw new Error(`${file}: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    policies = result.data;
    loaded.set(file, policies);
  }
  return policies;
}

const input = z.object({ topic: z.enum(POLICY_TOPICS) });

/** The store_policy tool reading `file`. */
export function createStorePolicyTool(file: string = DEFAULT_POLICY_FILE): Tool<typeof input> {
  return {
    name: 'store_policy',
    description: `Store policy answer for one topic: ${POLICY_TOPICS.join(', ')}.`,
    input,
    requiresVerifiedCustomer: false,
    async run(args: z.infer<typeof input>, _context: ToolContext): Promise<ToolOutcome> {
      const policy = loadStorePolicies(file)[args.topic];
      const parts: RichPart[] = policy.link ? [{ type: 'link', url: policy.link, title: `More about ${args.topic}` }] : [];
      return { status: 'ok', data: { topic: args.topic, answer: policy.answer, link: policy.link ?? null }, reply: { parts } };
    },
  };
}
