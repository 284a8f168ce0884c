/**
 * One policy for overlapping entities, used both inside the rule extractor
 * and when rule entities meet the learned extractor's: prefer the longer
 * span, then the higher confidence; on a full tie, structured rule entities
 * (emails, phones, money, dates, order ids) win because a pattern that
 * matched them is more reliable than a statistical guess.
 */

/** The minimum an entity needs for overlap resolution. */
export interface SpanLike {
  start: number;
  end: number;
  confidence: number;
}

const STRUCTURED_EXTRACTORS = new Set(['email', 'phone', 'money', 'date', 'order_id']);
const STRUCTURED_ENTITIES = new Set(['email', 'phone', 'amount', 'date', 'order_id', 'invoice_id']);

/** True for entities of a structured type, judged by `extractor` or else `entity` when present. */
export function isStructured(item: object): boolean {
  const { extractor, entity } = item as {
    extractor?: unknown;
    entity?: unknown;
  };
  if (typeof extractor === 'string') return STRUCTURED_EXTRACTORS.has(extractor);
  return typeof entity === 'string' && STRUCTURED_ENTITIES.has(entity);
}

/**
 * Keeps a non-overlapping subset of `items`, sorted by start. Candidates are
 * taken greedily: longer first, then higher confidence, then lower `rank`
 * (the caller's tie-break), then earlier start, then input order.
 * Empty or inverted spans are dropped.
 */
export function resolveOverlaps<T extends SpanLike>(items: T[], rank: (item: T) => number): T[] {
  const order = items
    .map((item, index) => ({ item, index, rank: rank(item) }))
    .filter(({ item }) => item.end > item.start)
    .sort(
      (a, b) =>
        b.item.end - b.item.start - (a.item.end - a.item.start) ||
        b.item.confidence - a.item.confidence ||
        a.rank - b.rank ||
        a.item.start - b.item.start ||
        a.index - b.index,
    );
  const kept: T[] = [];
  for (const { item } of order) {
    if (kept.every((k) => k.end <= item.start || k.start >= item.end)) kept.push(item);
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Merges rule entities with learned (model) entities into a non-overlapping
 * list sorted by start. On overlap the longer span wins, then the higher
 * confidence; on a full tie a structured rule entity beats the learned one,
 * and the learned one beats an unstructured rule entity (lookups, sizes...).
 * With `learnedTypes` (the entity types the model was trained on), rule
 * entities of other types do not compete: they only fill gaps the learned and
 * competing rule entities leave. Data annotated with its own schema (a "date"
 * split into month and day number) keeps its spans where the date rule would
 * have swallowed them.
 */
export function mergeEntities<T extends SpanLike & { entity: string }>(ruleEntities: T[], learned: T[], learnedTypes?: ReadonlySet<string>): T[] {
  const competing: T[] = [];
  const foreign: T[] = [];
  for (const e of ruleEntities) (!learnedTypes || learnedTypes.has(e.entity) ? competing : foreign).push(e);
  const origin = new Map<T, number>();
  for (const e of learned) origin.set(e, 1);
  for (const e of competing) origin.set(e, isStructured(e) ? 0 : 2);
  const merged = resolveOverlaps([...competing, ...learned], (e) => origin.get(e) ?? 1);
  if (foreign.length === 0) return merged;
  const gaps = resolveOverlaps(foreign, () => 0).filter((e) => merged.every((k) => k.end <= e.start || k.start >= e.end));
  return [...merged, ...gaps].sort((a, b) => a.start - b.start || a.end - b.end);
}
