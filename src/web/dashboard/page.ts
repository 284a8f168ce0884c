/**
 * The /dashboard page shell: no data in it (the browser code fetches the
 * report after sign-in), so it can be served to anyone, and a strict
 * Content-Security-Policy: our own script and stylesheet only.
 */
/** Sent with the page: the dashboard never needs another origin, inline script or inline style. */
export const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/** The page: header, a mount point for widget/dashboard, and its script and stylesheet. */
export function renderDashboardShell(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>ShopDesk · Review insights</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/static/dashboard.css">
</head><body>
<header class="dash-header"><a class="logo" href="/">ShopDesk</a><span class="dash-title">Review insights</span><span class="dash-user" id="dash-user"></span></header>
<main id="dashboard" data-testid="dashboard"><p class="dash-loading" role="status">Loading…</p></main>
<noscript><p class="dash-error">The dashboard needs JavaScript.</p></noscript>
<script src="/static/dashboard.js" defer></script>
</body></html>
`;
}
