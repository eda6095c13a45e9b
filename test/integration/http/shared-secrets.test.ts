/**
 * Two replicas on one database and no LAUNCH_TOKEN_SECRET: the secret is made once and
 * stored, so a launch link issued by one replica opens on the other and commits are
 * accepted by either. After a rotation, links signed with the previous secret still work.
 * Two service instances over real HTTP, each with its own connection pool on PostgreSQL
 * (the same PGlite handle when running embedded).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/http/app.ts';
import { openDb, type Db } from '../../../src/db/open-db.ts';
import { rotateStoredSecret } from '../../../src/db/stored-secrets.ts';
import { LAUNCH_SECRET_NAME, withSharedSecrets } from '../../../src/startup.ts';
import { launchCourse } from '../../../src/features/scorm/launch-course.ts';
import { createLaunchToken } from '../../../src/features/scorm/launch-token.ts';
import { loadActor } from '../../../src/features/people/actor.ts';
import type { Deps } from '../../../src/deps.ts';
import { createTestDb, testDeps, type TestDb } from '../../helpers/test-db.ts';
import { listen, type Listening } from '../../helpers/listen.ts';
import { buildPackage } from '../../helpers/scorm-zips.ts';
import { ADMIN_TOKEN } from '../../helpers/scorm-app.ts';

const NOW = new Date('2026-11-28T09:00:00Z');
let testDb: TestDb;
let secondDb: Db;
let sandbox: string;
const replicas: { deps: Deps; server: Listening }[] = [];

async function startReplica(db: Db): Promise<{ deps: Deps; server: Listening }> {
  const base = testDeps(db, NOW, {
    CONTENT_DIR: path.join(sandbox, 'content'),
    ADMIN_API_TOKEN: ADMIN_TOKEN,
    LAUNCH_TOKEN_SECRET: undefined,
  });
  const deps = { ...base, config: await withSharedSecrets(base.config, db) };
  const server = await listen(createApp(deps));
  deps.config.publicUrl = server.url;
  const replica = { deps, server };
  replicas.push(replica);
  return replica;
}

beforeAll(async () => {
  testDb = await createTestDb();
  secondDb = testDb.url ? await openDb({ DATABASE_URL: testDb.url, DATA_DIR: '' }) : testDb.db;
  sandbox = await mkdtemp(path.join(os.tmpdir(), 'rollcall-secrets-'));
});
afterAll(async () => {
  for (const r of replicas) await r.server.close();
  if (secondDb !== testDb.db) await secondDb?.close();
  await testDb?.drop();
  await rm(sandbox, { recursive: true, force: true });
});

const tokenOf = (url: string) => url.split('/scorm/launch/')[1]!;
const bootOf = (html: string) =>
  JSON.parse(/<script id="rollcall-boot" type="application\/json">(.*?)<\/script>/s.exec(html)![1]!);

describe('secrets every replica shares', () => {
  it('a link issued by one replica opens on the other; commits are accepted by either', async () => {
    const [a, b] = [await startReplica(testDb.db), await startReplica(secondDb)];
    expect(a.deps.config.LAUNCH_TOKEN_SECRET).toBeTruthy();
    expect(b.deps.config.LAUNCH_TOKEN_SECRET).toBe(a.deps.config.LAUNCH_TOKEN_SECRET);

    const p = testDb.db.prisma;
    const person = await p.person.create({ data: { email: 'lena@acme.example', name: 'Lena' } });
    const course = await p.course.create({ data: { code: 'SEC-1', title: 'Secrets', kind: 'elearning' } });
    const zip = await buildPackage({
      version: '1.2',
      title: 'S',
      scos: [{ identifier: 's', title: 'S', href: 'index.html' }],
    });
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(zip)], { type: 'application/zip' }), 'p.zip');
    form.set('courseId', course.id);
    const upload = await fetch(`${a.server.url}/api/packages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      body: form,
    });
    expect(upload.status).toBe(201);
    const scoId = ((await upload.json()) as { scos: { id: string }[] }).scos[0]!.id;

    const launch = await launchCourse(a.deps, await loadActor(p, person.id), { courseId: course.id });
    const token = tokenOf(launch.url);
    const page = await fetch(`${b.server.url}/scorm/launch/${token}`);
    expect(page.status).toBe(200);
    const base = bootOf(await page.text()).sequenceBase as number;
    for (const [i, replica] of [b, a].entries()) {
      const res = await fetch(`${replica.server.url}/scorm/commit/${token}/${scoId}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          commitSequence: base + i + 1,
          cmi: { core: { lesson_status: 'incomplete', lesson_location: String(i) } },
        }),
      });
      expect(res.status).toBe(200);
    }

    // Rotation: a replica started afterwards signs with the new secret and still accepts
    // the link signed with the previous one; a link signed with an unrelated secret is refused.
    await rotateStoredSecret(testDb.db, LAUNCH_SECRET_NAME, NOW);
    const c = await startReplica(secondDb);
    expect(c.deps.config.LAUNCH_TOKEN_SECRET).not.toBe(a.deps.config.LAUNCH_TOKEN_SECRET);
    expect(c.deps.config.LAUNCH_TOKEN_SECRET_PREVIOUS).toBe(a.deps.config.LAUNCH_TOKEN_SECRET);
    expect((await fetch(`${c.server.url}/scorm/launch/${token}`)).status).toBe(200);
    const forged = createLaunchToken(
      { LAUNCH_TOKEN_SECRET: 'someone-elses-secret-0123456789abcdef' },
      { personId: person.id, courseId: course.id, attemptId: launch.attemptId },
      NOW,
    );
    expect((await fetch(`${c.server.url}/scorm/launch/${forged.token}`)).status).toBe(401);
  });
});
