/**
 * The numbers part of the dashboard: summary cards, the sentiment
 * distribution per category, brand and product, the weekly trend charts and
 * the aspect scores.
 */
import { h } from '../src/dom';
import type { DashboardFilters, DashboardView } from '../../src/web/dashboard/wire';
import { count, pct, sharesOf } from './format';
import { adoptSvg, divergingBars, stackedBar } from './svg';

type Report = DashboardView['report'];
type Distribution = Report['overall'];

export function section(title: string, testId: string, children: (Node | null)[], note?: string): HTMLElement {
  return h('section', { class: 'dash-section', attrs: { 'data-testid': testId, 'aria-label': title } }, [
    h('h2', { text: title }),
    note ? h('p', { class: 'muted', text: note }) : null,
    ...children,
  ]);
}

function card(label: string, value: string, testId: string, tone = ''): HTMLElement {
  return h('div', { class: `card ${tone}`, attrs: { 'data-testid': testId } }, [h('b', { text: value }), h('span', { text: label })]);
}

export function summaryCards(report: Report): HTMLElement {
  const o = report.overall;
  const s = sharesOf(o);
  const alerts = report.rising.products.filter((p) => p.significant).length;
  return h('div', { class: 'cards' }, [
    card('reviews', count(o.reviews), 'summary-reviews'),
    card('positive', pct(s.positive), 'summary-positive', 'good'),
    card('neutral', pct(s.neutral), 'summary-neutral'),
    card('negative', pct(s.negative), 'summary-negative', 'bad'),
    card('mean score (-1..1)', o.meanScore.toFixed(2), 'summary-score'),
    card('mean stars', o.meanRating.toFixed(2), 'summary-stars'),
    card('rising-negative alerts', String(alerts), 'summary-alerts', alerts ? 'bad' : ''),
  ]);
}

interface Row {
  name: string;
  d: Distribution;
  pick?: Partial<DashboardFilters>;
}

/** Distribution rows; a row with `pick` narrows the filters when clicked. */
function distributionTable(rows: readonly Row[], kind: string, onPick: (pick: Partial<DashboardFilters>) => void): HTMLElement {
  const head = h(
    'tr',
    {},
    ['', 'reviews', 'distribution', 'negative', 'neutral', 'positive', 'mean score', 'mean stars'].map((t) => h('th', { text: t })),
  );
  const body = rows.map(({ name, d, pick }) => {
    const s = sharesOf(d);
    const nameCell = pick ? h('button', { class: 'link', text: name, attrs: { type: 'button', title: `Show only ${name}` } }) : document.createTextNode(name);
    if (pick) nameCell.addEventListener('click', () => onPick(pick));
    return h('tr', { attrs: { 'data-testid': `row-${kind}`, 'data-name': name, 'data-reviews': d.reviews } }, [
      h('td', {}, [nameCell]),
      h('td', { class: 'n', text: count(d.reviews) }),
      h('td', {}, [stackedBar(s)]),
      h('td', { class: 'n', text: pct(s.negative) }),
      h('td', { class: 'n', text: pct(s.neutral) }),
      h('td', { class: 'n', text: pct(s.positive) }),
      h('td', { class: 'n', text: d.meanScore.toFixed(2) }),
      h('td', { class: 'n', text: d.meanRating.toFixed(2) }),
    ]);
  });
  return h('table', { class: 'dist', attrs: { 'data-testid': `table-${kind}` } }, [h('thead', {}, [head]), h('tbody', {}, body)]);
}

export function distributionSection(view: DashboardView, filters: DashboardFilters, onPick: (pick: Partial<DashboardFilters>) => void): HTMLElement {
  const { report } = view;
  const parts: HTMLElement[] = [];
  if (!filters.category) {
    parts.push(
      h('h3', { text: 'By category' }),
      distributionTable(
        report.categories.map((c) => ({ name: c.category, d: c, pick: { category: c.category } })),
        'category',
        onPick,
      ),
    );
  }
  if (!filters.brand && report.brands.length > 0) {
    parts.push(
      h('h3', { text: 'By brand' }),
      distributionTable(
        report.brands.map((b) => ({ name: b.brand, d: b, pick: { brand: b.brand } })),
        'brand',
        onPick,
      ),
    );
  }
  if (!filters.product) {
    const top = report.products.slice(0, 15);
    parts.push(
      h('h3', { text: `Products (${top.length} of ${report.products.length}, most reviewed first)` }),
      distributionTable(
        top.map((p) => ({ name: p.productTitle, d: p, pick: { product: String(p.productId) } })),
        'product',
        onPick,
      ),
    );
  }
  return section('Sentiment distribution', 'distribution', [h('div', { class: 'overall' }, [stackedBar(sharesOf(report.overall), 480, 18)]), ...parts]);
}

export function trendSection(view: DashboardView): HTMLElement {
  const charts = [view.charts.trend, view.charts.volume].map((markup, i) =>
    h('figure', { class: 'chart', attrs: { 'data-testid': i === 0 ? 'trend-chart' : 'volume-chart' } }, [
      adoptSvg(markup),
      h('figcaption', { text: i === 0 ? 'Negative and positive share and mean score per week' : 'Reviews per week' }),
    ]),
  );
  const weeks = view.report.weekly.length;
  return section(
    'Weekly trend',
    'trend',
    charts,
    weeks ? `${weeks} weeks, ${view.report.period?.from.slice(0, 10)} to ${view.report.period?.to.slice(0, 10)}` : 'No reviews in this selection.',
  );
}

export function aspectSection(view: DashboardView): HTMLElement {
  const mentioned = view.report.aspects.filter((a) => a.mentions > 0);
  const chart = divergingBars(
    mentioned.map((a) => ({
      key: a.aspect,
      label: `${a.aspect} (${count(a.mentions)})`,
      value: a.score,
      detail: `${a.mentions} mentions: ${a.positive} positive, ${a.neutral} neutral, ${a.negative} negative`,
    })),
    'aspect scores',
  );
  return section(
    'Aspect scores',
    'aspects',
    [h('figure', { class: 'chart', attrs: { 'data-testid': 'aspect-chart' } }, [chart])],
    'Score = (positive - negative mentions) / mentions, from -1 to 1; hover a bar for the counts.',
  );
}
