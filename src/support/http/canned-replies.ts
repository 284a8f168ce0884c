/** Canned replies for agents, from a store-editable YAML file (validated; errors name the file). */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';

export const DEFAULT_CANNED_REPLIES = path.resolve(__dirname, '../../../config/canned-replies.yml');

const schema = z.array(z.object({ title: z.string().trim().min(1).max(80), text: z.string().trim().min(1).max(2000) })).max(200);
export type CannedReply = z.infer<typeof schema>[number];

export function loadCannedReplies(file: string = DEFAULT_CANNED_REPLIES): CannedReply[] {
  const parsed = schema.safeParse(YAML.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}
