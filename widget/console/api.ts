/** The console's HTTP calls: JSON in and out, cookie session, typed errors. */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function api<T>(method: 'GET' | 'POST', url: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = (await response.json().catch(() => ({}))) as { error?: string };
  if (!response.ok) throw new ApiError(response.status, data.error ?? `HTTP ${response.status}`);
  return data as T;
}

export interface Staff {
  agentId: number;
  name: string;
  email: string;
  role: string;
}

export interface TicketSummaryRow {
  id: number;
  subject: string;
  queue: string;
  priority: string;
  status: string;
  source: string;
  assigneeId: number | null;
  createdAt: string;
  slaDueAt: string | null;
}

export interface TranscriptMessage {
  id: number;
  role: string;
  text: string;
  createdAt: string;
}

export interface TicketDetail extends TicketSummaryRow {
  summary: string;
  tags: string;
  resolution: string | null;
  conversationId: string | null;
  assignee: { id: number; name: string } | null;
  customer: { id: number; name: string; email: string; phone: string | null; city: string | null; country: string | null } | null;
  conversation: { id: string; mode: string; channel: string; verified: boolean } | null;
  events: Array<{ id: number; kind: string; text: string; createdAt: string; agent: { name: string } | null }>;
  transcript: TranscriptMessage[];
  orders: Array<{ number: string; status: string; totalCents: number; currency: string; placedAt: string }>;
}
