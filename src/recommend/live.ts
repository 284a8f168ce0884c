/**
 * Keeps a trained model in step with the store: reads the catalogue through
 * an injected loader (this module never touches the database), at most once
 * per `ttlMs`, and serves a CatalogRecommender for it. An unchanged catalogue
 * keeps its view, so the content index of new products is built once, not
 * once a minute.
 */
import { createHash } from 'node:crypto';
import { CatalogRecommender, type CatalogFit, type CatalogRecommenderOptions } from './catalog-view';
import type { HybridRecommender } from './hybrid';
import type { Item } from './types';

export interface LiveRecommenderOptions extends CatalogRecommenderOptions {
  /** The store's catalogue now, e.g. `storeItems(await db.product.findMany(...))`. */
  loadItems: () => Promise<readonly Item[]>;
  /** How long a catalogue read is served before the next one. Default 60 s: new products show up within a minute. */
  ttlMs?: number;
  /** Called with the fit each time the catalogue has changed (the first read included), e.g. to log it. */
  onCatalog?: (fit: CatalogFit) => void;
}

interface Loaded {
  signature: string;
  view: CatalogRecommender;
}

function signatureOf(items: readonly Item[]): string {
  const hash = createHash('sha1');
  for (const i of items) hash.update(`${i.id}\t${i.title}\t${i.category}\t${i.priceCents ?? ''}\t${i.text}\n`);
  return hash.digest('hex');
}

/**
 * The recommender the product uses: one per process, shared by the chat tool and the storefront.
 * @example
 *   const live = new LiveRecommender(await loadRecommender(dir), { loadItems: async () => storeItems(await db.product.findMany()) });
 *   const view = await live.current();
 *   if (view) view.recommend({ seedItem: '42', k: 4 });
 */
export class LiveRecommender {
  private cached?: { at: number; loaded: Promise<Loaded> };

  constructor(
    readonly model: HybridRecommender,
    private readonly options: LiveRecommenderOptions,
  ) {}

  /**
   * The model served against the current catalogue, or null when the model was
   * trained on another catalogue (CatalogFit.matches false): callers then fall
   * back, they must not serve its answers.
   * @throws whatever `loadItems` throws (a failed read is not cached).
   */
  async current(): Promise<CatalogRecommender | null> {
    const { view } = await this.load();
    return view.fit.matches ? view : null;
  }

  /** The next current() reads the catalogue again (after catalogue edits, or in tests); an unchanged one keeps its view. */
  invalidate(): void {
    if (this.cached) this.cached = { ...this.cached, at: Number.NEGATIVE_INFINITY };
  }

  private load(): Promise<Loaded> {
    const now = Date.now();
    const { ttlMs = 60_000 } = this.options;
    if (this.cached && now - this.cached.at < ttlMs) return this.cached.loaded;
    const previous = this.cached?.loaded;
    const loaded = this.read(previous);
    this.cached = { at: now, loaded };
    loaded.catch(() => {
      if (this.cached?.loaded === loaded) this.cached = undefined;
    });
    return loaded;
  }

  private async read(previous: Promise<Loaded> | undefined): Promise<Loaded> {
    const items = await this.options.loadItems();
    const signature = signatureOf(items);
    const before = await previous?.catch(() => undefined);
    if (before?.signature === signature) return before;
    const view = new CatalogRecommender(this.model, items, this.options);
    this.options.onCatalog?.(view.fit);
    return { signature, view };
  }
}
