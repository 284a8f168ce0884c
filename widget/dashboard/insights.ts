/**
 * The reading part of the dashboard: top themes with quotes linked to their
 * reviews, rising-negative alerts with the test behind them, and reviews
 * whose text disagrees with their stars.
 */
import { h } from '../src/dom';
import type { DashboardView } from '../../src/web/dashboard/wire';
import { count, pct, stars, type Linker } from './format';
import { section } from './overview';

type Report = DashboardView['report'];
type Quote = Report['quotes']['positive'][number];
type Theme = Report['themes']['positive'][number];

function link(href: string | undefined, text: string, testId: string): HTMLElement {
  return href ? h('a', { text, attrs: { href, target: '_blank', rel: 'noopener', 'data-testid': testId } }) : h('span', { text });
}

function quoteItem(q: Quote & { opinion?: string }, links: Linker): HTMLElement {
  const text = h('blockquote', { text: q.text });
  const meta = h('small', {}, [
    link(links.product(q.productId), q.productTitle, 'quote-product'),
    document.createTextNode(` · ${stars(q.rating)} · text ${q.label} ${q.score.toFixed(2)} · `),
    link(links.review(q.productId, q.reviewId), `review #${q.reviewId}`, 'quote-link'),
  ]);
  return h('li', { class: `quote ${q.label}`, attrs: { 'data-testid': 'quote', 'data-review-id': q.reviewId } }, [text, meta]);
}

function themeItem(theme: Theme, links: Linker): HTMLElement {
  return h('li', { class: `theme ${theme.polarity}`, attrs: { 'data-testid': 'theme', 'data-aspect': theme.aspect } }, [
    h('h4', { text: `${theme.aspect} · ${count(theme.mentions)} ${theme.polarity} mentions (${pct(theme.share)} of its mentions)` }),
    h(
      'ul',
      { class: 'quotes' },
      theme.quotes.map((q) => quoteItem(q, links)),
    ),
  ]);
}

export function themesSection(report: Report, links: Linker): HTMLElement {
  const column = (title: string, themes: readonly Theme[], testId: string) =>
    h('div', { class: 'column', attrs: { 'data-testid': testId } }, [
      h('h3', { text: title }),
      themes.length
        ? h(
            'ol',
            { class: 'themes' },
            themes.map((t) => themeItem(t, links)),
          )
        : h('p', { class: 'muted', text: 'None in this selection.' }),
    ]);
  return section(
    'Top themes',
    'themes',
    [
      h('div', { class: 'columns' }, [
        column('Negative themes', report.themes.negative, 'themes-negative'),
        column('Positive themes', report.themes.positive, 'themes-positive'),
      ]),
    ],
    'The aspects reviews mention most with each polarity; quotes are reviews that lean the same way, linked to the product page.',
  );
}

export function alertsSection(report: Report, links: Linker): HTMLElement {
  const { rising } = report;
  const significant = rising.products.filter((p) => p.significant);
  const watch = rising.products.filter((p) => !p.significant);
  const item = (p: Report['rising']['products'][number]) =>
    h('li', { class: p.significant ? 'alert' : 'watch', attrs: { 'data-testid': p.significant ? 'alert' : 'watch', 'data-product-id': p.productId } }, [
      link(links.product(p.productId), p.productTitle, 'alert-product'),
      h('span', { class: 'muted', text: ` ${p.category}${p.brand ? ` · ${p.brand}` : ''}` }),
      h('div', {
        class: 'stats',
        text: `negative ${p.recent.negative}/${p.recent.reviews} (${pct(p.recent.share)}) in the last ${rising.recentWeeks} weeks vs ${p.before.negative}/${p.before.reviews} (${pct(p.before.share)}) before · z = ${p.z.toFixed(2)}, p = ${p.p.toExponential(2)}, q = ${p.q.toExponential(2)}`,
      }),
    ]);
  const method = `Two-proportion z-test per product (one-sided: is the negative share of the last ${rising.recentWeeks} weeks higher than before?), on the ${rising.tested} products with at least 5 reviews in both periods; alerts are the products whose Benjamini-Hochberg adjusted q is below ${rising.falseDiscoveryRate}.`;
  return section('Alerts: negative share rising', 'alerts', [
    h('p', { class: 'method', text: method, attrs: { 'data-testid': 'alerts-method' } }),
    significant.length
      ? h('ul', { class: 'alerts', attrs: { 'data-testid': 'alert-list' } }, significant.map(item))
      : h('p', { class: 'ok', text: 'No product’s negative share rose significantly.', attrs: { 'data-testid': 'no-alerts' } }),
    watch.length
      ? h('details', {}, [
          h('summary', { text: `${watch.length} more with p < 0.05 but not significant after the adjustment` }),
          h('ul', { class: 'alerts' }, watch.map(item)),
        ])
      : null,
  ]);
}

export function disagreementsSection(report: Report, links: Linker): HTMLElement {
  const { disagreements } = report;
  return section(
    `Text disagrees with the rating (${count(disagreements.count)})`,
    'disagreements',
    [
      disagreements.examples.length
        ? h(
            'ul',
            { class: 'quotes' },
            disagreements.examples.map((q) => quoteItem(q, links)),
          )
        : h('p', { class: 'muted', text: 'None in this selection.' }),
    ],
    '4-5 stars with a negative text, or 1-2 stars with a positive one; the most confident first. Often a misclick or a review about something else (delivery, the seller).',
  );
}
