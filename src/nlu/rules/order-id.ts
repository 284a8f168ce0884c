/**
 * Order and invoice ids. An order id is only taken where something says it
 * is one: a cue ("order", "order no.", "order number", "#", "ORD-"), or an
 * uppercase letter+digit code in a message that talks about orders. The
 * value is the canonical id without prefix ("#48213" -> "48213",
 * "ORD-7731" -> "7731"); the span keeps "#"/"ORD-" as the training data does.
 */
import { B, E, groupSpan, matchesOf } from './patterns';
import type { RuleContext, RuleEntity } from './types';

interface IdRule {
  re: RegExp;
  entity: 'order_id' | 'invoice_id';
  confidence: number;
  /** Canonical value from the id group, or null to reject the match. */
  canonical: (id: string) => string | null;
  /** Named group whose span is the entity (the rest of the match is the cue). */
  group: string;
  /** Extra condition on the whole message. */
  when?: (text: string) => boolean;
}

const ORDER_CUE = `${B}(?:order|purchase|ord)s?(?![\\p{L}])(?:\\s*(?:no\\.?|nr\\.?|num(?:ber)?\\.?|id|ref(?:erence)?|code)(?![\\p{L}]))?(?:\\s+is)?\\s*:?\\s*`;
/** Words that make a bare code or number in the message likely to be an order id. */
const ORDER_CONTEXT =
  /(?<![\p{L}])(?:order|package|parcel|shipment|ship|deliver|status|track|purchase|refund|return|cancel|money\s+back|invoice|arriv|depot|dispatch)/iu;

const RULES: IdRule[] = [
  // "order 552190", "order no. 77120", "order #48213", "order number A1B2C3"
  {
    re: new RegExp(`${ORDER_CUE}(?<id>#?\\s?[A-Za-z0-9]{4,12})(?![\\p{L}\\p{N}]|-[\\p{L}\\p{N}])`, 'giud'),
    entity: 'order_id',
    confidence: 0.95,
    canonical: orderValue,
    group: 'id',
  },
  // "ORD-7731", "ord_20931" ("ord 77123" is the cue rule above: there the span is the number)
  {
    re: new RegExp(`(?<id>${B}ORD[-_]?(?<code>\\d{4,10}|[A-Z0-9]{4,12}))${E}`, 'giud'),
    entity: 'order_id',
    confidence: 0.95,
    canonical: (id) => (/\d/.test(id) ? id.replace(/^ORD[-_ ]?/i, '').toUpperCase() : null),
    group: 'id',
  },
  // "#12345" on its own
  {
    re: new RegExp(`(?<id>(?<![\\p{L}\\p{N}&#])#\\s?\\d{4,8})${E}`, 'gud'),
    entity: 'order_id',
    confidence: 0.9,
    canonical: (id) => id.replace(/\D/g, ''),
    group: 'id',
  },
  // "A7X9K2" when the message is about an order
  {
    re: new RegExp(`(?<id>(?<![\\p{L}\\p{N}\\-])[A-Z0-9]{6,10})(?![\\p{L}\\p{N}]|-[\\p{L}\\p{N}])`, 'gud'),
    entity: 'order_id',
    confidence: 0.7,
    canonical: (id) => ((id.match(/\d/g) ?? []).length >= 2 && (id.match(/[A-Z]/g) ?? []).length >= 2 ? id : null),
    group: 'id',
    when: (text) => ORDER_CONTEXT.test(text),
  },
  // "cancel 99017", "refund for 330981": a bare 5-8 digit number in a message about orders
  {
    re: new RegExp(`(?<id>(?<![\\p{L}\\p{N}#$€£.,:/\\-])\\d{5,8})(?![\\p{L}\\p{N}%]|[.,:/\\-]\\d)`, 'gud'),
    entity: 'order_id',
    confidence: 0.6,
    canonical: (id) => id,
    group: 'id',
    when: (text) => ORDER_CONTEXT.test(text),
  },
  // "INV-2024-0031"
  {
    re: new RegExp(`(?<id>${B}INV[-_ ]?\\d{2,6}(?:[-_]\\d{2,8})?)${E}`, 'giud'),
    entity: 'invoice_id',
    confidence: 0.95,
    canonical: (id) => 'INV-' + id.replace(/^INV[-_ ]?/i, '').replace(/_/g, '-'),
    group: 'id',
  },
  // "invoice 20240031", "invoice number #5531"
  {
    re: new RegExp(
      `${B}invoice(?:\\s*(?:no\\.?|num(?:ber)?\\.?|id))?\\s*:?\\s*(?<id>#?\\d{4,10})(?![\\p{L}\\p{N}]|-[\\p{L}\\p{N}])`,
      'giud',
    ),
    entity: 'invoice_id',
    confidence: 0.9,
    canonical: (id) => id.replace(/\D/g, ''),
    group: 'id',
  },
];

/** Order ids and invoice ids (entity `invoice_id`, value like "INV-2024-0031"). */
export function extractOrderIds({ text }: RuleContext): RuleEntity[] {
  const out: RuleEntity[] = [];
  for (const rule of RULES) {
    if (rule.when && !rule.when(text)) continue;
    for (const m of matchesOf(rule.re, text)) {
      const [start, end] = groupSpan(m, rule.group);
      const surface = text.slice(start, end);
      const value = rule.canonical(surface);
      if (value === null) continue;
      out.push({
        entity: rule.entity,
        value,
        text: surface,
        start,
        end,
        confidence: rule.confidence,
        extractor: 'order_id',
      });
    }
  }
  return out;
}

/** Digits-only ids are 4-8 long; codes must mix letters and digits ("order status" is not an id). */
function orderValue(surface: string): string | null {
  const id = surface.replace(/^#\s?/, '').replace(/^ORD[-_]?(?=\d)/i, '');
  if (/^\d+$/.test(id)) return id.length <= 8 ? id : null;
  if (!/\d/.test(id) || !/\p{L}/u.test(id) || id.length < 5) return null;
  return id.toUpperCase();
}
