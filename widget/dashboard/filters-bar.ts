/**
 * Filter controls (category, brand, product, since) and the export links.
 * Choices narrow each other: a category offers only its brands, both narrow
 * the products; a choice the new scope lacks is dropped.
 */
import { h } from '../src/dom';
import type { DashboardFilters, FilterChoices } from '../../src/web/dashboard/wire';
import { exportUrl } from './api';

export interface FiltersBar {
  element: HTMLElement;
  /** Current filters. */
  value(): DashboardFilters;
  /** Replaces the filters (e.g. a clicked table row) and tells onChange. */
  set(filters: DashboardFilters): void;
}

function fillSelect(select: HTMLSelectElement, all: string, options: readonly { value: string; label: string }[], selected: string | undefined): void {
  while (select.firstChild) select.removeChild(select.firstChild);
  select.appendChild(h('option', { text: all, attrs: { value: '' } }));
  for (const o of options) select.appendChild(h('option', { text: o.label, attrs: { value: o.value, selected: o.value === selected } }));
  select.value = selected && options.some((o) => o.value === selected) ? selected : '';
}

/** Drops choices outside the scope of the others. */
function normalise(choices: FilterChoices, f: DashboardFilters): DashboardFilters {
  const out: DashboardFilters = { ...f };
  const sameText = (a: string, b?: string) => a.toLowerCase() === (b ?? '').toLowerCase();
  if (out.category && !choices.categories.some((c) => sameText(c, out.category))) delete out.category;
  if (out.brand && !choices.brands.some((b) => sameText(b.name, out.brand) && (!out.category || b.categories.some((c) => sameText(c, out.category)))))
    delete out.brand;
  const product = out.product ? choices.products.find((p) => String(p.id) === out.product) : undefined;
  if (out.product && (!product || (out.category && !sameText(product.category, out.category)) || (out.brand && !sameText(product.brand, out.brand))))
    delete out.product;
  for (const key of Object.keys(out) as (keyof DashboardFilters)[]) if (!out[key]) delete out[key];
  return out;
}

export function filtersBar(choices: FilterChoices, initial: DashboardFilters, onChange: (filters: DashboardFilters) => void): FiltersBar {
  let filters = normalise(choices, initial);
  const category = h('select', { attrs: { name: 'category', 'data-testid': 'filter-category', 'aria-label': 'Category' } });
  const brand = h('select', { attrs: { name: 'brand', 'data-testid': 'filter-brand', 'aria-label': 'Brand' } });
  const product = h('select', { attrs: { name: 'product', 'data-testid': 'filter-product', 'aria-label': 'Product' } });
  const since = h('input', { attrs: { type: 'date', name: 'since', 'data-testid': 'filter-since', 'aria-label': 'Reviews since' } });
  const reset = h('button', { text: 'All reviews', attrs: { type: 'button', 'data-testid': 'filter-reset' } });
  const exports = (['csv', 'json', 'html'] as const).map((format) =>
    h('a', {
      class: 'button',
      text: format.toUpperCase(),
      attrs: { download: '', 'data-testid': `export-${format}`, title: `Download this report as ${format.toUpperCase()}` },
    }),
  );

  const render = () => {
    const inCategory = (c: readonly string[] | string) => !filters.category || [c].flat().some((x) => x.toLowerCase() === filters.category!.toLowerCase());
    fillSelect(
      category,
      'All categories',
      choices.categories.map((c) => ({ value: c, label: c })),
      filters.category,
    );
    fillSelect(
      brand,
      'All brands',
      choices.brands.filter((b) => inCategory(b.categories)).map((b) => ({ value: b.name, label: b.name })),
      filters.brand,
    );
    const products = choices.products.filter((p) => inCategory(p.category) && (!filters.brand || p.brand.toLowerCase() === filters.brand.toLowerCase()));
    fillSelect(
      product,
      'All products',
      products.map((p) => ({ value: String(p.id), label: `${p.title} (#${p.id})` })),
      filters.product,
    );
    since.value = filters.since ?? '';
    for (const [i, format] of (['csv', 'json', 'html'] as const).entries()) exports[i]!.setAttribute('href', exportUrl(filters, format));
  };
  const set = (next: DashboardFilters) => {
    filters = normalise(choices, next);
    render();
    onChange({ ...filters });
  };

  category.addEventListener('change', () => set({ ...filters, category: category.value }));
  brand.addEventListener('change', () => set({ ...filters, brand: brand.value }));
  product.addEventListener('change', () => set({ ...filters, product: product.value }));
  since.addEventListener('change', () => set({ ...filters, since: since.value }));
  reset.addEventListener('click', () => set({}));
  render();

  const element = h('form', { class: 'filters', attrs: { 'data-testid': 'filters', role: 'search' } }, [
    h('label', { text: 'Category' }, [category]),
    h('label', { text: 'Brand' }, [brand]),
    h('label', { text: 'Product' }, [product]),
    h('label', { text: 'Since' }, [since]),
    reset,
    h('span', { class: 'exports' }, [h('span', { class: 'muted', text: 'Export' }), ...exports]),
  ]);
  element.addEventListener('submit', (event) => event.preventDefault());
  return { element, value: () => ({ ...filters }), set };
}
