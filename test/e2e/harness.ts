/**
 * The journey harness: the service composed exactly as src/main.ts composes it
 * (composeService), listening on 127.0.0.1 at a free port, on a fresh demo-seeded database
 * (PGlite, or PostgreSQL when TEST_DATABASE_URL is set), with a clock the test moves.
 *
 * Jobs are not on a timer here: `advance(ms)` moves the clock and then runs the job
 * registry's own handlers (the same list main() schedules), so reminders, offer expiry,
 * session messages and outbox delivery happen as they would in production, when the test
 * says time has passed. Nothing of this is reachable over HTTP.
 *
 * The test speaks only through real surfaces: the web chat (demo picker, same-origin JSON),
 * Slack events and interactivity signed against a fake Slack Web API, the admin API. The
 * database is read at the end, by `assertInvariants`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { seedDemoContent } from '../../src/seed/demo-content.ts';
import { isActionId } from '../../src/shared/reply.ts';
import { composeService } from '../../src/main.ts';
import type { Deps } from '../../src/deps.ts';
import { seedDemo } from '../../src/seed/demo-seed.ts';
import type { FixedClock } from '../../src/shared/clock.ts';
import { createTestDb, testDeps, type TestDb } from '../helpers/test-db.ts';
import { listen, type Listening } from '../helpers/listen.ts';
import { startFakeSlack, type FakeSlack } from '../helpers/fake-slack.ts';
import { SIGNING_SECRET, TEAM_ID } from '../helpers/slack-requests.ts';

export const JOURNEY_START = new Date('2026-11-30T09:00:00Z');
export const ADMIN_TOKEN = 'journey-admin-token-0123456789abcdef';

export interface WebButton {
  label: string;
  actionId: string;
  value: string;
}

export interface WebReply {
  text: string;
  blocks: unknown[];
  awaitingAnswer: boolean;
  files: { name: string; mimeType: string; base64: string }[];
}

export interface Journey {
  deps: Deps & { clock: FixedClock };
  service: Listening;
  slack: FakeSlack;
  /** Every button id any reply in this journey carried (for the router coverage test). */
  buttonsSeen: Set<string>;
  /** A person chatting in the web chat (demo picker): say something, or press a button. */
  web(email: string): WebChatter;
  /** What the outbox delivered to this person's web inbox (GET /web/inbox), oldest first. */
  inbox(email: string): Promise<{ kind: string; reply: WebReply }[]>;
  /** Moves the clock and runs every job of the registry once, in registry order. */
  advance(ms: number): Promise<void>;
  /** Runs the registry's jobs at the current time (e.g. deliver what was just queued). */
  runJobs(): Promise<void>;
  admin(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

export interface WebChatter {
  say(text: string): Promise<WebReply>;
  press(button: WebButton): Promise<WebReply>;
}

export async function startJourney(): Promise<Journey & { testDb: TestDb }> {
  const testDb = await createTestDb();
  const slack = await startFakeSlack();
  const contentDir = await mkdtemp(path.join(tmpdir(), 'rollcall-journey-content-'));
  const deps = testDeps(testDb.db, JOURNEY_START, {
    demoMode: true,
    ADMIN_API_TOKEN: ADMIN_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_TEAM_ID: TEAM_ID,
    SLACK_API_URL: slack.apiUrl,
    CONTENT_DIR: contentDir,
  });
  // Seeded as a fresh demo start seeds it: the organisation, then its eLearning package.
  await seedDemo(testDb.db, deps.clock);
  await seedDemoContent(deps);
  const composed = composeService(deps);
  const service = await listen(composed.app);
  // Links the service writes (SCORM launch, sign-in) use PUBLIC_URL; now the port is known.
  deps.config.publicUrl = service.url;
  const buttonsSeen = new Set<string>();

  // Every job once, then the outbox once more: in production it runs every 15 seconds, so
  // what another job queued goes out within the same minute.
  const runJobs = async () => {
    for (const job of composed.jobs) await job.run(deps);
    for (const job of composed.jobs) if (job.name === 'deliver-notifications') await job.run(deps);
  };

  const web = (email: string): WebChatter => {
    const post = async (body: Record<string, unknown>): Promise<WebReply> => {
      const res = await fetch(`${service.url}/web/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: service.url },
        body: JSON.stringify({ email, thread: '', ...body }),
      });
      const json = (await res.json()) as { reply?: WebReply; error?: unknown };
      expect(res.status, JSON.stringify(json)).toBe(200);
      for (const b of buttonsOf(json.reply!)) buttonsSeen.add(b.actionId);
      return json.reply!;
    };
    return {
      say: (text) => post({ text }),
      press: (button) => post({ action: { id: button.actionId, value: button.value } }),
    };
  };

  return {
    testDb,
    deps,
    service,
    slack,
    buttonsSeen,
    web,
    inbox: async (email) => {
      const res = await fetch(`${service.url}/web/inbox?email=${encodeURIComponent(email)}`);
      expect(res.status).toBe(200);
      const items = ((await res.json()) as { items: { kind: string; reply: WebReply }[] }).items;
      for (const item of items) for (const b of buttonsOf(item.reply)) buttonsSeen.add(b.actionId);
      return items;
    },
    runJobs,
    advance: async (ms) => {
      deps.clock.advance(ms);
      await runJobs();
    },
    admin: (path, init = {}) =>
      fetch(`${service.url}${path}`, {
        ...init,
        headers: {
          authorization: `Bearer ${ADMIN_TOKEN}`,
          'content-type': 'application/json',
          ...init.headers,
        },
      }),
    close: async () => {
      await service.close();
      await slack.close();
      await testDb.drop();
      await rm(contentDir, { recursive: true, force: true });
    },
  };
}

/** Every button in a reply's blocks, wherever the block keeps them. */
export function buttonsOf(reply: WebReply): WebButton[] {
  const found: WebButton[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (typeof o.actionId === 'string' && typeof o.label === 'string')
        found.push({ label: o.label, actionId: o.actionId, value: String(o.value ?? '') });
      for (const v of Object.values(o)) walk(v);
    }
  };
  walk(reply.blocks);
  return found;
}

/** The rows of the reply's tables: those titled `title`, or every table's when none is given. */
export function tableRows(reply: WebReply, title?: string): string[][] {
  return (reply.blocks as { type: string; title?: string; rows?: string[][] }[]).flatMap((b) =>
    b.type === 'table' && (title === undefined || b.title === title) ? (b.rows ?? []) : [],
  );
}

export function button(reply: WebReply, match: (b: WebButton) => boolean): WebButton {
  const found = buttonsOf(reply).find(match);
  expect(found, `a matching button among ${JSON.stringify(buttonsOf(reply))}`).toBeDefined();
  return found!;
}

/**
 * The invariants every journey ends with, read from the database:
 * - seats taken (confirmed, pending approval, offered, attended) ≤ capacity unless overbooked;
 * - one live registration per person and session;
 * - waitlist tickets strictly ordered (unique per session);
 * - every outbox row due by now is sent, or failed with a reason (none left pending).
 */
export async function assertInvariants(journey: Journey): Promise<void> {
  const p = journey.deps.db.prisma;
  const live = ['confirmed', 'pending_approval', 'offered', 'waitlisted', 'attended'] as const;
  const seatHolding = new Set(['confirmed', 'pending_approval', 'offered', 'attended']);
  const sessions = await p.session.findMany({
    include: { registrations: { where: { status: { in: [...live] } } } },
  });
  for (const s of sessions) {
    const seats = s.registrations.filter((r) => seatHolding.has(r.status));
    const overbooked = seats.some((r) => r.overbooked);
    if (!overbooked) expect(seats.length, `seats taken in session ${s.id}`).toBeLessThanOrEqual(s.capacity);
    const people = s.registrations.map((r) => r.personId);
    expect(new Set(people).size, `one live registration per person in session ${s.id}`).toBe(people.length);
    const tickets = s.registrations
      .filter((r) => r.status === 'waitlisted' || r.status === 'offered')
      .map((r) => r.waitlistTicket);
    expect(
      tickets.every((t) => t !== null),
      `waitlist tickets set in ${s.id}`,
    ).toBe(true);
    expect(new Set(tickets).size, `waitlist tickets unique in ${s.id}`).toBe(tickets.length);
  }
  await assertEveryButtonRouted(journey);
  const due = await p.notification.findMany({
    where: { dueAt: { lte: journey.deps.clock.now() }, status: { in: ['pending', 'failed'] } },
  });
  const unexplained = due.filter((n) => n.status === 'pending' || !n.lastError);
  expect(
    unexplained.map((n) => ({ kind: n.kind, status: n.status, lastError: n.lastError })),
    'every due outbox row sent, or failed with a reason',
  ).toEqual([]);
}

/**
 * Every button id this journey saw is one of the closed ActionId list and has a router case:
 * pressed with a value that matches nothing, it gets a real answer (never "I don't recognise
 * that button"), and changes nothing. Links and `say` never come back to the router.
 */
async function assertEveryButtonRouted(journey: Journey): Promise<void> {
  const nobody = '00000000-0000-4000-8000-000000000000';
  for (const id of journey.buttonsSeen) {
    expect(isActionId(id), `${id} is in ACTION_IDS`).toBe(true);
    if (id === 'say' || id === 'link' || id === 'open_web_chat') continue;
    const answer = await journey
      .web('avery.clarke@acme.example')
      .press({ label: id, actionId: id, value: nobody });
    expect(answer.text, `the router answers ${id}`).not.toMatch(/don't recognise that button/);
  }
}
