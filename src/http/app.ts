/**
 * The Hono app: routes are mounted here by area; errors are mapped in one place.
 * Adapters add their own routes in src/main.ts (the only file that knows them).
 */
import { Hono } from 'hono';
import type { Deps } from '../deps.ts';
import { errorResponse } from './error-response.ts';
import { healthRoutes } from './health-routes.ts';
import { certificateRoutes } from './certificate-routes.ts';
import { lmsApiRoutes } from './lms-api-routes.ts';
import { scormRoutes } from './scorm-routes.ts';
import { cliRoutes } from './cli-routes.ts';
import { refuseNulInJson } from './refuse-nul.ts';
import { KB, MB, limitBodiesByRoute } from './body-limit.ts';
import { MAX_PACKAGE_UPLOAD_BYTES } from '../features/content/import-package.ts';

/** Bodies bigger than the default, by route; everything else (chat, JSON APIs) gets 64 KB. */
const BODY_LIMITS: [RegExp, number][] = [
  [/^\/api\/packages$/, MAX_PACKAGE_UPLOAD_BYTES + MB],
  [/^\/api\/lms\/completions\/import$/, 6 * MB],
  [/^\/scorm\/commit\//, MB],
  [/^\/api\/messages$/, 256 * KB],
  [/^\/slack\/events$/, 256 * KB],
];

export { VERSION } from './version.ts';

export function createApp(deps: Deps): Hono {
  const app = new Hono();
  app.onError((error, c) => errorResponse(error, c, deps.log));
  app.notFound((c) =>
    c.json({ error: { code: 'NOT_FOUND', message: `No route for ${c.req.method} ${c.req.path}` } }, 404),
  );
  app.use('*', limitBodiesByRoute(BODY_LIMITS, 64 * KB));
  // SCORM commits are checked against the data model (NUL included) and answer the runtime's way.
  app.use('*', refuseNulInJson({ except: /^\/scorm\/commit\// }));
  app.route('/', healthRoutes(deps));
  app.route('/', certificateRoutes(deps));
  app.route('/', lmsApiRoutes(deps));
  app.route('/', scormRoutes(deps));
  app.route('/', cliRoutes(deps));
  return app;
}
