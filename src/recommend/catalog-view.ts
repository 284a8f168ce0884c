/**
 * A trained model served against the store's catalogue as it is now, not as
 * it was at training time. Products the model has never seen (created after
 * training, or an id reused for another product) have no model index, so the
 * collaborative models cannot score them: they come in through the content
 * model (same features as training, see content-index.ts), either in the
 * cold-start slots or, when the product being looked at is itself unknown to
 * the model, as the whole "more like this" answer. Products the store no
 * longer sells are never returned.
 */
import { RecommendInputError, RecommendModelError } from './errors';
import type { HybridRecommender } from './hybrid';
import { ContentIndex } from './models/content-index';
import { reasonText } from './reasons';
import type { Item, Recommendation, RecommendQuery } from './types';

/** How the model's catalogue lines up with the store's. */
export interface CatalogFit {
  /** Store products the model knows: same id, same title. */
  known: number;
  /** Store products the model has never seen (served by content similarity), `changed` included. */
  fresh: number;
  /** Store ids the model knows as another product (another title). */
  changed: number;
  /** Model items the store no longer sells under their id and title: never returned. */
  retired: number;
  /** False when the model looks trained on another catalogue: then it must not serve this store. */
  matches: boolean;
}

export interface CatalogRecommenderOptions {
  /**
   * Largest share of `changed` among the ids both catalogues hold for the model
   * to still count as this store's. Default 0.1: a few renamed products are
   * normal; many mean another store (or a reseeded one), where the model's
   * shopper ids would name other people and its items other products.
   */
  maxChangedShare?: number;
}

interface Anchor {
  /** Position in the store catalogue. */
  item: number;
  weight: number;
}

/**
 * The hybrid for one catalogue read; LiveRecommender keeps one per catalogue.
 * @example
 *   const view = new CatalogRecommender(model, storeItems(products));
 *   if (view.fit.matches) view.recommend({ seedItem: '42', sessionItems: ['7'], k: 4 });
 */
export class CatalogRecommender {
  readonly fit: CatalogFit;
  private readonly position = new Map<string, number>();
  /** Store position -> model index, -1 for products the model has never seen. */
  private readonly modelIndex: Int32Array;
  /** Model index -> 1 when the store sells that very product. */
  private readonly servable: Uint8Array;
  private readonly freshItems: number[] = [];
  private contentIndex?: ContentIndex;
  private scratch?: Float64Array;

  /** @throws RecommendInputError when two items share an id. */
  constructor(
    readonly model: HybridRecommender,
    private readonly items: readonly Item[],
    { maxChangedShare = 0.1 }: CatalogRecommenderOptions = {},
  ) {
    this.modelIndex = new Int32Array(items.length);
    this.servable = new Uint8Array(model.itemCount);
    let changed = 0;
    items.forEach((item, i) => {
      if (this.position.has(item.id)) throw new RecommendInputError(`item id ${item.id} appears twice in the catalogue`);
      this.position.set(item.id, i);
      const m = model.itemIndex(item.id);
      if (m !== undefined && model.state.catalog.titles[m] === item.title) {
        this.modelIndex[i] = m;
        this.servable[m] = 1;
      } else {
        this.modelIndex[i] = -1;
        this.freshItems.push(i);
        if (m !== undefined) changed++;
      }
    });
    const known = items.length - this.freshItems.length;
    this.fit = {
      known,
      fresh: this.freshItems.length,
      changed,
      retired: model.itemCount - known,
      matches: known > 0 && changed <= maxChangedShare * (known + changed),
    };
  }

  /** Whether the model knows this store product (the same product, not just the same id). */
  knows(id: string): boolean {
    const i = this.position.get(id);
    return i !== undefined && this.modelIndex[i]! >= 0;
  }

