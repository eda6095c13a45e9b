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

export { VERSION } from './version.ts';

export function createApp(deps: Deps): Hono {
  const app = new Hono();
  app.onError((error, c) => errorResponse(error, c, deps.log));
  app.notFound((c) =>
    c.json({ error: { code: 'NOT_FOUND', message: `No route for ${c.req.method} ${c.req.path}` } }, 404),
  );
  app.route('/', healthRoutes(deps));
  app.route('/', certificateRoutes(deps));
  app.route('/', lmsApiRoutes(deps));
  app.route('/', scormRoutes(deps));
  app.route('/', cliRoutes(deps));
  return app;
}
