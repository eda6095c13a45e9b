/**
 * What real courses hit, in headless Chromium on packages the tests build: multi-SCO completion
 * with one mastery score, SCORM 1.2 SCOs that never set a status, progress that must never be
 * lost (normal exit while incomplete, closing the tab after large suspend data, reopening a
 * SCO, exact 2004 resume), and objectives the manifest declares present at launch.
 */
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchCourse } from '../../../src/features/scorm/launch-course.ts';
import { loadActor, type Actor } from '../../../src/features/people/actor.ts';
import { buildPackage, zipOf, type TestSco } from '../../helpers/scorm-zips.ts';
import { eventually, launchBrowser, requireChromium } from '../../helpers/browser.ts';
import { createPerson, startScormApp, uploadPackage, type ScormTestApp } from '../../helpers/scorm-app.ts';

let app: ScormTestApp;
let browser: Browser;
let learner: Actor;

describe('SCORM runtime in Chromium: completion and progress', () => {
  beforeAll(async () => {
    requireChromium();
    app = await startScormApp(new Date('2026-11-28T09:00:00Z'));
    browser = await launchBrowser();
    learner = await loadActor(
      app.deps.db.prisma,
      (await createPerson(app, 'lena.berg@acme.example', 'Lena Berg')).id,
    );
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function course(version: '1.2' | '2004', code: string, scos: TestSco[]) {
    const created = await app.deps.db.prisma.course.create({
      data: { code, title: code, kind: 'elearning' },
    });
    const upload = await uploadPackage(app, await buildPackage({ version, title: code, scos }), {
      courseId: created.id,
    });
    expect(upload.status).toBe(201);
    return { course: created, scos: upload.body.scos as { id: string; identifier: string }[] };
  }

  async function open(url: string): Promise<Page> {
    const page = await browser.newPage();
    await page.goto(url);
    return page;
  }

  async function sco(page: Page, href: string): Promise<Frame> {
    const frame = await eventually(
      async () => page.frames().find((f) => f.url().includes(href)) ?? null,
      `a frame at ${href}`,
    );
    await frame.waitForFunction(() => Boolean((window as any).scoApi));
    return frame;
  }

  const attemptOf = (id: string) => app.deps.db.prisma.attempt.findUniqueOrThrow({ where: { id } });
  const stateOf = (attemptId: string, scoId: string) =>
    app.deps.db.prisma.scoState.findFirstOrThrow({ where: { attemptId, scoId } });

  it('a multi-SCO 1.2 course where only the quiz has a mastery score completes', async () => {
    const { course: c, scos } = await course('1.2', 'MASTERY-ONE', [
      { identifier: 'intro', title: 'Intro', href: 'intro/index.html' },
      { identifier: 'body', title: 'Body', href: 'body/index.html' },
      { identifier: 'quiz', title: 'Quiz', href: 'quiz/index.html', masteryScore: 80 },
    ]);
    const launch = await launchCourse(app.deps, learner, { courseId: c.id });
    const page = await open(launch.url);
    for (const [index, id] of ['intro', 'body', 'quiz'].entries()) {
      if (index > 0) await page.click(`nav a[data-sco="${id}"]`);
      const frame = await sco(page, `/${id}/index.html`);
      await frame.evaluate((isQuiz) => {
        const api = (window as any).scoApi;
        api.LMSInitialize('');
        // Real content: the modules say "completed"; the quiz says "completed" with a score.
        api.LMSSetValue('cmi.core.lesson_status', 'completed');
        if (isQuiz) api.LMSSetValue('cmi.core.score.raw', '90');
        api.LMSFinish('');
      }, id === 'quiz');
      await eventually(
        () =>
          app.deps.db.prisma.scoState.findFirst({
            where: { attemptId: launch.attemptId, scoId: scos[index]!.id, terminated: true },
          }),
        `${id} to finish`,
      );
    }
    const completion = await eventually(
      () => app.deps.db.prisma.completion.findUnique({ where: { attemptId: launch.attemptId } }),
      'the completion',
    );
    expect(Number(completion.percent)).toBe(90);
    const attempt = await attemptOf(launch.attemptId);
    expect(attempt).toMatchObject({ status: 'passed', successStatus: 'passed' });
    expect(attempt.finishedAt).not.toBeNull();
    await page.close();
  });

  it('a 1.2 course whose SCOs never set a status completes when they finish', async () => {
    const { course: c, scos } = await course('1.2', 'STATUSLESS', [
      { identifier: 's1', title: 'One', href: 's1/index.html' },
      { identifier: 's2', title: 'Two', href: 's2/index.html' },
    ]);
    const launch = await launchCourse(app.deps, learner, { courseId: c.id });
    const page = await open(launch.url);
    for (const [index, id] of ['s1', 's2'].entries()) {
      if (index > 0) await page.click(`nav a[data-sco="${id}"]`);
      const frame = await sco(page, `/${id}/index.html`);
      await frame.evaluate(() => {
        const api = (window as any).scoApi;
        api.LMSInitialize('');
        api.LMSFinish('');
      });
      const state = await eventually(
        () =>
          app.deps.db.prisma.scoState.findFirst({
            where: { attemptId: launch.attemptId, scoId: scos[index]!.id, terminated: true },
          }),
        `${id} to finish`,
      );
      expect(state.completionStatus).toBe('completed');
    }
    await eventually(
      () => app.deps.db.prisma.completion.findUnique({ where: { attemptId: launch.attemptId } }),
      'the completion',
    );
    expect(await attemptOf(launch.attemptId)).toMatchObject({ status: 'completed' });
    await page.close();
  });

  for (const version of ['1.2', '2004'] as const) {
    it(`(a) SCORM ${version}: a normal exit while incomplete keeps the attempt open and resumes`, async () => {
      const { course: c, scos } = await course(version, `NORMAL-EXIT-${version.replace('.', '')}`, [
        { identifier: 'only', title: 'Only', href: 'index.html' },
      ]);
      const first = await launchCourse(app.deps, learner, { courseId: c.id });
      let page = await open(first.url);
      let frame = await sco(page, '/index.html');
      await frame.evaluate((is12) => {
        const api = (window as any).scoApi;
        if (is12) {
          api.LMSInitialize('');
          api.LMSSetValue('cmi.core.lesson_status', 'incomplete');
          api.LMSSetValue('cmi.core.lesson_location', 'page-4');
          api.LMSSetValue('cmi.suspend_data', 'answers=1,2,3');
          api.LMSSetValue('cmi.core.exit', '');
          api.LMSFinish('');
        } else {
          api.Initialize('');
          api.SetValue('cmi.completion_status', 'incomplete');
          api.SetValue('cmi.location', 'page-4');
          api.SetValue('cmi.suspend_data', 'answers=1,2,3');
          api.SetValue('cmi.exit', 'normal');
          api.Terminate('');
        }
      }, version === '1.2');
      await eventually(
        () =>
          app.deps.db.prisma.scoState.findFirst({
            where: { attemptId: first.attemptId, scoId: scos[0]!.id, terminated: true },
          }),
        'the session to end',
      );
      expect((await attemptOf(first.attemptId)).finishedAt).toBeNull();
      await page.close();

      const second = await launchCourse(app.deps, learner, { courseId: c.id });
      expect(second).toMatchObject({ resumed: true, attemptId: first.attemptId });
      page = await open(second.url);
      frame = await sco(page, '/index.html');
      const seen = await frame.evaluate((is12) => {
        const api = (window as any).scoApi;
        if (is12) {
          api.LMSInitialize('');
          return [
            api.LMSGetValue('cmi.core.lesson_location'),
            api.LMSGetValue('cmi.suspend_data'),
            api.LMSGetValue('cmi.core.lesson_status'),
          ];
        }
        api.Initialize('');
        return [
          api.GetValue('cmi.location'),
          api.GetValue('cmi.suspend_data'),
          api.GetValue('cmi.completion_status'),
        ];
      }, version === '1.2');
      expect(seen).toEqual(['page-4', 'answers=1,2,3', 'incomplete']);
      await page.close();
    });
  }

  it('(b) closing the tab after large suspend data and a page turn keeps both', async () => {
    const { course: c, scos } = await course('2004', 'CLOSE-TAB', [
      { identifier: 'only', title: 'Only', href: 'index.html' },
    ]);
    const launch = await launchCourse(app.deps, learner, { courseId: c.id });
    const page = await open(launch.url);
    const frame = await sco(page, '/index.html');
    const big = 'x'.repeat(60_000);
    await frame.evaluate((big) => {
      const api = (window as any).scoApi;
      api.Initialize('');
      api.SetValue('cmi.suspend_data', `old:${big}`);
      api.SetValue('cmi.location', 'page-1');
    }, big);
    // The change goes to the server on its own, without an explicit commit or the autocommit.
    await eventually(async () => {
      const s = await stateOf(launch.attemptId, scos[0]!.id);
      return s.location === 'page-1' && s.suspendData === `old:${big}` ? s : null;
    }, 'the first page turn');
    // Then new data and a new page, and the tab closes at once.
    await frame.evaluate((big) => {
      const api = (window as any).scoApi;
      api.SetValue('cmi.suspend_data', `new:${big.slice(0, 20_000)}`);
      api.SetValue('cmi.location', 'page-2');
    }, big);
    await page.close({ runBeforeUnload: true });
    const state = await eventually(async () => {
      const s = await stateOf(launch.attemptId, scos[0]!.id);
      return s.location === 'page-2' ? s : null;
    }, 'the state sent as the page went');
    expect(state.suspendData).toBe(`new:${big.slice(0, 20_000)}`);
  });

  it("(c) reopening a SCO keeps the earlier session's last commit, and session times add up", async () => {
    const { course: c, scos } = await course('1.2', 'REOPEN', [
      { identifier: 'only', title: 'Only', href: 'index.html' },
    ]);
    const launch = await launchCourse(app.deps, learner, { courseId: c.id });
    const earlier = await open(launch.url);
    const earlierFrame = await sco(earlier, '/index.html');
    await earlierFrame.evaluate(() => (window as any).scoApi.LMSInitialize(''));
    app.deps.clock.advance(3 * 60_000);
    // The SCO opened again (a reload, its menu link) before the first session's final commit.
    const later = await open(launch.url);
    const laterFrame = await sco(later, '/index.html');
    await earlierFrame.evaluate(() => {
      const api = (window as any).scoApi;
      api.LMSSetValue('cmi.core.session_time', '00:02:00');
      api.LMSSetValue('cmi.core.exit', 'suspend');
      api.LMSFinish('');
    });
    await eventually(async () => {
      const s = await stateOf(launch.attemptId, scos[0]!.id);
      return s.totalTimeSeconds === 120 ? s : null;
    }, 'the first session to count');
    app.deps.clock.advance(3 * 60_000);
    await laterFrame.evaluate(() => {
      const api = (window as any).scoApi;
      api.LMSInitialize('');
      api.LMSSetValue('cmi.core.lesson_location', 'end');
      api.LMSSetValue('cmi.core.session_time', '00:02:00');
      api.LMSSetValue('cmi.core.exit', 'suspend');
      api.LMSFinish('');
    });
    const state = await eventually(async () => {
      const s = await stateOf(launch.attemptId, scos[0]!.id);
      return s.totalTimeSeconds === 240 ? s : null;
    }, 'both sessions to count');
    expect(state.location).toBe('end');
    expect((await attemptOf(launch.attemptId)).totalTimeSeconds).toBe(240);
    await earlier.close();
    await later.close();
  });

  it('(d) SCORM 2004 resume restores interactions, objectives, comments and learner preferences exactly', async () => {
    const { course: c } = await course('2004', 'EXACT-RESUME', [
      { identifier: 'only', title: 'Only', href: 'index.html' },
    ]);
    const first = await launchCourse(app.deps, learner, { courseId: c.id });
    let page = await open(first.url);
    let frame = await sco(page, '/index.html');
    const set = {
      'cmi.interactions.0.id': 'q1',
      'cmi.interactions.0.type': 'choice',
      'cmi.interactions.0.learner_response': 'b',
      'cmi.interactions.0.result': 'correct',
      'cmi.interactions.1.id': 'q2',
      'cmi.interactions.1.type': 'fill-in',
      'cmi.interactions.1.learner_response': 'forty two',
      'cmi.objectives.0.id': 'obj-safety',
      'cmi.objectives.0.success_status': 'passed',
      'cmi.objectives.0.score.scaled': '0.75',
      'cmi.comments_from_learner.0.comment': 'Page 3 has a typo',
      'cmi.comments_from_learner.0.location': 'page-3',
      'cmi.learner_preference.audio_level': '0.5',
      'cmi.learner_preference.language': 'fr-FR',
      'cmi.learner_preference.delivery_speed': '1.5',
      'cmi.learner_preference.audio_captioning': '1',
      'cmi.location': 'page-3',
    };
    const written = await frame.evaluate((set) => {
      const api = (window as any).scoApi;
      api.Initialize('');
      const results = Object.entries(set).map(([k, v]) => api.SetValue(k, v));
      api.SetValue('cmi.exit', 'suspend');
      api.Terminate('');
      return results;
    }, set);
    expect(written.every((r) => r === 'true')).toBe(true);
    await eventually(
      () =>
        app.deps.db.prisma.scoState.findFirst({ where: { attemptId: first.attemptId, terminated: true } }),
      'the suspended state',
    );
    await page.close();

    const second = await launchCourse(app.deps, learner, { courseId: c.id });
    page = await open(second.url);
    frame = await sco(page, '/index.html');
    const back = await frame.evaluate((keys) => {
      const api = (window as any).scoApi;
      api.Initialize('');
      return Object.fromEntries(
        [...keys, 'cmi.interactions._count', 'cmi.objectives._count', 'cmi.comments_from_learner._count'].map(
          (k) => [k, api.GetValue(k)],
        ),
      );
    }, Object.keys(set));
    expect(back).toEqual({
      ...set,
      'cmi.interactions._count': '2',
      'cmi.objectives._count': '1',
      'cmi.comments_from_learner._count': '1',
    });
    await page.close();
  });

  it('objectives the manifest declares are there at launch, and a global objective carries across SCOs', async () => {
    const sequencing = (objectives: string) =>
      `<imsss:sequencing><imsss:objectives>${objectives}</imsss:objectives></imsss:sequencing>`;
    const { course: c, scos } = await course('2004', 'OBJECTIVES', [
      {
        identifier: 'lesson',
        title: 'Lesson',
        href: 'lesson/index.html',
        itemXml: sequencing(
          `<imsss:primaryObjective objectiveID="lesson-primary" satisfiedByMeasure="true"><imsss:minNormalizedMeasure>0.6</imsss:minNormalizedMeasure></imsss:primaryObjective>
           <imsss:objective objectiveID="knows-rules"><imsss:mapInfo targetObjectiveID="global-rules" writeSatisfiedStatus="true"/></imsss:objective>`,
        ),
      },
      {
        identifier: 'review',
        title: 'Review',
        href: 'review/index.html',
        itemXml: sequencing(
          `<imsss:primaryObjective objectiveID="review-primary"/>
           <imsss:objective objectiveID="rules-known"><imsss:mapInfo targetObjectiveID="global-rules" readSatisfiedStatus="true"/></imsss:objective>`,
        ),
      },
    ]);
    const launch = await launchCourse(app.deps, learner, { courseId: c.id });
    const page = await open(launch.url);
    const lesson = await sco(page, '/lesson/index.html');
    const atLaunch = await lesson.evaluate(() => {
      const api = (window as any).scoApi;
      api.Initialize('');
      const seen = {
        count: api.GetValue('cmi.objectives._count'),
        ids: [api.GetValue('cmi.objectives.0.id'), api.GetValue('cmi.objectives.1.id')],
        passing: api.GetValue('cmi.scaled_passing_score'),
      };
      api.SetValue('cmi.objectives.1.success_status', 'passed');
      api.SetValue('cmi.completion_status', 'completed');
      api.Terminate('');
      return seen;
    });
    expect(atLaunch).toEqual({ count: '2', ids: ['lesson-primary', 'knows-rules'], passing: '0.6' });
    await eventually(
      () =>
        app.deps.db.prisma.scoState.findFirst({
          where: { attemptId: launch.attemptId, scoId: scos[0]!.id, terminated: true },
        }),
      'the lesson to finish',
    );
    await page.click('nav a[data-sco="review"]');
    const review = await sco(page, '/review/index.html');
    const read = await review.evaluate(() => {
      const api = (window as any).scoApi;
      api.Initialize('');
      return [
        api.GetValue('cmi.objectives._count'),
        api.GetValue('cmi.objectives.1.id'),
        api.GetValue('cmi.objectives.1.success_status'),
      ];
    });
    expect(read).toEqual(['2', 'rules-known', 'passed']);
    await page.close();
  });

  it('the player shows folders as groups, hides hidden items, speaks statuses in words as they change, and suspends', async () => {
    const page = (title: string) =>
      `<!doctype html><html><body><h1>${title}</h1><script>window.scoApi = window.parent.API;</script></body></html>`;
    const manifest = `<?xml version="1.0"?>
<manifest identifier="toc" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="wrong-id">
    <organization identifier="org"><title>Folders</title>
      <item identifier="week1"><title>Week one</title>
        <item identifier="w1a" identifierref="r1"><title>Lesson 1A</title></item>
        <item identifier="w1b" identifierref="r2"><title>Lesson 1B</title></item>
      </item>
      <item identifier="secret" identifierref="r3" isvisible="false"><title>Hidden helper</title></item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="r1" type="webcontent" adlcp:scormtype="sco" href="a.html"/>
    <resource identifier="r2" type="webcontent" adlcp:scormtype="sco" href="b.html"/>
    <resource identifier="r3" type="webcontent" adlcp:scormtype="sco" href="c.html"/>
  </resources>
</manifest>`;
    const zip = await zipOf([
      { name: 'imsmanifest.xml', data: manifest },
      { name: 'a.html', data: page('A') },
      { name: 'b.html', data: page('B') },
      { name: 'c.html', data: page('C') },
    ]);
    const upload = await uploadPackage(app, zip);
    expect(upload.status).toBe(201); // the wrong default organization falls back to the first
    const launch = await launchCourse(app.deps, learner, { courseId: upload.body.courseId });
    const player = await open(launch.url);
    expect(await player.textContent('nav li.folder > span')).toBe('Week one');
    expect(await player.locator('nav li.folder a[data-sco]').count()).toBe(2);
    expect(await player.locator('nav a[data-sco="secret"]').count()).toBe(0);
    expect(await player.textContent('[data-status-of="w1a"]')).toBe('Not started');
    const frame = await sco(player, '/a.html');
    await frame.evaluate(() => {
      const api = (window as any).scoApi;
      api.LMSInitialize('');
      api.LMSSetValue('cmi.core.lesson_status', 'incomplete');
      api.LMSSetValue('cmi.core.lesson_location', 'p2');
    });
    await player.waitForFunction(
      () => document.querySelector('[data-status-of="w1a"]')?.textContent === 'In progress',
    );
    await player.click('#suspend');
    await player.waitForFunction(() => document.body.dataset.ended === 'true');
    expect(await player.textContent('#status')).toMatch(/Suspended/);
    const state = await eventually(
      () =>
        app.deps.db.prisma.scoState.findFirst({
          where: { attemptId: launch.attemptId, terminated: true, exitMode: 'suspend' },
        }),
      'the suspended state',
    );
    expect(state.location).toBe('p2');
    expect((await attemptOf(launch.attemptId)).finishedAt).toBeNull();
    await player.close();
  });
});
