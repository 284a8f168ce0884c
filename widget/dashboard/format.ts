/** Number formats and storefront links for the dashboard views. */
import { safeUrl } from '../src/dom';
import type { DashboardView } from '../../src/web/dashboard/wire';

export const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
export const count = (n: number) => n.toLocaleString('en-US');
export const stars = (n: number) => '★'.repeat(Math.max(0, Math.min(5, Math.round(n)))) + '☆'.repeat(5 - Math.max(0, Math.min(5, Math.round(n))));

/** Shares of a distribution (0 when it is empty). */
export function sharesOf(d: { reviews: number; negative: number; neutral: number; positive: number }) {
  const n = d.reviews || 1;
  return { negative: d.negative / n, neutral: d.neutral / n, positive: d.positive / n };
}

function fill(template: string, ids: Record<string, number>): string | undefined {
  return safeUrl(template.replace(/\{(productId|reviewId)\}/g, (_, key: string) => String(ids[key] ?? '')));
}

/** Builds the storefront links from the server's templates. */
export function linker(links: DashboardView['links']) {
  return {
    product: (productId: number) => fill(links.product, { productId }),
    review: (productId: number, reviewId: number) => fill(links.review, { productId, reviewId }),
  };
}
export type Linker = ReturnType<typeof linker>;
