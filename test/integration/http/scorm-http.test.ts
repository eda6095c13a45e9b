/**
 * SCORM over real HTTP on 127.0.0.1: upload, launch, content serving, commits (JSON and
 * sendBeacon's text/plain), ordering rules, completion, tokens. The browser tests drive the
 * same routes through the real runtime; these pin the edges precisely.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchCourse } from '../../../src/features/scorm/launch-course.ts';
import { getCourseProgress } from '../../../src/features/scorm/get-course-progress.ts';
import { createLaunchToken } from '../../../src/features/scorm/launch-token.ts';
import { loadActor, type Actor } from '../../../src/features/people/actor.ts';
import { buildPackage, renameEntry, zipOf } from '../../helpers/scorm-zips.ts';
import { createPerson, startScormApp, uploadPackage, type ScormTestApp } from '../../helpers/scorm-app.ts';

let app: ScormTestApp;
let learner: Actor;
let other: Actor;

beforeAll(async () => {
  app = await startScormApp(new Date('2026-11-28T09:00:00Z'));
  learner = await loadActor(
    app.deps.db.prisma,
    (await createPerson(app, 'lena.learner@acme.example', 'Lena Learner')).id,
  );
  other = await loadActor(
    app.deps.db.prisma,
    (await createPerson(app, 'otto.other@acme.example', 'Otto Other')).id,
  );
});
afterAll(async () => {
  await app?.close();
});

const tokenOf = (url: string) => url.split('/scorm/launch/')[1]!;
const bootOf = (html: string) =>
  JSON.parse(/<script id="rollcall-boot" type="application\/json">(.*?)<\/script>/s.exec(html)![1]!);

async function commit(
  token: string,
  scoId: string,
  body: unknown,
  opts: { terminate?: boolean; beacon?: boolean } = {},
) {
  const response = await fetch(
    `${app.baseUrl}/scorm/commit/${token}/${scoId}${opts.terminate ? '?terminate=true' : ''}`,
    {
      method: 'POST',
      headers: { 'content-type': opts.beacon ? 'text/plain;charset=UTF-8' : 'application/json' },
      body: JSON.stringify(body),
    },
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function leftovers(): Promise<string[]> {
  return (await readdir(app.sandbox, { recursive: true }))
    .map(String)
    .filter((f) => !/^content(\/[0-9a-f-]{36}(\/.*)?)?$/.test(f));
}

describe('POST /api/packages', () => {
  it('needs the admin token', async () => {
    const zip = await buildPackage({
      version: '1.2',
      title: 'Locked',
      scos: [{ identifier: 's', title: 'S', href: 'index.html' }],
    });
    const { status, body } = await uploadPackage(app, zip, {}, 'wrong-token-wrong-token');
    expect(status).toBe(401);
    expect(body.error.code).toBe('UNAUTHENTICATED');
  });

  it('imports a package into its own folder and creates an eLearning course', async () => {
    const zip = await buildPackage({
      version: '2004',
      title: 'Based',
      xmlBase: 'content/',
      scos: [{ identifier: 'intro', title: 'Intro', href: 'intro.html', parameters: '?start=1' }],
    });
    const { status, body } = await uploadPackage(app, zip);
    expect(status).toBe(201);
    expect(body).toMatchObject({
      kind: 'imported',
      version: 'scorm2004',
      courseCreated: true,
      title: 'Based',
    });
    expect(body.scos[0].launchHref).toBe('content/intro.html?start=1');
    const course = await app.deps.db.prisma.course.findUniqueOrThrow({ where: { id: body.courseId } });
    expect(course.kind).toBe('elearning');
    expect((await stat(path.join(app.contentDir, body.packageId, 'content/intro.html'))).isFile()).toBe(true);
    const audit = await app.deps.db.prisma.auditEvent.findFirst({ where: { entityId: body.packageId } });
    expect(audit?.action).toBe('content_package.imported');
  });

  it('attaches to an existing course by code, and refuses an unknown one', async () => {
    await app.deps.db.prisma.course.create({
      data: { code: 'SEC-101', title: 'Security Basics', kind: 'elearning' },
    });
    const zip = await buildPackage({
      version: '1.2',
      title: 'Security',
      scos: [{ identifier: 's', title: 'S', href: 'index.html' }],
    });
    const attached = await uploadPackage(app, zip, { courseCode: 'sec-101' });
    expect(attached.status).toBe(201);
    expect(attached.body).toMatchObject({ courseCode: 'SEC-101', courseCreated: false });
    const missing = await uploadPackage(app, zip, { courseCode: 'NOPE-1' });
    expect(missing.status).toBe(404);
  });

  const bad: [string, () => Promise<Buffer>, RegExp][] = [
    ['a zip without a manifest', () => zipOf([{ name: 'index.html', data: 'x' }]), /no imsmanifest.xml/],
    [
      'a manifest in a sub-folder',
      async () =>
        zipOf([
          { name: 'course/imsmanifest.xml', data: '<manifest/>' },
          { name: 'course/index.html', data: 'x' },
        ]),
      /in the folder "course"/,
    ],
    [
      'a missing organization',
      () =>
        zipOf([
          {
            name: 'imsmanifest.xml',
            data: '<manifest identifier="m"><organizations/><resources/></manifest>',
          },
        ]),
      /no <organization>/,
    ],
    [
      'an unknown resource',
      () =>
        zipOf([
          {
            name: 'imsmanifest.xml',
            data: '<manifest identifier="m"><organizations default="o"><organization identifier="o"><item identifier="i" identifierref="ghost"><title>T</title></item></organization></organizations><resources/></manifest>',
          },
        ]),
      /resource "ghost"/,
    ],
    [
      'a launch file missing from the zip',
      () =>
        zipOf([
          {
            name: 'imsmanifest.xml',
            data: '<manifest identifier="m"><organizations><organization identifier="o"><item identifier="i" identifierref="r"><title>T</title></item></organization></organizations><resources><resource identifier="r" href="missing.html"/></resources></manifest>',
          },
        ]),
      /no such file/,
    ],
    [
      'a hostile zip (path escape)',
      async () =>
        renameEntry(
          await zipOf([
            { name: 'imsmanifest.xml', data: '<manifest/>' },
            { name: 'xx/evil.html', data: 'x' },
          ]),
          'xx/evil.html',
          '../evil.html',
        ),
      /refused/,
    ],
    [
      'a symlink',
      () =>
        zipOf([
          { name: 'imsmanifest.xml', data: '<manifest/>' },
          { name: 'link', data: '/etc/passwd', mode: 0o120777 },
        ]),
      /symbolic link/,
    ],
    ['not a zip', async () => Buffer.from('hello'), /not a readable zip/],
  ];
  for (const [label, build, message] of bad) {
    it(`refuses ${label} with a clear error and leaves nothing behind`, async () => {
      const before = await app.deps.db.prisma.contentPackage.count();
      const { status, body } = await uploadPackage(app, await build());
      expect(status).toBe(400);
      expect(body.error.code).toBe('VALIDATION');
      expect(body.error.message).toMatch(message);
      expect(await app.deps.db.prisma.contentPackage.count()).toBe(before);
      expect(await leftovers()).toEqual([]);
    });
  }
});

describe('launch, content and commits', () => {
  let courseId: string;
  let scoId: string;
  let packageId: string;

  beforeAll(async () => {
    const course = await app.deps.db.prisma.course.create({
      data: { code: 'GDPR-101', title: 'GDPR Basics', kind: 'elearning', validityMonths: 12 },
    });
    courseId = course.id;
    const zip = await buildPackage({
      version: '1.2',
      title: 'GDPR',
      scos: [{ identifier: 'gdpr', title: 'GDPR Basics', href: 'sco/index.html', masteryScore: 80 }],
    });
    const { body } = await uploadPackage(app, zip, { courseId });
    scoId = body.scos[0].id;
    packageId = body.packageId;
  });

  it('serves the player page and the package files, and nothing else', async () => {
    const launch = await launchCourse(app.deps, learner, { courseId });
    expect(launch).toMatchObject({ resumed: false, attemptNumber: 1, courseTitle: 'GDPR Basics' });
    const token = tokenOf(launch.url);
    const page = await fetch(launch.url);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('/scorm/runtime/scorm12.min.js');
    expect(html).toContain(`/scorm/commit/${token}/${scoId}`);
    const runtime = await fetch(`${app.baseUrl}/scorm/runtime/scorm12.min.js`);
    expect(runtime.headers.get('content-type')).toMatch(/javascript/);
    expect(await runtime.text()).toContain('Scorm12API');

    const file = await fetch(`${app.baseUrl}/scorm/content/${token}/sco/index.html`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(file.headers.get('referrer-policy')).toBe('same-origin');
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    const manifest = await fetch(`${app.baseUrl}/scorm/content/${token}/imsmanifest.xml`);
    expect(manifest.headers.get('content-type')).toBe('application/xml');
    // Range requests and validators.
    const whole = await (await fetch(`${app.baseUrl}/scorm/content/${token}/imsmanifest.xml`)).text();
    const url = `${app.baseUrl}/scorm/content/${token}/imsmanifest.xml`;
    const part = await fetch(url, { headers: { range: 'bytes=5-14' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 5-14/${Buffer.byteLength(whole)}`);
    expect(await part.text()).toBe(Buffer.from(whole).subarray(5, 15).toString());
    const tail = await fetch(url, { headers: { range: 'bytes=-4' } });
    expect(tail.status).toBe(206);
    expect(await tail.text()).toBe(Buffer.from(whole).subarray(-4).toString());
    const beyond = await fetch(url, { headers: { range: 'bytes=999999-' } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe(`bytes */${Buffer.byteLength(whole)}`);
    const etag = manifest.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
    expect((await fetch(url, { headers: { 'if-none-match': etag } })).status).toBe(304);
    const stale = await fetch(url, { headers: { range: 'bytes=0-3', 'if-range': '"other"' } });
    expect(stale.status).toBe(200);
    expect(await stale.text()).toBe(whole);
    for (const probe of [
      'sco',
      'sco/',
      '..%2f..%2fpackage.json',
      '%2e%2e/%2e%2e/package.json',
      'sco/..%5c..%5cx',
      'nope.html',
    ]) {
      const res = await fetch(`${app.baseUrl}/scorm/content/${token}/${probe}`);
      expect([400, 404]).toContain(res.status);
    }
    // The browser-normalised form of ../ leaves the token's folder and so the route.
    expect((await fetch(`${app.baseUrl}/scorm/content/${token}/../../../etc/passwd`)).status).toBe(404);
    expect((await fetch(`${app.baseUrl}/scorm/content/not-a-token/sco/index.html`)).status).toBe(401);
  });

  it('keeps order: stale commits ignored, JSON and text/plain accepted, session time added once', async () => {
    const launch = await launchCourse(app.deps, learner, { courseId });
    expect(launch.resumed).toBe(true);
    const token = tokenOf(launch.url);
    const base = bootOf(await (await fetch(launch.url)).text()).sequenceBase; // opens the SCO session
    expect(base).toBeGreaterThan(0);
    app.deps.clock.advance(10 * 60_000); // session time is capped at the wall time since opening
    const cmi = (status: string, location: string, extra: Record<string, unknown> = {}) => ({
      cmi: {
        core: {
          lesson_status: status,
          lesson_location: location,
          session_time: '00:01:40',
          exit: 'suspend',
          score: {},
        },
        suspend_data: 'S'.repeat(4000),
        ...extra,
      },
    });
    expect(
      (await commit(token, scoId, { ...cmi('incomplete', '2'), commitSequence: base + 2 })).body,
    ).toEqual({ result: true, errorCode: 0, applied: true });
    // Sequence 1 arrives late: ignored, the bookmark stays at 2.
    expect(
      (await commit(token, scoId, { ...cmi('incomplete', '1'), commitSequence: base + 1 })).body,
    ).toEqual({ result: true, errorCode: 0, applied: false });
    let state = await app.deps.db.prisma.scoState.findFirstOrThrow({
      where: { attemptId: launch.attemptId },
    });
    expect(state).toMatchObject({
      location: '2',
      commitSeq: base + 2,
      terminated: false,
      totalTimeSeconds: 0,
    });

    // The final commit, as sendBeacon sends it, twice.
    expect(
      (
        await commit(
          token,
          scoId,
          { ...cmi('incomplete', '3'), commitSequence: base + 3 },
          { terminate: true, beacon: true },
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await commit(
          token,
          scoId,
          { ...cmi('incomplete', '3'), commitSequence: base + 4 },
          { terminate: true, beacon: true },
        )
      ).status,
    ).toBe(200);
    // And a stale autocommit after terminate.
    await commit(token, scoId, { ...cmi('incomplete', '9'), commitSequence: base + 5 });
    state = await app.deps.db.prisma.scoState.findFirstOrThrow({ where: { attemptId: launch.attemptId } });
    expect(state).toMatchObject({
      location: '3',
      terminated: true,
      totalTimeSeconds: 100,
      exitMode: 'suspend',
    });
    expect(state.suspendData).toBe('S'.repeat(4000));

    const progress = await getCourseProgress(app.deps, learner, { courseId });
    // Someone outside the learner's reporting line cannot look.
    await expect(
      getCourseProgress(app.deps, other, { courseId, personId: learner.personId }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await getCourseProgress(app.deps, other, { courseId })).toMatchObject({
      kind: 'not_started',
      courseTitle: 'GDPR Basics',
    });
    expect(progress).toMatchObject({
      kind: 'in_progress',
      percent: 0,
      suspended: true,
      leftOff: { scoTitle: 'GDPR Basics', location: '3' },
    });

    // Resume: the player is loaded with the saved state and entry=resume.
    const again = await launchCourse(app.deps, learner, { courseId });
    expect(again).toMatchObject({ resumed: true, attemptId: launch.attemptId });
    const boot = bootOf(await (await fetch(again.url)).text());
    app.deps.clock.advance(10 * 60_000);
    // A late commit from the session before (sequence below the new block) is stale.
    await commit(
      tokenOf(again.url),
      scoId,
      { ...cmi('incomplete', 'late'), commitSequence: base + 6 },
      { terminate: true },
    );
    expect(
      await app.deps.db.prisma.scoState.findFirstOrThrow({ where: { attemptId: launch.attemptId } }),
    ).toMatchObject({ location: '3', terminated: false });
    expect(boot.cmi.core).toMatchObject({
      entry: 'resume',
      lesson_location: '3',
      total_time: '0000:01:40',
      lesson_status: 'incomplete',
    });
    expect(boot.cmi.suspend_data).toBe('S'.repeat(4000));
    expect(boot.cmi.student_data.mastery_score).toBe('80');

    // Mastery score decides (against score.raw, as SCORM 1.2 says): completed with 92 ≥ 80 → passed.
    const final = {
      cmi: {
        core: {
          lesson_status: 'completed',
          lesson_location: '9',
          session_time: '00:00:20',
          exit: '',
          score: { raw: '92', min: '0', max: '100' },
        },
      },
      commitSequence: boot.sequenceBase + 1,
    };
    expect((await commit(tokenOf(again.url), scoId, final, { terminate: true, beacon: true })).status).toBe(
      200,
    );
    const attempt = await app.deps.db.prisma.attempt.findUniqueOrThrow({ where: { id: launch.attemptId } });
    expect(attempt).toMatchObject({ status: 'passed', successStatus: 'passed', totalTimeSeconds: 120 });
    expect(attempt.finishedAt).not.toBeNull();
    const completion = await app.deps.db.prisma.completion.findUniqueOrThrow({
      where: { attemptId: launch.attemptId },
    });
    expect(completion).toMatchObject({ source: 'scorm', personId: learner.personId, courseId });
    expect(Number(completion.score)).toBe(92);
    expect(Number(completion.percent)).toBe(92);
    const note = await app.deps.db.prisma.notification.findUniqueOrThrow({
      where: { dedupeKey: `course.completed:${launch.attemptId}` },
    });
    expect(note).toMatchObject({ kind: 'course.completed', recipientId: learner.personId });
    expect((note.payload as { text: string }).text).toBe('You completed GDPR Basics: 92%');

    // A commit after the attempt finished changes nothing.
    await commit(tokenOf(again.url), scoId, { ...final, commitSequence: boot.sequenceBase + 7 });
    expect(await app.deps.db.prisma.completion.count({ where: { attemptId: launch.attemptId } })).toBe(1);

    expect(await getCourseProgress(app.deps, learner, { courseId })).toMatchObject({
      kind: 'completed',
      percent: 92,
      score: 92,
    });
    // The old link opens the completed attempt for review (no credit, nothing saved); a new
    // launch starts attempt 2.
    const reviewPage = await fetch(again.url);
    expect(reviewPage.status).toBe(200);
    const reviewBoot = bootOf(await reviewPage.text());
    expect(reviewBoot.review).toBe(true);
    expect(reviewBoot.cmi.core).toMatchObject({ lesson_mode: 'review', credit: 'no-credit' });
    await commit(
      tokenOf(again.url),
      scoId,
      { ...final, commitSequence: reviewBoot.sequenceBase + 1 },
      { terminate: true },
    );
    expect(
      (await app.deps.db.prisma.attempt.findUniqueOrThrow({ where: { id: launch.attemptId } }))
        .totalTimeSeconds,
    ).toBe(120);
    const next = await launchCourse(app.deps, learner, { courseId });
    expect(next).toMatchObject({ resumed: false, attemptNumber: 2 });
  });

  it('concurrent repeated terminates add the session time once and complete once', async () => {
    const person = await loadActor(
      app.deps.db.prisma,
      (await createPerson(app, 'race.runner@acme.example', 'Race Runner')).id,
    );
    const launch = await launchCourse(app.deps, person, { courseId });
    const token = tokenOf(launch.url);
    const base = bootOf(await (await fetch(launch.url)).text()).sequenceBase;
    app.deps.clock.advance(10 * 60_000);
    const final = (n: number) => ({
      cmi: { core: { lesson_status: 'passed', session_time: '00:02:00', exit: '', score: { raw: '88' } } },
      commitSequence: base + n,
    });
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => commit(token, scoId, final(n), { terminate: true, beacon: true })),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    const attempt = await app.deps.db.prisma.attempt.findUniqueOrThrow({ where: { id: launch.attemptId } });
    expect(attempt).toMatchObject({ status: 'passed', totalTimeSeconds: 120 });
    expect(await app.deps.db.prisma.completion.count({ where: { attemptId: launch.attemptId } })).toBe(1);
    expect(
      await app.deps.db.prisma.notification.count({
        where: { dedupeKey: `course.completed:${launch.attemptId}` },
      }),
    ).toBe(1);
  });

  it('a failed mastery score records no completion', async () => {
    const launch = await launchCourse(app.deps, other, { courseId });
    const token = tokenOf(launch.url);
    const base = bootOf(await (await fetch(launch.url)).text()).sequenceBase;
    const body = {
      cmi: { core: { lesson_status: 'completed', session_time: '00:00:05', exit: '', score: { raw: '30' } } },
      commitSequence: base + 1,
    };
    await commit(token, scoId, body, { terminate: true });
    expect(
      await app.deps.db.prisma.attempt.findUniqueOrThrow({ where: { id: launch.attemptId } }),
    ).toMatchObject({ status: 'failed' });
    expect(await app.deps.db.prisma.completion.count({ where: { attemptId: launch.attemptId } })).toBe(0);
  });

  it("refuses expired and forged tokens, another person's attempt, and bad bodies", async () => {
    const launch = await launchCourse(app.deps, learner, { courseId });
    const token = tokenOf(launch.url);
    const body = { cmi: { core: { lesson_status: 'incomplete' } }, commitSequence: 1 };
    await fetch(launch.url);

    const forged = `${token.split('.')[0]}.${'A'.repeat(43)}`;
    expect((await commit(forged, scoId, body)).status).toBe(401);
    expect((await fetch(`${app.baseUrl}/scorm/launch/${forged}`)).status).toBe(401);

    // Correctly signed, but naming someone else's attempt.
    const othersAttempt = await launchCourse(app.deps, other, { courseId });
    const crossed = createLaunchToken(
      app.deps.config,
      { personId: learner.personId, courseId, attemptId: othersAttempt.attemptId },
      app.deps.clock.now(),
    ).token;
    const crossedCommit = await commit(crossed, scoId, body);
    expect(crossedCommit.status).toBe(403);
    expect(crossedCommit.body).toMatchObject({ result: false });
    expect((await fetch(`${app.baseUrl}/scorm/content/${crossed}/sco/index.html`)).status).toBe(403);

    expect((await commit(token, '00000000-0000-0000-0000-000000000000', body)).status).toBe(404);
    const notJson = await fetch(`${app.baseUrl}/scorm/commit/${token}/${scoId}`, {
      method: 'POST',
      body: '{nope',
      headers: { 'content-type': 'text/plain' },
    });
    expect(notJson.status).toBe(400);
    expect((await commit(token, scoId, { nothing: true })).status).toBe(400);

    // Over the 1 MB cap: refused by its declared length, and when streamed without one, by
    // the bytes counted while reading; either way in the runtime's answer shape.
    const huge = JSON.stringify({ cmi: { suspend_data: 'x'.repeat(1_100_000) } });
    const declared = await fetch(`${app.baseUrl}/scorm/commit/${token}/${scoId}`, {
      method: 'POST',
      body: huge,
      headers: { 'content-type': 'application/json' },
    });
    expect(declared.status).toBe(413);
    expect(await declared.json()).toMatchObject({ result: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
    const bytes = new TextEncoder().encode(huge);
    const streamed = await fetch(`${app.baseUrl}/scorm/commit/${token}/${scoId}`, {
      method: 'POST',
      body: new ReadableStream({
        start(controller) {
          for (let at = 0; at < bytes.length; at += 64 * 1024)
            controller.enqueue(bytes.slice(at, at + 64 * 1024));
          controller.close();
        },
      }),
      headers: { 'content-type': 'application/json' },
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(await streamed.json()).toMatchObject({ result: false, error: { code: 'PAYLOAD_TOO_LARGE' } });

    app.deps.clock.advance(13 * 60 * 60 * 1000);
    try {
      const expired = await commit(token, scoId, body);
      expect(expired.status).toBe(401);
      expect((expired.body as { error: { message: string } }).error.message).toMatch(/expired/);
      expect((await fetch(launch.url)).status).toBe(401);
    } finally {
      app.deps.clock.advance(-13 * 60 * 60 * 1000);
    }
    const state = await app.deps.db.prisma.scoState.findFirst({
      where: { attemptId: othersAttempt.attemptId },
    });
    expect(state?.cmi ?? {}).toEqual({});
    expect(packageId).toBeTruthy();
  });
});
