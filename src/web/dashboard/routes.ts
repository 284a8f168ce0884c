/**
 * HTTP face of the merchandiser dashboard:
 *   GET /dashboard                         the page shell (sign-in happens in the page)
 *   GET /api/dashboard/filters             categories, brands and products with reviews
 *   GET /api/dashboard/report?<filters>    the view (200) or scoring progress (202)
 *   GET /api/dashboard/report.<csv|json|html>?<filters>  downloads, the CLI's renderers
 * Every /api/dashboard route is for merchandisers (and admins): 401 signed out, 403 for agents.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { renderReportCsv, renderReportHtml, type ReportModel, type SentimentReport } from '../../sentiment';
import type { Db } from '../../store';
import { requireStaff, type StaffAuth } from '../../support';
import { filtersSchema, filterSlug } from './filters';
import { DASHBOARD_CSP, renderDashboardShell } from './page';
import type { ReportViews } from './report-views';
import type { ScoredCorpus } from './scored-corpus';
import { EXPORT_FORMATS, type DashboardFilters, type ExportFormat, type FilterChoices, type ReportResponse } from './wire';

/** What the routes work with; `registerDashboard` builds it from its options. */
export interface DashboardServices {
  db: () => Db | undefined;
  auth: () => StaffAuth | undefined;
  model: () => ReportModel | undefined;
  corpus: ScoredCorpus;
  views: ReportViews;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

function renderExport(report: SentimentReport, format: ExportFormat): string {
  if (format === 'csv') return renderReportCsv(report);
  if (format === 'html') return renderReportHtml(report);
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** Parsed filters, or undefined after answering 400. */
function filtersOf(request: FastifyRequest, reply: FastifyReply): DashboardFilters | undefined {
  const parsed = filtersSchema.safeParse(request.query ?? {});
  if (parsed.success) return parsed.data;
  void reply.code(400).send({ error: parsed.error.issues.map((i) => i.message).join('; ') });
  return undefined;
}

async function filterChoices(db: Db): Promise<FilterChoices> {
  const products = await db.product.findMany({
    where: { reviews: { some: {} } },
    select: { id: true, title: true, category: true, brand: true },
    orderBy: [{ category: 'asc' }, { title: 'asc' }],
  });
  const brands = new Map<string, Set<string>>();
  for (const p of products) {
    let categories = brands.get(p.brand);
    if (!categories) brands.set(p.brand, (categories = new Set()));
    categories.add(p.category);
  }
  return {
    categories: [...new Set(products.map((p) => p.category))].sort(),
    brands: [...brands].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([name, categories]) => ({ name, categories: [...categories].sort() })),
    products,
  };
}

/** Adds the page and the /api/dashboard routes to `app`. */
export function registerDashboardRoutes(app: FastifyInstance, services: DashboardServices): void {
  const { corpus, views } = services;
  const merchandisers = requireStaff(services.auth, ['merchandiser']);
  /** The model and database, or undefined after answering 503 while the server starts. */
  const ready = (reply: FastifyReply): { db: Db; model: ReportModel } | undefined => {
    const db = services.db();
    const model = services.model();
    if (db && model) return { db, model };
    void reply.code(503).header('retry-after', '2').send({ error: 'starting' });
    return undefined;
  };

  app.get('/dashboard', async (_request, reply) =>
    reply.type('text/html; charset=utf-8').header('content-security-policy', DASHBOARD_CSP).header('cache-control', 'no-cache').send(renderDashboardShell()),
  );

  app.get('/api/dashboard/filters', { preHandler: merchandisers }, async (_request, reply) => {
    const deps = ready(reply);
    if (!deps) return reply;
    return reply.header('cache-control', 'no-store').send(await filterChoices(deps.db));
  });

  app.get('/api/dashboard/report', { preHandler: merchandisers }, async (request, reply) => {
    const filters = filtersOf(request, reply);
    const deps = filters && ready(reply);
    if (!filters || !deps) return reply;
    void reply.header('cache-control', 'no-store');
    const snapshot = await corpus.current(deps.model);
    if (!snapshot) {
      const { done, total } = corpus.status();
      return reply
        .code(202)
        .header('retry-after', '1')
        .send({ status: 'scoring', done, total } satisfies ReportResponse);
    }
    return reply.send({ status: 'ready', view: views.view(snapshot, filters) } satisfies ReportResponse);
  });

  for (const format of EXPORT_FORMATS) {
    app.get(`/api/dashboard/report.${format}`, { preHandler: merchandisers }, async (request, reply) => {
      const filters = filtersOf(request, reply);
      const deps = filters && ready(reply);
      if (!filters || !deps) return reply;
      // A download may wait for the scoring: it runs in slices and does not hold up other requests.
      const snapshot = await corpus.ready(deps.model);
      const body = renderExport(views.view(snapshot, filters).report, format);
      return reply
        .type(CONTENT_TYPES[format])
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', `attachment; filename="sentiment-report-${filterSlug(filters)}.${format}"`)
        .send(body);
    });
  }
}
