/**
 * Reviews from the store as the sentiment report's plain records. The
 * sentiment module never touches the database (ml-stays-pure), so both the
 * dashboard and `shopdesk sentiment report` read the store through here.
 */
import type { ReviewRecord } from '../../sentiment';
import type { Db } from '../../store';

/** Rows per query: the embedded SQLite driver runs each query on the main thread, so one 24,000-row read would hold the event loop for half a second. */
const PAGE_SIZE = 1000;

/**
 * Every review with its product's title, category and brand, oldest id first, read in pages by id.
 * @example
 *   const reviews = await loadReviewRecords(database.prisma);
 *   buildSentimentReport(reviews, loadSentimentModel());
 */
export async function loadReviewRecords(db: Db, pageSize = PAGE_SIZE): Promise<ReviewRecord[]> {
  const records: ReviewRecord[] = [];
  let afterId = 0;
  for (;;) {
    const rows = await db.review.findMany({
      where: { id: { gt: afterId } },
      select: { id: true, productId: true, rating: true, text: true, createdAt: true, product: { select: { title: true, category: true, brand: true } } },
      orderBy: { id: 'asc' },
      take: pageSize,
    });
    for (const r of rows) {
      records.push({
        id: r.id,
        productId: r.productId,
        productTitle: r.product.title,
        category: r.product.category,
        brand: r.product.brand,
        rating: r.rating,
        text: r.text,
        createdAt: new Date(r.createdAt),
      });
    }
    if (rows.length < pageSize) return records;
    afterId = rows.at(-1)!.id;
    // Let other requests in between pages (the driver may have held the loop for the whole query).
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/**
 * A cheap fingerprint of the review table (count, newest id, newest date): it changes when reviews are
 * added or deleted, so cached scores are rebuilt. Edits in place are caught by the cache's age limit.
 */
export async function reviewsVersion(db: Db): Promise<string> {
  const stats = await db.review.aggregate({ _count: { _all: true }, _max: { id: true, createdAt: true } });
  const newest = stats._max.createdAt ? new Date(stats._max.createdAt).getTime() : 0;
  return `${stats._count._all}:${stats._max.id ?? 0}:${newest}`;
}
