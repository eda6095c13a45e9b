/**
 * Journey g: eLearning. A learner with GDPR assigned says "start the GDPR course", gets a
 * link, completes the demo's real SCORM course in Chromium; the completion and certificate
 * exist, the learner is told in their inbox, "my learning" no longer lists it as owed, and
 * the manager's compliance view changes.
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, launchBrowser, requireChromium } from '../../helpers/browser.ts';
import { assertInvariants, button, startJourney, tableRows, type WebReply } from '../harness.ts';

async function scoFrame(page: Page, urlPart: string): Promise<Frame> {
  return eventually(
    async () => page.frames().find((f) => f.url().includes(urlPart)) ?? null,
    `a frame at ${urlPart}`,
  );
}

/** Walks the Golf sample: Next through every page, answers the test correctly, submits, exits. */
async function playGolfThrough(page: Page): Promise<void> {
  const launchFrame = await scoFrame(page, 'shared/launchpage.html');
  await launchFrame.waitForSelector('#butNext');
  const pages = await launchFrame.evaluate(
    () => (window as unknown as { pageArray: unknown[] }).pageArray.length,
  );
  for (let i = 1; i < pages; i++) await launchFrame.click('#butNext');
  const quiz = await scoFrame(page, 'assessmenttemplate.html');
  // biome-ignore lint/suspicious/noExplicitAny: the sample course's own globals
  await quiz.waitForFunction(
    () => (window as any).test?.Questions?.length > 0 && document.getElementById('frmTest'),
  );
  await quiz.evaluate(() => {
    // biome-ignore lint/suspicious/noExplicitAny: the sample course's own globals
    const w = window as any;
    for (const q of w.test.Questions) {
      const id =
        q.Type === 'choice'
          ? `question_${q.Id}_${q.Answers.indexOf(q.CorrectAnswer)}`
          : q.Type === 'true-false'
            ? `question_${q.Id}_${q.CorrectAnswer ? 'True' : 'False'}`
            : undefined;
      if (id) (document.getElementById(id) as HTMLInputElement).checked = true;
      else
        (document.getElementById(`question_${q.Id}_Text`) as HTMLInputElement).value = String(
          q.CorrectAnswer,
        );
    }
    w.SubmitAnswers();
  });
  await launchFrame.click('#butExit');
  // biome-ignore lint/suspicious/noExplicitAny: the player's own flag
  await page.waitForFunction(() => (window as any).rollcallFinished === true);
}

describe('journey g', () => {
  let j: Awaited<ReturnType<typeof startJourney>>;
  beforeAll(async () => {
    requireChromium();
    j = await startJourney();
  });
  afterAll(async () => {
    await j?.close();
  });

  it('journey g: "start the GDPR course" → link → completed in the browser → completion, certificate, told, views changed', async () => {
    // Someone whose last GDPR completion has expired, so they owe it again (from the seed).
    const lapsed = await j.deps.db.prisma.person.findFirstOrThrow({
      where: {
        manager: { isNot: null },
        completions: { some: { course: { code: 'GDPR-101' }, expiresAt: { lt: j.deps.clock.now() } } },
      },
      orderBy: { email: 'asc' },
      select: { email: true, name: true, manager: { select: { email: true } } },
    });
    const learner = lapsed.email;
    const me = j.web(learner);
    const before = await me.say('my learning');
    // The record agrees with itself: the last completion shows expired, the course is owed
    // from the requirement's deadline (expiry + grace) — the date the manager's view gives —
    // and "what's due?" lists the same course.
    const owed = tableRows(before, 'Overdue').find((r) => r[0] === 'GDPR Basics')!;
    const last = tableRows(before, 'Completed').find((r) => r[0] === 'GDPR Basics')!;
    expect(last[2]).toMatch(/\(expired\)$/);
    expect(JSON.stringify((await me.say("what's due?")).blocks)).toContain('GDPR Basics');
    const managerView = async () => await j.web(lapsed.manager!.email).say('who in my team is overdue?');
    const managerRow = tableRows(await managerView()).find(
      (r) => r[0] === lapsed.name && r[1] === 'Data protection (annual)',
    );
    expect(managerRow, 'the manager sees the lapse').toBeDefined();
    expect(managerRow).toContain(owed[1]);

    const start = await me.say('start the GDPR course');
    const open = button(start, (b) => b.actionId === 'link');
    const url = (start.blocks as { type: string; buttons?: { actionId: string; url?: string }[] }[])
      .flatMap((b) => b.buttons ?? [])
      .find((b) => b.actionId === open.actionId && b.url)!.url!;
    expect(url.startsWith(`${j.service.url}/scorm/launch/`)).toBe(true);

    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      page.on('dialog', (dialog) => void dialog.accept());
      await page.goto(url);
      await playGolfThrough(page);
    } finally {
      await browser.close();
    }

    const p = j.deps.db.prisma;
    const person = await p.person.findUniqueOrThrow({ where: { email: learner } });
    const completion = await eventually(
      async () =>
        p.completion.findFirst({
          where: {
            personId: person.id,
            course: { code: 'GDPR-101' },
            completedAt: { gte: j.deps.clock.now() },
          },
        }),
      'the GDPR completion',
    );
    expect(completion.source).toBe('scorm');

    await j.advance(60_000);
    const told = await j.inbox(learner);
    expect(told.some((n) => /You completed GDPR Basics/.test(n.reply.text))).toBe(true);

    const after = await me.say('my learning');
    expect(after.text).toMatch(/Nothing overdue/);
    const stillOwed = tableRows(await managerView()).find(
      (r) => r[0] === lapsed.name && r[1] === 'Data protection (annual)',
    );
    expect(stillOwed, 'no longer overdue for the manager').toBeUndefined();
    expect(await p.certificate.count({ where: { completionId: completion.id } })).toBe(1);
    await assertInvariants(j);
  }, 120_000);
});
