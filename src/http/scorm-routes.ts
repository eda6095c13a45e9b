/**
 * SCORM over HTTP: package upload (admin API), the player page, the package's files and the
 * runtime's commits. Player, files and commits are authenticated by the launch token in the
 * path, because the content's relative links and sendBeacon cannot carry headers.
 */
import { createReadStream } from 'node:fs';
import { lstat, readFile, realpath, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Readable } from 'node:stream';
import { Hono, type Context } from 'hono';
import parseRange from 'range-parser';
import { bodyLimit } from 'hono/body-limit';
import type { Deps } from '../deps.ts';
import { AppError, isAppError } from '../shared/app-error.ts';
import { requireAdminToken } from './admin-auth.ts';
import { statusForCode } from './error-response.ts';
import { renderMessagePage, renderPlayerPage } from './player-page.ts';
import { receivePackageUpload, tooLargePackage } from './receive-package-upload.ts';
import { importPackage, MAX_PACKAGE_UPLOAD_BYTES } from '../features/content/import-package.ts';
import { SYSTEM_ACTOR } from '../features/people/actor.ts';
import { loadLaunchedAttempt } from '../features/scorm/attempt-access.ts';
import { openPlayer } from '../features/scorm/open-player.ts';
import { recordCommit } from '../features/scorm/record-commit.ts';
import { setCompletionSettings } from '../features/scorm/set-completion-settings.ts';
import { saveSequencingState } from '../features/scorm/save-sequencing-state.ts';
import { readBodyText } from './read-body-text.ts';

/** A 2004 SCO's whole data model (suspend_data 64,000 chars, interactions) fits well within. */
export const MAX_COMMIT_BYTES = 1024 * 1024;

/** Multipart boundaries, part headers and the short fields around the zip. */
export const MAX_FORM_OVERHEAD_BYTES = 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.xhtml': 'application/xhtml+xml',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.xsd': 'application/xml',
  '.dtd': 'application/xml-dtd',
  '.txt': 'text/plain; charset=utf-8',
  '.vtt': 'text/vtt',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
  '.m4a': 'audio/mp4',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.eot': 'application/vnd.ms-fontobject',
  '.pdf': 'application/pdf',
  '.swf': 'application/x-shockwave-flash',
};

const require = createRequire(import.meta.url);
const runtimeCache = new Map<string, string>();

async function runtimeScript(name: 'scorm12' | 'scorm2004'): Promise<string> {
  let source = runtimeCache.get(name);
  if (!source) {
    source = await readFile(require.resolve(`scorm-again/${name}/min`), 'utf8');
    runtimeCache.set(name, source);
  }
  return source;
}

