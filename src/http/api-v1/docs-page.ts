/**
 * The reference page at /api/docs: Swagger UI from the `swagger-ui-dist` package, its script
 * and styles served from node_modules so the page works with no internet access.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Hono } from 'hono';

const require = createRequire(import.meta.url);
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
};

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Rollcall admin API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
</head>
<body>
<div id="docs"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/assets/init.js"></script>
</body>
</html>`;

// Kept in its own file so a Content-Security-Policy without 'unsafe-inline' still allows it.
const INIT = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#docs', persistAuthorization: false });`;

export function mountDocsPage(app: Hono<any>): void {
  const dist = path.dirname(require.resolve('swagger-ui-dist/package.json'));
  const cache = new Map<string, Buffer>();
  app.get('/api/docs', (c) => c.html(PAGE));
  app.get('/api/docs/assets/init.js', (c) =>
    c.body(INIT, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }),
  );
  app.get('/api/docs/assets/:name', async (c) => {
    const name = c.req.param('name');
    const type = ASSETS[name];
    if (!type) return c.json({ error: { code: 'NOT_FOUND', message: 'No such asset.' } }, 404);
    let file = cache.get(name);
    if (!file) {
      file = await readFile(path.join(dist, name));
      cache.set(name, file);
    }
    return c.body(new Uint8Array(file), 200, {
      'Content-Type': type,
      'Cache-Control': 'public, max-age=3600',
    });
  });
}
