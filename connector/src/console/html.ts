// The two HTML documents the server writes itself: the login form (works without JavaScript) and the
// shell the front-end bundle renders into. Everything interpolated is escaped.

export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** JSON inside a <script type="application/json">: `<` escaped so no `</script>` can end it early. */
function jsonForScript(v: unknown): string {
  return JSON.stringify(v).replace(/</g, '\\u003c');
}

export interface AssetRefs {
  js: string;
  css: string;
}

export function loginPage(o: {
  next: string;
  error?: string;
  assets: AssetRefs | null;
  readOnlyOffered: boolean;
}): string {
  const css = o.assets ? `<link rel="stylesheet" href="${escapeHtml(o.assets.css)}">` : '';
  const error = o.error
    ? `<p class="form-error" role="alert" id="login-error">${escapeHtml(o.error)}</p>`
    : '';
  const which = o.readOnlyOffered
    ? 'the admin key (the connector’s API key unless a separate admin key is set) or the read-only key'
    : 'the admin key (the connector’s API key unless a separate admin key is set)';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="/console/favicon.svg" type="image/svg+xml">
<title>Log in · Closeloop console</title>
${css}
</head>
<body class="login-body">
<main class="login" aria-labelledby="login-title">
  <h1 id="login-title"><span class="brand-mark" aria-hidden="true">◉</span> Closeloop console</h1>
  <form method="post" action="/console/login" class="card login-form"${o.error ? ' aria-describedby="login-error"' : ''}>
    ${error}
    <p class="hint" id="key-hint">Enter ${which}.</p>
    <label for="key">Console key</label>
    <input id="key" name="key" type="password" autocomplete="current-password" required autofocus aria-describedby="key-hint">
    <input type="hidden" name="next" value="${escapeHtml(o.next)}">
    <button type="submit" class="primary">Log in</button>
  </form>
</main>
</body>
</html>
`;
}

export interface ShellConfig {
  role: 'admin' | 'read_only';
  instanceUrl: string | null;
  incidentTable: string;
  pollIntervalMs: number;
}

export function shellPage(o: { assets: AssetRefs; config: ShellConfig }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="/console/favicon.svg" type="image/svg+xml">
<title>Closeloop console</title>
<link rel="stylesheet" href="${escapeHtml(o.assets.css)}">
<script type="application/json" id="console-config">${jsonForScript(o.config)}</script>
<script type="module" src="${escapeHtml(o.assets.js)}"></script>
</head>
<body>
<div id="app"><noscript><p>The Closeloop console needs JavaScript. The same data is on the JSON API under /v1.</p></noscript></div>
</body>
</html>
`;
}

export function bundleMissingPage(problem: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Closeloop console unavailable</title></head>
<body><main><h1>The console bundle is not available</h1><p>${escapeHtml(problem)}</p>
<p>Build it with <code>npx tsx connector/console-ui/build.ts</code> (needs the development dependencies).</p></main></body>
</html>
`;
}

/** The tab icon: a ring in the console's colours (served, so browsers do not ask for /favicon.ico). */
export const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#0f4c81"/>' +
  '<circle cx="16" cy="16" r="8.5" fill="none" stroke="#7dd3fc" stroke-width="4"/></svg>';