export function scormRoutes(deps: Deps): Hono {
  const app = new Hono();

  // Streamed to a temporary file (never buffered), so a package near the cap costs the
  // service a few buffers, not its size. The body limit is enforced here, while streaming.
  app.post('/api/packages', requireAdminToken(deps.config.ADMIN_API_TOKEN), async (c) => {
    const type = c.req.header('content-type') ?? '';
    if (!type.startsWith('multipart/form-data')) {
      throw new AppError('UNSUPPORTED', 'Upload the SCORM zip as multipart/form-data with the field "file".');
    }
    // A declared size over the cap (plus room for the form's framing) is refused unread.
    if (Number(c.req.header('content-length') ?? 0) > MAX_PACKAGE_UPLOAD_BYTES + MAX_FORM_OVERHEAD_BYTES)
      throw tooLargePackage(MAX_PACKAGE_UPLOAD_BYTES);
    const upload = await receivePackageUpload(
      {
        contentType: type,
        incoming: (c.env as { incoming?: IncomingMessage } | undefined)?.incoming,
        body: () => c.req.raw.body,
      },
      deps.config.CONTENT_DIR,
      MAX_PACKAGE_UPLOAD_BYTES,
    );
    try {
      const form = upload.fields;
      const courseId = form.courseId?.trim() || undefined;
      if (courseId && !/^[0-9a-f-]{36}$/i.test(courseId))
        throw new AppError('VALIDATION', 'courseId must be a course id (a UUID).');
      const courseCode = (form.courseCode ?? form.code)?.trim() || undefined;
      const result = await importPackage(deps, SYSTEM_ACTOR, {
        zip: { path: upload.path, sha256: upload.sha256 },
        courseId,
        courseCode,
        courseTitle: form.courseTitle?.trim() || undefined,
        ...courseSettingsOf(form),
      });
      return c.json(result, 201);
    } finally {
      await rm(upload.path, { force: true });
    }
  });

  // How the course's online content completes (rule, threshold, grading, attempts).
  app.put('/api/courses/:courseId/completion', requireAdminToken(deps.config.ADMIN_API_TOKEN), async (c) => {
    const courseId = c.req.param('courseId');
    if (!/^[0-9a-f-]{36}$/i.test(courseId)) throw new AppError('NOT_FOUND', 'That course does not exist.');
    const change = await c.req.json().catch(() => {
      throw new AppError('VALIDATION', 'Send the completion settings as a JSON object.');
    });
    return c.json(await setCompletionSettings(deps, SYSTEM_ACTOR, { courseId, change }));
  });

  // SCORM 2004 sequencing state from the player (scorm-again's serialized activity tree).
  app.post(
    '/scorm/sequencing/:token',
    bodyLimit({
      maxSize: 600_000,
      onError: () => {
        throw new AppError('PAYLOAD_TOO_LARGE', 'The sequencing state is too large.');
      },
    }),
    async (c) => {
      const body = (await c.req.json().catch(() => null)) as { state?: unknown } | null;
      return c.json(await saveSequencingState(deps, { token: c.req.param('token'), state: body?.state }));
    },
  );

  for (const name of ['scorm12', 'scorm2004'] as const) {
    app.get(`/scorm/runtime/${name}.min.js`, async (c) =>
      c.body(await runtimeScript(name), 200, {
        'content-type': 'text/javascript; charset=utf-8',
        'cache-control': 'public, max-age=86400',
      }),
    );
  }

  app.get('/scorm/launch/:token', async (c) => {
    const token = c.req.param('token');
    try {
      const view = await openPlayer(deps, { token, scoId: c.req.query('sco') || undefined });
      if (view.kind === 'finished') {
        return c.html(
          renderMessagePage(
            view.courseTitle,
            'This attempt is finished. Ask Rollcall to launch the course again to start a new one.',
          ),
          410,
        );
      }
      return c.html(renderPlayerPage(token, view), 200, {
        'cache-control': 'no-store',
        'referrer-policy': 'same-origin',
      });
    } catch (error) {
      if (!isAppError(error)) throw error;
      return c.html(
        renderMessagePage(
          'Cannot open this course',
          error.userMessage,
          typeof error.details?.refusedSco === 'string' ? error.details.refusedSco : undefined,
        ),
        statusForCode(error.code),
      );
    }
  });

  app.get('/scorm/content/:token/*', async (c) => {
    const token = c.req.param('token');
    const { pkg } = await loadLaunchedAttempt(deps, deps.db.prisma, token);
    const relative = contentPathOf(c, token);
    const root = path.resolve(deps.config.CONTENT_DIR, pkg.storagePath);
    const file = path.join(root, ...relative);
    const notFound = new AppError('NOT_FOUND', 'No such file in this course.');
    if (!file.startsWith(root + path.sep)) throw notFound;
    const info = await lstat(file).catch(() => null);
    // Folders are never listed; links are never followed (none are extracted, but be sure).
    if (!info?.isFile()) throw notFound;
    const real = await realpath(file);
    if (!real.startsWith((await realpath(root)) + path.sep)) throw notFound;
    const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    // A package's files never change after import: size and time make a strong validator.
    const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
    const headers: Record<string, string> = {
      'content-type': type,
      'accept-ranges': 'bytes',
      etag,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, max-age=3600',
      // The launch token is in the URL: never hand it to another site as a Referer.
      'referrer-policy': 'same-origin',
    };
    const ifNoneMatch = c.req.header('if-none-match');
    if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim() === etag))
      return new Response(null, { status: 304, headers });
    // Range requests (video seeking, iOS media): one range is served as 206; several, or an
    // If-Range that no longer matches, get the whole file.
    const range = c.req.header('range');
    const ifRange = c.req.header('if-range');
    if (range && (!ifRange || ifRange === etag)) {
      const ranges = parseRange(info.size, range, { combine: true });
      if (ranges === -1)
        return new Response(null, {
          status: 416,
          headers: { ...headers, 'content-range': `bytes */${info.size}` },
        });
      if (ranges !== -2 && ranges.type === 'bytes' && ranges.length === 1) {
        const { start, end } = ranges[0]!;
        return new Response(Readable.toWeb(createReadStream(real, { start, end })) as ReadableStream, {
          status: 206,
          headers: {
            ...headers,
            'content-range': `bytes ${start}-${end}/${info.size}`,
            'content-length': String(end - start + 1),
          },
        });
      }
    }
    return new Response(Readable.toWeb(createReadStream(real)) as ReadableStream, {
      headers: { ...headers, 'content-length': String(info.size) },
    });
  });

  // The runtime's commits: the LMS's hottest route, so the body is read straight off the
  // socket with its own cap (the app-wide limiter skips this path) and answered the runtime's way.
  app.post('/scorm/commit/:token/:scoId', async (c) => {
    try {
      // sendBeacon posts JSON as text/plain; parse the text whatever the content type.
      const text = await readBodyText(c, MAX_COMMIT_BYTES);
      if (text === null)
        return c.json(
          {
            result: false,
            errorCode: 101,
            error: { code: 'PAYLOAD_TOO_LARGE', message: 'Commit too large.' },
          },
          413,
        );
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        throw new AppError('VALIDATION', 'A commit must be JSON.');
      }
      const outcome = await recordCommit(deps, {
        token: c.req.param('token'),
        scoId: c.req.param('scoId'),
        body,
        terminate: c.req.query('terminate') === 'true',
      });
      // applied: this commit's data is what is stored (the player only then counts it as saved).
      return c.json({ result: true, errorCode: 0, applied: outcome.kind === 'applied' });
    } catch (error) {
      if (!isAppError(error)) throw error;
      return c.json(
        {
          result: false,
          errorCode: Number(error.details?.scormErrorCode ?? 101),
          error: { code: error.code, message: error.userMessage },
        },
        statusForCode(error.code),
      );
    }
  });

  return app;
}

