/**
 * Packages managed and attempts reported, over real HTTP: certificate and validity set at
 * upload, a duplicate title refused, a replacement taking new attempts while an open attempt
 * finishes on its own package, archive/delete refused while attempts are open, and the
 * attempts report (per SCO, with interactions and objectives) as JSON, CSV and in chat.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIntent } from '../../../src/conversation/handle-message.ts';
import type { Turn } from '../../../src/conversation/intents/turn.ts';
import type { Intent } from '../../../src/conversation/parse/intents.ts';
import { loadActor, type Actor } from '../../../src/features/people/actor.ts';
import { launchCourse } from '../../../src/features/scorm/launch-course.ts';
import { buildPackage } from '../../helpers/scorm-zips.ts';
import {
  ADMIN_TOKEN,
  createPerson,
  startScormApp,
  uploadPackage,
  type ScormTestApp,
} from '../../helpers/scorm-app.ts';

let app: ScormTestApp;
let lena: Actor;
let omar: Actor;
let admin: Actor;

beforeAll(async () => {
  app = await startScormApp(new Date('2026-11-28T09:00:00Z'));
  lena = await loadActor(
    app.deps.db.prisma,
    (await createPerson(app, 'lena@acme.example', 'Lena Learner')).id,
  );
  omar = await loadActor(app.deps.db.prisma, (await createPerson(app, 'omar@acme.example', 'Omar Other')).id);
  const adminRow = await app.deps.db.prisma.person.create({
    data: {
      email: 'ada@acme.example',
      name: 'Ada Admin',
      timeZone: 'Europe/London',
      roles: ['employee', 'admin'],
    },
  });
  admin = await loadActor(app.deps.db.prisma, adminRow.id);
});
afterAll(async () => {
  await app?.close();
});

const api = async (method: string, url: string) => {
  const response = await fetch(`${app.baseUrl}${url}`, {
    method,
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
  });
  const type = response.headers.get('content-type') ?? '';
  return {
    status: response.status,
    type,
    body: (type.includes('json') ? await response.json() : await response.text()) as any,
  };
};
const tokenOf = (url: string) => url.split('/scorm/launch/')[1]!;
const bootOf = (html: string) =>
  JSON.parse(/<script id="rollcall-boot" type="application\/json">(.*?)<\/script>/s.exec(html)![1]!);

async function commit(token: string, scoId: string, body: unknown, terminate = false) {
  const response = await fetch(
    `${app.baseUrl}/scorm/commit/${token}/${scoId}${terminate ? '?terminate=true' : ''}`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    },
  );
  return (await response.json()) as Record<string, unknown>;
}

/** What the SCO recorded; the runtime sends the whole model with every commit. */
const recorded = {
  interactions: {
    0: { id: 'q1', type: 'choice', result: 'correct', student_response: 'a', weighting: '1' },
    1: { id: 'q2', type: 'fill-in', result: 'wrong', student_response: '=SUM(A1)', weighting: '1' },
  },
  objectives: { 0: { id: 'obj-basics', status: 'passed', score: { raw: '90' } } },
};

const zipTitled = (title: string, sco = 'module') =>
  buildPackage({
    version: '1.2',
    title,
    scos: [{ identifier: sco, title: `${title} module`, href: 'index.html' }],
  });

