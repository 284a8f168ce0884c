/**
 * Placeholder product pictures: the demo store has no photos, so each product
 * gets a deterministic SVG in its colour with its category's initial, which is
 * enough for product cards to look like a shop.
 */
import { escapeHtml } from '../util/html';

const COLORS: Record<string, string> = {
  black: '#222', white: '#eee', gray: '#888', grey: '#888', silver: '#c0c0c0', red: '#c0392b', blue: '#2e6fd1',
  navy: '#1f2f5c', green: '#2e8b57', olive: '#708238', yellow: '#e8c21a', orange: '#e67e22', pink: '#e89ab5',
  purple: '#7d3c98', brown: '#8b5a2b', beige: '#d9c6a5', tan: '#c8a97e', gold: '#d4af37', teal: '#178f8f',
  burgundy: '#7a1f2b', cream: '#f3ead3', charcoal: '#36454f', khaki: '#b7a76d', coral: '#f08070', ivory: '#f6f1e1',
};

function hashHue(text: string): number {
  let h = 0;
  for (const ch of text) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h % 360;
}

export function productImageSvg(product: { title: string; category: string; color: string | null }): string {
  const key = (product.color ?? '').toLowerCase().split(/\s+/).pop() ?? '';
  const fill = COLORS[key] ?? `hsl(${hashHue(product.category)}, 45%, 55%)`;
  const initial = escapeHtml(product.category.charAt(0).toUpperCase());
  const label = escapeHtml(product.category);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="320" viewBox="0 0 320 320" role="img" aria-label="${escapeHtml(product.title)}">
<rect width="320" height="320" fill="#f6f6f4"/><circle cx="160" cy="140" r="90" fill="${fill}"/>
<text x="160" y="165" font-family="sans-serif" font-size="80" text-anchor="middle" fill="#fff" opacity="0.9">${initial}</text>
<text x="160" y="285" font-family="sans-serif" font-size="20" text-anchor="middle" fill="#555">${label}</text></svg>`;
}