/** The course's certificate and validity as upload form fields ("true"/"false"; months, or "never"). */
function courseSettingsOf(form: Record<string, string>): {
  grantsCertificate?: boolean;
  validityMonths?: number | null;
} {
  const out: { grantsCertificate?: boolean; validityMonths?: number | null } = {};
  const grants = form.grantsCertificate?.trim().toLowerCase();
  if (grants) {
    if (grants !== 'true' && grants !== 'false')
      throw new AppError('VALIDATION', 'grantsCertificate must be true or false.', {
        field: 'grantsCertificate',
      });
    out.grantsCertificate = grants === 'true';
  }
  const validity = form.validityMonths?.trim().toLowerCase();
  if (validity) {
    if (validity === 'never' || validity === 'null') out.validityMonths = null;
    else if (/^\d{1,3}$/.test(validity) && Number(validity) >= 1 && Number(validity) <= 240)
      out.validityMonths = Number(validity);
    else
      throw new AppError(
        'VALIDATION',
        'validityMonths must be a number of months from 1 to 240, or "never".',
        {
          field: 'validityMonths',
        },
      );
  }
  return out;
}

/** Path segments after /scorm/content/<token>/, decoded one by one; anything that could climb out is refused. */
function contentPathOf(c: Context, token: string): string[] {
  const pathname = new URL(c.req.url).pathname;
  const prefix = `/scorm/content/${token}/`;
  if (!pathname.startsWith(prefix)) throw new AppError('NOT_FOUND', 'No such file in this course.');
  const segments = pathname.slice(prefix.length).split('/');
  return segments.map((raw) => {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      throw new AppError('VALIDATION', 'That file path is not valid.');
    }
    if (segment === '' || segment === '.' || segment === '..' || /[\\/\0]/.test(segment)) {
      throw new AppError('NOT_FOUND', 'No such file in this course.');
    }
    return segment;
  });
}
