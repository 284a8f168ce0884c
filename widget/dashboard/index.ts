/**
 * The merchandiser dashboard in the browser: sign in, pick filters, read the
 * report. The report comes from /api/dashboard/report; while the server is
 * still scoring the reviews it answers 202 with progress and we poll. Filters
 * live in the page URL, so a reload or a shared link shows the same view.
 */
import { h } from '../src/dom';
import type { DashboardFilters, DashboardView, FilterChoices } from '../../src/web/dashboard/wire';
import { ApiError, filterChoices, me, queryOf, report, signOut, type Staff } from './api';
import { filtersBar, type FiltersBar } from './filters-bar';
import { linker } from './format';
import { alertsSection, disagreementsSection, themesSection } from './insights';
import { aspectSection, distributionSection, summaryCards, trendSection } from './overview';
import { refusedPanel, signInForm } from './sign-in';

const POLL_MS = 500;
const root = document.getElementById('dashboard')!;
const userSlot = document.getElementById('dash-user');
/** Bumped per request: an answer for filters the user has since changed is dropped. */
let requestSeq = 0;

function clear(node: Element): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Retries while the server is starting (HTTP 503: database, sign-in or model not ready yet). */
async function whenStarted<T>(call: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 503) || attempt >= 60) throw error;
    }
    await sleep(1000);
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function filtersFromUrl(): DashboardFilters {
  const params = new URLSearchParams(location.search);
  const out: DashboardFilters = {};
  for (const key of ['category', 'brand', 'product', 'since'] as const) {
    const value = params.get(key);
    if (value) out[key] = value;
  }
  return out;
}

function showSignIn(message = ''): void {
  clear(root);
  if (userSlot) clear(userSlot);
  root.appendChild(signInForm(() => void start(), message));
}

async function doSignOut(): Promise<void> {
  await signOut().catch(() => undefined);
  showSignIn();
}

function showUser(staff: Staff): void {
  if (!userSlot) return;
  clear(userSlot);
  const button = h('button', { class: 'link', text: 'Sign out', attrs: { type: 'button', 'data-testid': 'logout' } });
  button.addEventListener('click', () => void doSignOut());
  userSlot.append(h('span', { text: `${staff.name} · ${staff.role}` }), button);
}

function renderView(content: HTMLElement, view: DashboardView, filters: DashboardFilters, bar: FiltersBar): void {
  clear(content);
  const links = linker(view.links);
  const pick = (narrow: Partial<DashboardFilters>) => bar.set({ ...bar.value(), ...narrow });
  content.append(
    summaryCards(view.report),
    distributionSection(view, filters, pick),
    trendSection(view),
    aspectSection(view),
    alertsSection(view.report, links),
    themesSection(view.report, links),
    disagreementsSection(view.report, links),
  );
  content.setAttribute('data-state', 'ready');
  content.setAttribute('data-reviews', String(view.report.overall.reviews));
}

/**
 * Scoring progress: a progress bar in place of the report on the first load; above the (dimmed) report when
 * it is being rebuilt after the reviews changed, so the page does not flash empty.
 */
function renderProgress(content: HTMLElement, status: HTMLElement, done: number, total: number): void {
  const text = total > 0 ? `Scoring review sentiment: ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} reviews…` : 'Reading the reviews…';
  if (content.getAttribute('data-state') === 'ready') {
    status.textContent = `Updating: ${text}`;
    return;
  }
  let box = content.querySelector<HTMLElement>('[data-testid="progress"]');
  if (!box) {
    clear(content);
    box = h('div', { class: 'progress', attrs: { 'data-testid': 'progress' } }, [h('progress'), h('span')]);
    content.appendChild(box);
  }
  const bar = box.querySelector('progress')!;
  if (total > 0) {
    bar.max = total;
    bar.value = done;
  } else bar.removeAttribute('value');
  box.querySelector('span')!.textContent = text;
  content.setAttribute('data-state', 'scoring');
}

/** Fetches the view for `filters`, polling through the scoring phase; ignores stale answers. */
async function load(content: HTMLElement, status: HTMLElement, filters: DashboardFilters, bar: FiltersBar): Promise<void> {
  const seq = ++requestSeq;
  content.classList.add('busy');
  content.setAttribute('aria-busy', 'true');
  history.replaceState(null, '', `${location.pathname}${queryOf(filters)}`);
  try {
    for (;;) {
      const answer = await whenStarted(() => report(filters));
      if (seq !== requestSeq) return;
      if (answer.status === 'ready') {
        status.textContent = '';
        renderView(content, answer.view, filters, bar);
        break;
      }
      renderProgress(content, status, answer.done, answer.total);
      await sleep(POLL_MS);
      if (seq !== requestSeq) return;
    }
  } catch (error) {
    if (seq !== requestSeq) return;
    if (error instanceof ApiError && error.status === 401) return showSignIn('Your session ended: sign in again.');
    status.textContent = '';
    clear(content);
    content.appendChild(
      h('p', { class: 'error', text: `The report could not be loaded: ${errorText(error)}`, attrs: { role: 'alert', 'data-testid': 'report-error' } }),
    );
    content.setAttribute('data-state', 'error');
  } finally {
    if (seq === requestSeq) {
      content.classList.remove('busy');
      content.removeAttribute('aria-busy');
    }
  }
}

function renderDashboard(choices: FilterChoices): void {
  clear(root);
  const status = h('p', { class: 'dash-status', attrs: { role: 'status', 'data-testid': 'status' } });
  const content = h('div', { class: 'dash-content', attrs: { 'data-testid': 'dash-content' } });
  const bar = filtersBar(choices, filtersFromUrl(), (filters) => void load(content, status, filters, bar));
  root.append(bar.element, status, content);
  void load(content, status, bar.value(), bar);
}

async function start(): Promise<void> {
  let staff: Staff;
  try {
    staff = await whenStarted(me);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return showSignIn();
    clear(root);
    root.appendChild(h('p', { class: 'error', text: `The dashboard is not available: ${errorText(error)}`, attrs: { role: 'alert' } }));
    return;
  }
  showUser(staff);
  try {
    renderDashboard(await whenStarted(filterChoices));
  } catch (error) {
    clear(root);
    if (error instanceof ApiError && error.status === 403) root.appendChild(refusedPanel(staff, () => void doSignOut()));
    else if (error instanceof ApiError && error.status === 401) showSignIn();
    else root.appendChild(h('p', { class: 'error', text: `The dashboard is not available: ${errorText(error)}`, attrs: { role: 'alert' } }));
  }
}

void start();
