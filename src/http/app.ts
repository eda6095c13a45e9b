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
import { apiV1Routes } from './api-v1/index.ts';
import { refuseNulInJson } from './refuse-nul.ts';
import { KB, MB, limitBodiesByRoute } from './body-limit.ts';

/** Bodies bigger than the default, by route; everything else (chat, JSON APIs) gets 64 KB. */
const BODY_LIMITS: [RegExp, number][] = [
  [/^\/api\/(lms|v1)\/completions\/import$/, 6 * MB],
  [/^\/api\/messages$/, 256 * KB],
  [/^\/slack\/events$/, 256 * KB],
];

/**
 * Routes that enforce their own byte cap while reading: package uploads while streaming to
 * disk, SCORM commits while reading off the socket (see scorm-routes.ts).
 */
const OWN_BODY_CAP = /^\/(api\/packages$|scorm\/commit\/)/;

export { VERSION } from './version.ts';

export function createApp(deps: Deps): Hono {
  const app = new Hono();
  app.onError((error, c) => errorResponse(error, c, deps.log));
  app.notFound((c) =>
    c.json({ error: { code: 'NOT_FOUND', message: `No route for ${c.req.method} ${c.req.path}` } }, 404),
  );
  // The limiter reads a body without Content-Length into memory to count it; package uploads
  // are instead streamed to disk and capped while streaming by their route.
  const limitBodies = limitBodiesByRoute(BODY_LIMITS, 64 * KB);
  app.use('*', (c, next) => (OWN_BODY_CAP.test(c.req.path) ? next() : limitBodies(c, next)));
  // SCORM commits are checked against the data model (NUL included) and answer the runtime's way.
  app.use('*', refuseNulInJson({ except: /^\/scorm\/commit\// }));
  app.route('/', healthRoutes(deps));
  app.route('/', certificateRoutes(deps));
  app.route('/', lmsApiRoutes(deps));
  app.route('/', scormRoutes(deps));
  app.route('/', cliRoutes(deps));
  app.route('/', apiV1Routes(deps));
  return app;
}
