/**
 * The admin API, /api/v1: every admin use case over HTTP, described by OpenAPI 3.1 at
 * /api/openapi.json and browsable at /api/docs. Handlers only translate HTTP ⇄ use case; the
 * bearer token (ADMIN_API_TOKEN) acts as the "Admin API" service actor, so the audit log
 * names it. Errors keep the one shape `{ error: { code, message, field? } }`.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../deps.ts';
import { apiServiceActor } from '../../features/people/api-service-actor.ts';
import type { Actor } from '../../features/people/actor.ts';
import { requireAdminToken } from '../admin-auth.ts';
import { VERSION } from '../version.ts';
import { mountDocsPage } from './docs-page.ts';
import type { ApiEnv } from './env.ts';
import { auditRoutes } from './routes/audit.ts';
import { costRoutes } from './routes/costs.ts';
import { courseRoutes } from './routes/courses.ts';
import { learningRoutes } from './routes/learning.ts';
import { peopleRoutes } from './routes/people.ts';
import { registrationRoutes } from './routes/registrations.ts';
import { reportRoutes } from './routes/reports.ts';
import { scormPackageRoutes } from './routes/scorm-packages.ts';
import { sessionRoutes } from './routes/sessions.ts';
import { validationHook } from './validation-hook.ts';

export function apiV1Routes(deps: Deps): OpenAPIHono<ApiEnv> {
  const app = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook as never });
  app.openAPIRegistry.registerComponent('securitySchemes', 'adminToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'ADMIN_API_TOKEN',
  });

  // The service actor's row is made when the app is built (after migrations and the demo
  // seed in src/main.ts), never by a request: a refused request must store nothing.
  let actor = deps.config.ADMIN_API_TOKEN ? ensureServiceActor(deps) : undefined;
  app.use('/api/v1/*', requireAdminToken(deps.config.ADMIN_API_TOKEN), async (c, next) => {
    actor ??= ensureServiceActor(deps);
    const current = actor;
    // A failed attempt (database down at start-up) is retried by the next request.
    c.set(
      'actor',
      await current.catch((error) => {
        if (actor === current) actor = undefined;
        throw error;
      }),
    );
    await next();
  });

  peopleRoutes(app, deps);
  courseRoutes(app, deps);
  sessionRoutes(app, deps);
  registrationRoutes(app, deps);
  learningRoutes(app, deps);
  costRoutes(app, deps);
  reportRoutes(app, deps);
  scormPackageRoutes(app, deps);
  auditRoutes(app, deps);

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Rollcall admin API',
      version: VERSION,
      description:
        'Every admin use case of Rollcall over HTTP. Authorization: Bearer <ADMIN_API_TOKEN>. ' +
        'Lists page with `limit` (≤ 500) and the opaque `next` cursor. POSTs that create accept ' +
        '`Idempotency-Key`. Session and course changes accept `If-Match` with the ETag read. ' +
        'Instants are ISO 8601 with an offset; money is decimal text with a currency.',
    },
    security: [{ adminToken: [] }],
  });
  mountDocsPage(app);
  return app;
}

/** Two replicas starting at once may both create the service actor; the loser reads it. */
function ensureServiceActor(deps: Deps): Promise<Actor> {
  const made = apiServiceActor(deps.db.prisma).catch((error: { code?: string }) => {
    if (error.code !== 'P2002') throw error;
    return apiServiceActor(deps.db.prisma);
  });
  // Handled here so a failure at start-up is not an unhandled rejection; requests see it.
  made.catch(() => undefined);
  return made;
}
