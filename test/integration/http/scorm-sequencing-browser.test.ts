/**
 * SCORM 2004 sequencing in Chromium, on a package the test builds: scorm-again's engine runs
 * the activity tree read from the manifest. A skipped item is passed over by continue, a
 * disabled item is refused from the menu (and reported invalid through
 * adl.nav.request_valid), the flow is walked, exitAll ends the course; an upload names the
 * sequencing it does not honour.
 */
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchCourse } from '../../../src/features/scorm/launch-course.ts';
import { loadActor, type Actor } from '../../../src/features/people/actor.ts';
import { buildPackage } from '../../helpers/scorm-zips.ts';
import { eventually, launchBrowser, requireChromium } from '../../helpers/browser.ts';
import { createPerson, startScormApp, uploadPackage, type ScormTestApp } from '../../helpers/scorm-app.ts';

let app: ScormTestApp;
let browser: Browser;
let learner: Actor;

const always = (action: string) =>
  `<imsss:sequencing><imsss:sequencingRules><imsss:preConditionRule><imsss:ruleConditions><imsss:ruleCondition condition="always"/></imsss:ruleConditions><imsss:ruleAction action="${action}"/></imsss:preConditionRule></imsss:sequencingRules></imsss:sequencing>`;

describe('SCORM 2004 sequencing with scorm-again’s engine', () => {
  beforeAll(async () => {
    requireChromium();
    app = await startScormApp(new Date('2026-11-28T09:00:00Z'));
    browser = await launchBrowser();
    learner = await loadActor(
      app.deps.db.prisma,
      (await createPerson(app, 'ines.k@acme.example', 'Ines K')).id,
    );
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function frameAt(page: Page, href: string): Promise<Frame> {
    const frame = await eventually(
      async () => page.frames().find((f) => f.url().includes(href)) ?? null,
      `a frame at ${href}`,
    );
    await frame.waitForFunction(() => Boolean((window as any).scoApi));
    return frame;
  }

  it('walks the flow, skips a skipped item, refuses a disabled one, and ends on exitAll', async () => {
    const course = await app.deps.db.prisma.course.create({
      data: { code: 'SEQ-FLOW', title: 'Sequenced', kind: 'elearning' },
    });
    const zip = await buildPackage({
      version: '2004',
      title: 'Sequenced',
      scos: [
        { identifier: 'a', title: 'Part A', href: 'a/index.html' },
        { identifier: 'b', title: 'Part B', href: 'b/index.html', itemXml: always('skip') },
        { identifier: 'c', title: 'Part C', href: 'c/index.html' },
        { identifier: 'd', title: 'Part D', href: 'd/index.html', itemXml: always('disabled') },
      ],
    });
    const upload = await uploadPackage(app, zip, { courseId: course.id });
    expect(upload.status).toBe(201);
    expect(upload.body.warnings).toEqual([]);
    const launch = await launchCourse(app.deps, learner, { courseId: course.id });
    const page = await browser.newPage();
    await page.goto(launch.url);

    const a = await frameAt(page, '/a/index.html');
    const valid = await a.evaluate(() => {
      const api = (window as any).scoApi;
      api.Initialize('');
      return {
        d: api.GetValue('adl.nav.request_valid.choice.{target=d}'),
        c: api.GetValue('adl.nav.request_valid.choice.{target=c}'),
        next: api.GetValue('adl.nav.request_valid.continue'),
        previous: api.GetValue('adl.nav.request_valid.previous'),
      };
    });
    expect(valid).toEqual({ d: 'false', c: 'true', next: 'true', previous: 'false' });

    // The menu refuses the disabled item and the learner stays where they are.
    await page.click('nav a[data-sco="d"]');
    await page.waitForFunction(() => document.body.dataset.refused === 'd');
    expect(await page.textContent('#status')).toMatch(/Part D.*not available/);
    expect(page.url()).toBe(launch.url);

    // Continue from A passes over the skipped B to C.
    await a
      .evaluate(() => {
        const api = (window as any).scoApi;
        api.SetValue('cmi.completion_status', 'completed');
        api.SetValue('adl.nav.request', 'continue');
        api.Terminate('');
      })
      // The player moves on as the SCO terminates, which may take its frame away first.
      .catch((error: Error) => expect(error.message).toMatch(/detached|destroyed/));
    const c = await frameAt(page, '/c/index.html');
    expect(page.url()).toContain('sco=');
    // Opening the disabled item by its address is refused too: the content is not loaded.
    const direct = await browser.newPage();
    const scos = upload.body.scos as { id: string; identifier: string }[];
    await direct.goto(`${launch.url}?sco=${scos.find((s) => s.identifier === 'd')!.id}`);
    await direct.waitForFunction(() => document.body.dataset.refused === 'd');
    expect(direct.frames().some((f) => f.url().includes('/d/index.html'))).toBe(false);
    await direct.close();

    await c.evaluate(() => {
      const api = (window as any).scoApi;
      api.Initialize('');
      api.SetValue('cmi.completion_status', 'completed');
      api.SetValue('adl.nav.request', 'exitAll');
      api.Terminate('');
    });
    await page.waitForFunction(() => document.body.dataset.ended === 'true');
    expect(await page.textContent('#status')).toMatch(/left the course/);
    const attempt = await app.deps.db.prisma.attempt.findUniqueOrThrow({ where: { id: launch.attemptId } });
    expect(attempt.sequencingState).toContain('"c"');
    await page.close();
  });

  it('under forwardOnly goes back neither by the menu nor by the address; a hidden item is refused too', async () => {
    const course = await app.deps.db.prisma.course.create({
      data: { code: 'SEQ-FWD', title: 'Forward only', kind: 'elearning' },
    });
    const zip = await buildPackage({
      version: '2004',
      title: 'Forward only',
      scos: [
        { identifier: 'a', title: 'Part A', href: 'a/index.html' },
        { identifier: 'b', title: 'Part B', href: 'b/index.html' },
        { identifier: 'h', title: 'Part H', href: 'h/index.html', itemXml: always('hiddenFromChoice') },
      ],
      organizationXml:
        '<imsss:sequencing><imsss:controlMode choice="true" flow="true" forwardOnly="true"/></imsss:sequencing>',
    });
    const upload = await uploadPackage(app, zip, { courseId: course.id });
    expect(upload.status).toBe(201);
    const scos = upload.body.scos as { id: string; identifier: string }[];
    const launch = await launchCourse(app.deps, learner, { courseId: course.id });
    const page = await browser.newPage();
    await page.goto(launch.url);
    const a = await frameAt(page, '/a/index.html');
    await a
      .evaluate(() => {
        const api = (window as any).scoApi;
        api.Initialize('');
        api.SetValue('cmi.completion_status', 'completed');
        api.SetValue('adl.nav.request', 'continue');
        api.Terminate('');
      })
      .catch((error: Error) => expect(error.message).toMatch(/detached|destroyed/));
    const b = await frameAt(page, '/b/index.html');
    expect(
      await b.evaluate(() => {
        const api = (window as any).scoApi;
        api.Initialize('');
        return api.GetValue('adl.nav.request_valid.previous');
      }),
    ).toBe('false');
    // The menu refuses going back…
    await page.click('nav a[data-sco="a"]');
    await page.waitForFunction(() => document.body.dataset.refused === 'a');
    // …and so does the server when the page is asked for by its address: no content is loaded.
    for (const identifier of ['a', 'h']) {
      const direct = await browser.newPage();
      const answer = await direct.goto(
        `${launch.url}?sco=${scos.find((s) => s.identifier === identifier)!.id}`,
      );
      expect(answer!.status()).toBe(409);
      expect(await direct.getAttribute('body', 'data-refused')).toBe(identifier);
      expect(direct.frames().some((f) => f.url().includes(`/${identifier}/index.html`))).toBe(false);
      await direct.close();
    }
    await page.close();
  });

  it('an upload says which sequencing it does not honour', async () => {
    const zip = await buildPackage({
      version: '2004',
      title: 'Collections',
      scos: [
        {
          identifier: 'x',
          title: 'X',
          href: 'x/index.html',
          itemXml: '<imsss:sequencing IDRef="shared-rules"><imsss:auxiliaryResources/></imsss:sequencing>',
        },
      ],
    });
    const upload = await uploadPackage(app, zip);
    expect(upload.status).toBe(201);
    expect(upload.body.warnings).toEqual([
      expect.stringMatching(/sequencing collection reference \(IDRef="shared-rules"\)/),
      expect.stringMatching(/auxiliaryResources/),
    ]);
  });
});