  /**
   * The hybrid's answer for the store as it is: the model's picks among the
   * products still sold, plus products it has never seen that look like the
   * seed (or, without a seed, like the session's recent items).
   * `score` of such a product is its content similarity, not a blend score.
   * @throws RecommendModelError when the model does not match this catalogue (`fit.matches` false).
   * @throws RecommendInputError for an invalid k, excludeSeen or maxPriceCents.
   * @example view.recommend({ seedItem: '1207', sessionItems: ['3', '17'], k: 4 })
   */
  recommend(query: RecommendQuery): Recommendation[] {
    if (!this.fit.matches) {
      const { known, changed } = this.fit;
      throw new RecommendModelError(
        `the recommender model knows ${known} of the store's ${this.items.length} products and ${changed} of its ids as other products: ` +
          'it was trained on another catalogue (retrain it with `shopdesk recommend train`)',
      );
    }
    const known = (id: string) => this.knows(id);
    const picks = this.model.recommend(
      {
        ...query,
        sessionItems: query.sessionItems?.filter(known),
        seedItem: query.seedItem !== undefined && known(query.seedItem) ? query.seedItem : undefined,
        exclude: query.exclude?.filter(known),
      },
      this.servable,
    );
    const anchors = this.anchorsOf(query);
    if (anchors.length === 0) return picks;
    // When the model knows none of what the shopper is looking at, content similarity is all there is to go on.
    const unknownToModel = anchors.every((a) => this.modelIndex[a.item]! < 0);
    const pool = unknownToModel ? this.items.keys() : this.freshItems.values();
    const slots = unknownToModel ? query.k : this.model.state.config.coldStart.slots;
    const similar = this.similar(anchors, pool, slots, this.allowed(query));
    if (similar.length === 0) return picks;
    const taken = new Set(similar.map((r) => r.item));
    const rest = picks.filter((p) => !taken.has(p.item));
    return unknownToModel ? [...similar, ...rest].slice(0, query.k) : [...rest.slice(0, Math.max(0, query.k - similar.length)), ...similar];
  }

  /** The seed, else the session's most recent items (newest first, decaying like the content model's history). */
  private anchorsOf(query: RecommendQuery): Anchor[] {
    const seed = query.seedItem === undefined ? undefined : this.position.get(query.seedItem);
    if (seed !== undefined) return [{ item: seed, weight: 1 }];
    const { historyWindow, decay } = this.model.state.config.content;
    const anchors: Anchor[] = [];
    const session = query.sessionItems ?? [];
    for (let p = session.length - 1; p >= 0 && anchors.length < historyWindow; p--) {
      const i = this.position.get(session[p]!);
      if (i !== undefined && !anchors.some((a) => a.item === i)) anchors.push({ item: i, weight: decay ** anchors.length });
    }
    return anchors;
  }

  private allowed(query: RecommendQuery): (i: number) => boolean {
    const excluded = new Set(query.exclude ?? []);
    if (query.seedItem !== undefined) excluded.add(query.seedItem);
    if ((query.excludeSeen ?? 'all') === 'all') for (const id of query.sessionItems ?? []) excluded.add(id);
    const category = query.category?.trim().toLowerCase();
    const maxPrice = query.maxPriceCents;
    return (i) => {
      const item = this.items[i]!;
      return (
        !excluded.has(item.id) &&
        (category === undefined || item.category.trim().toLowerCase() === category) &&
        (maxPrice === undefined || item.priceCents === undefined || !(item.priceCents > maxPrice))
      );
    };
  }

  /** Up to `slots` allowed pool items at least coldStart.minSimilarity like an anchor, most similar first. */
  private similar(anchors: readonly Anchor[], pool: Iterable<number>, slots: number, allowed: (i: number) => boolean): Recommendation[] {
    const isAnchor = new Set(anchors.map((a) => a.item));
    const candidates = slots > 0 ? [...pool].filter((c) => !isAnchor.has(c) && allowed(c)) : [];
    // A catalogue the model fully knows never pays for the content index.
    if (candidates.length === 0) return [];
    this.contentIndex ??= new ContentIndex(this.items);
    const n = this.items.length;
    this.scratch ??= new Float64Array(n);
    const best = new Float64Array(n);
    const bestAnchor = new Int32Array(n).fill(-1);
    for (const anchor of anchors) {
      this.scratch.fill(0);
      this.contentIndex.accumulate(anchor.item, anchor.weight, this.scratch);
      for (const c of candidates) {
        if (this.scratch[c]! > best[c]!) {
          best[c] = this.scratch[c]!;
          bestAnchor[c] = anchor.item;
        }
      }
    }
    const { minSimilarity } = this.model.state.config.coldStart;
    return candidates
      .filter((c) => bestAnchor[c]! >= 0 && best[c]! >= minSimilarity)
      .sort((a, b) => best[b]! - best[a]! || a - b)
      .slice(0, slots)
      .map((c) => {
        const item = this.items[c]!;
        return { item: item.id, score: best[c]!, reason: reasonText('content', this.items[bestAnchor[c]!]!.title, item.category), source: 'content' as const };
      });
  }
}
