/**
 * Email addresses. Deliberately simple (local@domain.tld): shoppers type
 * ordinary addresses, and the lookbehind keeps the scan linear on junk input.
 */
import { matchesOf } from './patterns';
import type { RuleContext, RuleEntity } from './types';

const EMAIL =
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,24}(?![\p{L}\p{N}@])/gu;

/** Emails; the value is the address lower-cased (addresses are matched case-insensitively). */
export function extractEmails({ text }: RuleContext): RuleEntity[] {
  const out: RuleEntity[] = [];
  for (const m of matchesOf(EMAIL, text)) {
    const address = m[0].replace(/^\.+/, '');
    const start = m.index + (m[0].length - address.length);
    out.push({
      entity: 'email',
      value: address.toLowerCase(),
      text: address,
      start,
      end: start + address.length,
      confidence: 1,
      extractor: 'email',
    });
  }
  return out;
}
