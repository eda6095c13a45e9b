/**
 * End to end on Teams: an admin schedules a weekly series through the dialog (task module),
 * as Slack's modal does. "schedule" answers with a card that opens the dialog; `task/fetch`
 * returns the Adaptive Card form; an invalid `task/submit` comes back as the same dialog
 * with the errors beside their fields and what was typed kept; a valid one runs through the
 * real core (its confirmation step in the chat), and confirming creates the sessions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  personalActivity,
  postActivity,
  type TeamsUser,
} from '../../integration/adapters/teams/activities.ts';
import { adaptiveCardProblems } from '../../integration/adapters/teams/card-validation.ts';
import { actionsOf, cardOf, startTeamsJourney, type Card, type TeamsJourney } from '../teams-harness.ts';

const ADMIN: TeamsUser = { id: '29:admin', aadObjectId: 'aad-admin', name: 'Admin' };

describe('Teams scheduling dialog', () => {
  let t: TeamsJourney;
  let courseId: string;
  const seen: Card[] = [];

  beforeAll(async () => {
    t = await startTeamsJourney();
    const p = t.testDb.db.prisma;
    const admin = await p.person.findFirstOrThrow({
      where: { status: 'active', roles: { has: 'admin' } },
      orderBy: { email: 'asc' },
    });
    courseId = (await p.course.findFirstOrThrow({ where: { code: 'FA-101' } })).id;
    t.link(ADMIN, admin);
  });

  afterAll(async () => {
    await t?.close();
  });

  const invoke = async (name: string, data: Record<string, unknown>) => {
    const res = await postActivity(
      t.service.url,
      personalActivity(t.connector.serviceUrl, ADMIN, { type: 'invoke', name, value: { data } }),
    );
    expect(res.status).toBe(200);
    return (await res.json()) as { task: { type: string; value: Card } };
  };

  it('opens the form, re-shows errors in it, and schedules through the core on a valid submit', async () => {
    await postActivity(t.service.url, personalActivity(t.connector.serviceUrl, ADMIN, { text: 'schedule' }));
    const opener = cardOf(t.connector.activities().at(-1)!);
    seen.push(opener);
    const open = actionsOf(opener).find((a) => a.data?.msteams?.type === 'task/fetch');
    expect(open, JSON.stringify(opener)).toBeDefined();

    const fetched = await invoke('task/fetch', open!.data);
    expect(fetched.task).toMatchObject({ type: 'continue', value: { title: 'Schedule sessions' } });
    const form = fetched.task.value.card.content as Card;
    seen.push(form);
    const ids = form.body.filter((b: Card) => b.id).map((b: Card) => b.id);
    expect(ids).toEqual(['course', 'start_date', 'start_time', 'weeks', 'venue', 'instructors', 'seats']);
    const submitData = actionsOf(form).find((a) => a.type === 'Action.Submit')!.data;

    // Missing date, seats out of range: the dialog comes back with both errors, the course kept.
    const before = await t.testDb.db.prisma.session.count({ where: { courseId } });
    const invalid = await invoke('task/submit', {
      ...submitData,
      course: 'FA-101',
      start_time: '09:00',
      weeks: '4',
      seats: '900',
    });
    expect(invalid.task.type).toBe('continue');
    const again = invalid.task.value.card.content as Card;
    seen.push(again);
    const shown = JSON.stringify(again);
    expect(shown).toContain('Pick the date of the first session.');
    expect(shown).toContain('Between 1 and 500 seats.');
    expect(again.body.find((b: Card) => b.id === 'course').value).toBe('FA-101');
    expect(await t.testDb.db.prisma.session.count({ where: { courseId } })).toBe(before);

    const sentBefore = t.connector.activities().length;
    const valid = await invoke('task/submit', {
      ...submitData,
      course: 'FA-101',
      start_date: '2027-03-02',
      venue: 'Training Room 2',
      instructors: 'Dana Whitfield',
      start_time: '16:00',
      weeks: 4,
      seats: 12,
    });
    expect(valid.task).toEqual({ type: 'message', value: 'Sent to our chat.' });
    // The core's answer is in the chat: its confirmation step, nothing created yet.
    expect(t.connector.activities().length).toBe(sentBefore + 1);
    const question = cardOf(t.connector.activities().at(-1)!);
    seen.push(question);
    expect(await t.testDb.db.prisma.session.count({ where: { courseId } })).toBe(before);
    const confirm = actionsOf(question).find(
      (a) =>
        (a.type === 'Action.Submit' || a.type === 'Action.Execute') &&
        a.data?.rollcallAction === 'confirm' &&
        a.data?.value !== 'no',
    );
    expect(confirm, JSON.stringify(question)).toBeDefined();

    await postActivity(
      t.service.url,
      personalActivity(t.connector.serviceUrl, ADMIN, { value: confirm!.data, replyToId: 'question-card' }),
    );
    const outcome = t.connector.updates().at(-1) ?? t.connector.activities().at(-1)!;
    expect(String(outcome.body!.summary), JSON.stringify(question)).toMatch(/schedul/i);
    expect(
      await t.testDb.db.prisma.session.count({ where: { courseId } }),
      String(outcome.body!.summary),
    ).toBe(before + 4);
  });

  it('every card and dialog it produced validates against Adaptive Cards 1.5', () => {
    expect(seen.length).toBeGreaterThanOrEqual(4);
    for (const card of seen) expect(adaptiveCardProblems(card)).toEqual([]);
  });
});
