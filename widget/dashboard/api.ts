/** The dashboard's HTTP calls: JSON in and out, the staff cookie, typed errors. */
import type { DashboardFilters, ExportFormat, FilterChoices, ReportResponse } from '../../src/web/dashboard/wire';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface Staff {
  agentId: number;
  name: string;
  email: string;
  role: string;
}

async function call<T>(method: 'GET' | 'POST', url: string, body?: unknown): Promise<{ status: number; data: T }> {
  const response = await fetch(url, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = (await response.json().catch(() => ({}))) as T & { error?: string };
  if (!response.ok) throw new ApiError(response.status, data.error ?? `HTTP ${response.status}`);
  return { status: response.status, data };
}

/** The query string of a filter set, without empty values ("" when there are none). */
export function queryOf(filters: DashboardFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `?${query}` : '';
}

export const me = async () => (await call<{ staff: Staff }>('GET', '/api/staff/me')).data.staff;
export const signIn = async (email: string, password: string) => (await call<{ staff: Staff }>('POST', '/api/staff/login', { email, password })).data.staff;
export const signOut = async () => void (await call('POST', '/api/staff/logout'));
export const filterChoices = async () => (await call<FilterChoices>('GET', '/api/dashboard/filters')).data;
/** One poll: the view, or scoring progress (HTTP 202). */
export const report = async (filters: DashboardFilters) => (await call<ReportResponse>('GET', `/api/dashboard/report${queryOf(filters)}`)).data;
export const exportUrl = (filters: DashboardFilters, format: ExportFormat) => `/api/dashboard/report.${format}${queryOf(filters)}`;
