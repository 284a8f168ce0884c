/** A stable fingerprint of a training set, recorded in meta.json so a model says exactly what it saw. */
import crypto from 'node:crypto';
import type { LabelledText } from '../types';

/** sha256 over the examples (text, label, target, domain) in order. */
export function hashExamples(examples: readonly LabelledText[]): string {
  const hash = crypto.createHash('sha256');
  for (const e of examples) hash.update(`${e.text}\u0000${e.label}\u0000${e.target ?? ''}\u0000${e.domain ?? ''}\n`);
  return `sha256:${hash.digest('hex')}`;
}