describe('packages managed', () => {
  let courseId: string;
  let courseCode: string;
  let v1: { packageId: string; scoId: string };
  let v2: { packageId: string; scoId: string };
  let lenaAttempt: string;

  it('sets the certificate and validity at upload, and refuses a second course with the same title', async () => {
    const first = await uploadPackage(app, await zipTitled('Data Protection'), {
      grantsCertificate: 'true',
      validityMonths: '24',
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ courseCreated: true, replacedPackageId: null });
    courseId = first.body.courseId;
    courseCode = first.body.courseCode;
    v1 = { packageId: first.body.packageId, scoId: first.body.scos[0].id };
    const course = await api('GET', `/api/v1/courses/${courseId}`);
    expect(course.body).toMatchObject({
      grantsCertificate: true,
      validityMonths: 24,
      title: 'Data Protection',
    });

    const again = await uploadPackage(app, await zipTitled('data protection'));
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'CONFLICT', field: 'courseTitle' });
    expect(again.body.error.message).toContain(courseCode);
    const renamed = await uploadPackage(app, await zipTitled('data protection'), {
      courseTitle: 'Data Protection (US)',
    });
    expect(renamed.status).toBe(201);
    expect(renamed.body.courseCreated).toBe(true);

    const bad = await uploadPackage(app, await zipTitled('Other'), { validityMonths: 'soon' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('validityMonths');
    expect(await app.deps.db.prisma.course.count({ where: { title: 'Other' } })).toBe(0);
  });

  it('replaces the content: an open attempt finishes on its package, new attempts use the new one', async () => {
    const launch = await launchCourse(app.deps, lena, { courseId });
    lenaAttempt = launch.attemptId;
    const token = tokenOf(launch.url);
    const base = bootOf(await (await fetch(launch.url)).text()).sequenceBase;
    app.deps.clock.advance(5 * 60_000);
    expect(
      await commit(token, v1.scoId, {
        commitSequence: base + 1,
        cmi: {
          core: {
            lesson_status: 'incomplete',
            lesson_location: 'p3',
            session_time: '00:02:00',
            exit: 'suspend',
            score: { raw: '40' },
          },
          ...recorded,
        },
      }),
    ).toMatchObject({ result: true, applied: true });

    const second = await uploadPackage(app, await zipTitled('Data Protection v2', 'module-v2'), {
      courseCode,
    });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ courseId, courseCreated: false, replacedPackageId: v1.packageId });
    v2 = { packageId: second.body.packageId, scoId: second.body.scos[0].id };

    const resumed = await launchCourse(app.deps, lena, { courseId });
    expect(resumed).toMatchObject({ resumed: true, attemptId: lenaAttempt });
    const page = await (await fetch(resumed.url)).text();
    expect(page).toContain(`/scorm/commit/${tokenOf(resumed.url)}/${v1.scoId}`);
    expect(page).not.toContain(v2.scoId);

    const fresh = await launchCourse(app.deps, omar, { courseId });
    expect(fresh.resumed).toBe(false);
    const attempt = await app.deps.db.prisma.attempt.findUniqueOrThrow({ where: { id: fresh.attemptId } });
    expect(attempt.packageId).toBe(v2.packageId);

    const list = await api('GET', `/api/v1/packages?courseId=${courseId}`);
    expect(list.status).toBe(200);
    const byId = Object.fromEntries(list.body.items.map((p: any) => [p.id, p]));
    expect(byId[v1.packageId]).toMatchObject({
      current: false,
      attempts: 1,
      openAttempts: 1,
      archivedAt: null,
    });
    expect(byId[v2.packageId]).toMatchObject({ current: true, attempts: 1, openAttempts: 1 });
  });

  it('refuses archive and delete while attempts are open; archives once they finish; delete only unused', async () => {
    for (const [method, url] of [
      ['POST', `/api/v1/packages/${v1.packageId}/archive`],
      ['DELETE', `/api/v1/packages/${v1.packageId}`],
    ] as const) {
      const refused = await api(method, url);
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe('INVALID_STATE');
      expect(refused.body.error.message).toContain('mid-attempt');
    }
    expect(
      await app.deps.db.prisma.contentPackage.findUniqueOrThrow({ where: { id: v1.packageId } }),
    ).toMatchObject({ archivedAt: null });

    // Lena finishes on her package.
    const launch = await launchCourse(app.deps, lena, { courseId });
    const token = tokenOf(launch.url);
    const base = bootOf(await (await fetch(launch.url)).text()).sequenceBase;
    app.deps.clock.advance(60_000);
    await commit(
      token,
      v1.scoId,
      {
        commitSequence: base + 1,
        cmi: {
          core: { lesson_status: 'completed', session_time: '00:00:30', exit: '', score: { raw: '85' } },
          ...recorded,
        },
      },
      true,
    );
    expect(
      (await app.deps.db.prisma.attempt.findUniqueOrThrow({ where: { id: lenaAttempt } })).finishedAt,
    ).not.toBeNull();

    const archived = await api('POST', `/api/v1/packages/${v1.packageId}/archive`);
    expect(archived.status).toBe(200);
    expect(archived.body.kind).toBe('archived');
    expect((await api('POST', `/api/v1/packages/${v1.packageId}/archive`)).body.kind).toBe(
      'already_archived',
    );
    const evidence = await api('DELETE', `/api/v1/packages/${v1.packageId}`);
    expect(evidence.status).toBe(409);
    expect(evidence.body.error.message).toContain('archive it instead');

    // An unused package goes with its files.
    const unused = await uploadPackage(app, await zipTitled('Scratch'));
    const folder = path.join(app.contentDir, unused.body.packageId);
    expect((await stat(folder)).isDirectory()).toBe(true);
    const deleted = await api('DELETE', `/api/v1/packages/${unused.body.packageId}`);
    expect(deleted).toMatchObject({ status: 200, body: { kind: 'deleted' } });
    await expect(stat(folder)).rejects.toThrow();
    expect((await api('GET', `/api/v1/packages/${unused.body.packageId}`)).status).toBe(404);
    expect((await api('DELETE', `/api/v1/packages/not-a-uuid`)).status).toBe(400);
  });

  it('archive racing a launch: never an attempt started on an archived package', async () => {
    for (let round = 0; round < 3; round++) {
      const upload = await uploadPackage(app, await zipTitled(`Race ${round}`));
      const person = await createPerson(app, `racer${round}@acme.example`, `Racer ${round}`);
      const racer = await loadActor(app.deps.db.prisma, person.id);
      const [archive, launch] = await Promise.allSettled([
        api('POST', `/api/v1/packages/${upload.body.packageId}/archive`),
        launchCourse(app.deps, racer, { courseId: upload.body.courseId }),
      ]);
      const archived = archive.status === 'fulfilled' && archive.value.status === 200;
      const launched = launch.status === 'fulfilled';
      // Exactly one wins: a launch first makes the archive wait and then refuse (open attempt).
      expect(archived !== launched, JSON.stringify({ archive, launch })).toBe(true);
      const attempts = await app.deps.db.prisma.attempt.count({
        where: { packageId: upload.body.packageId },
      });
      expect(attempts).toBe(launched ? 1 : 0);
      if (!launched) expect((launch as PromiseRejectedResult).reason.code).toMatch(/INVALID_STATE|CONFLICT/);
    }
  });

  it('reports attempts per SCO with interactions and objectives, as JSON and CSV', async () => {
    const json = await api('GET', `/api/v1/reports/scorm-attempts/${courseId}`);
    expect(json.status).toBe(200);
    const lenaRow = json.body.rows.find((r: any) => r.email === 'lena@acme.example');
    expect(lenaRow).toMatchObject({
      attemptNumber: 1,
      packageId: v1.packageId,
      scoIdentifier: 'module',
      completionStatus: 'completed',
      scoreRaw: '85',
      interactions: 2,
      interactionsCorrect: 1,
      interactionResults: 'q1=correct; q2=wrong',
      objectives: 'obj-basics: passed (90)',
    });
    // Time adds up when a session finishes: the first session was never finished (LMSFinish).
    expect(lenaRow.timeSeconds).toBe(30);
    const omarRow = json.body.rows.find((r: any) => r.email === 'omar@acme.example');
    expect(omarRow).toMatchObject({
      packageId: v2.packageId,
      scoIdentifier: 'module-v2',
      completionStatus: null,
    });

    const csv = await api('GET', `/api/v1/reports/scorm-attempts/${courseId}?format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.type).toContain('text/csv');
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toMatch(/^Person,Email,Attempt,Package,/);
    expect(lines).toHaveLength(3);
    expect(lines.find((l: string) => l.startsWith('Lena Learner'))).toContain(
      ',module,Data Protection module,completed,unknown,85,,30,2,1,',
    );
    const interactions = await api(
      'GET',
      `/api/v1/reports/scorm-attempts/${courseId}?format=csv&rows=interactions`,
    );
    const rows = interactions.body.trim().split('\r\n');
    expect(rows).toHaveLength(3);
    // A learner's free-text answer is never a spreadsheet formula.
    expect(rows[2]).toContain(`'=SUM(A1)`);

    expect((await api('GET', `/api/v1/reports/scorm-attempts/${crypto.randomUUID()}`)).status).toBe(404);
    expect((await api('GET', `/api/v1/reports/scorm-attempts/${courseId}?format=xml`)).status).toBe(400);
  });

  it('answers an admin in chat with the report as CSV files, and refuses a learner', async () => {
    const turn = (actor: Actor): Turn => ({
      deps: app.deps,
      actor,
      now: app.deps.clock.now(),
      channel: 'web',
      locale: 'en-GB',
      context: {} as Turn['context'],
    });
    const intent = {
      intent: 'report',
      slots: { kind: 'scorm_attempts', course: 'data protection', format: 'csv' },
    } as unknown as Intent;
    const answer = await runIntent(turn(admin), intent, {});
    expect(answer.text).toMatch(/^Attempts at Data Protection: 2 attempts, 1 finished/);
    const files = answer.files ?? [];
    expect(files.map((f) => f.name)).toEqual([
      'attempts-at-data-protection.csv',
      'attempts-at-data-protection-interactions.csv',
    ]);
    expect(files[1]!.content.toString()).toContain('q2,fill-in,wrong');
    expect(files[0]!.content.toString()).toContain('q1=correct; q2=wrong');

    const learnerAnswer = await runIntent(turn(lena), intent, {});
    expect(learnerAnswer.files ?? []).toEqual([]);
    expect(learnerAnswer.text).toMatch(/admin/i);
  });
});
