/** examples/book-and-roster.mjs against a listening service: it books one person and prints the roster. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, type Listening } from '../../helpers/listen.ts';
import { TOKEN, call, startApiFixture, type ApiFixture } from './api-fixture.ts';

const run = promisify(execFile);
const SCRIPT = path.resolve(import.meta.dirname, '../../../examples/book-and-roster.mjs');

describe('examples/book-and-roster.mjs', () => {
  let f: ApiFixture;
  let server: Listening;
  let sessionId: string;

  beforeAll(async () => {
    f = await startApiFixture();
    server = await listen(f.app);
    const scheduled = await call(f.app, 'POST', '/api/v1/sessions', {
      courseId: f.iltCourseId,
      timeZone: 'Europe/London',
      days: [{ date: '2026-12-22', start: '09:00', end: '12:00' }],
      capacity: 4,
      meetingUrl: 'https://meet.example/room',
      instructors: [{ personId: f.instructors[0]!.personId }],
    });
    sessionId = scheduled.body.sessionId;
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await f?.close();
  });

  it('books the named person and lists them on the roster', async () => {
    const { stdout } = await run(process.execPath, [SCRIPT, 'Priya@t.example', sessionId], {
      env: { ...process.env, ROLLCALL_URL: server.url, ROLLCALL_TOKEN: TOKEN },
    });
    expect(stdout).toContain('Priya Shah on Fire Safety');
    expect(stdout).toMatch(/confirmed\s+Priya Shah <priya@t\.example>/);
    const rows = await f.t.db.prisma.registration.findMany({ where: { sessionId } });
    expect(rows.map((r) => [r.personId, r.status])).toEqual([[f.org.people.priya.id, 'confirmed']]);
  });

  it('explains a refusal in the error shape and exits non-zero', async () => {
    const failed = await run(process.execPath, [SCRIPT, 'nobody@t.example', sessionId], {
      env: { ...process.env, ROLLCALL_URL: server.url, ROLLCALL_TOKEN: TOKEN },
    }).catch((error: { code: number; stderr: string }) => error);
    expect((failed as { code: number }).code).not.toBe(0);
    expect((failed as { stderr: string }).stderr).toContain('Nobody with the e-mail nobody@t.example');
  });
});
