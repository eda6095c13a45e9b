/**
 * The admin API over a real database, in process: an organisation (test/helpers/lms-fixture),
 * instructors, a venue, a journey, a programme cohort, seats waiting for approval and seat
 * offers, so every operation has something real to act on.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../../../src/http/app.ts';
import type { Hono } from 'hono';
import { loadActor, type Actor } from '../../../src/features/people/actor.ts';
import { bookSession, cancelRegistration } from '../../../src/features/registrations/index.ts';
import { scheduleSession } from '../../../src/features/sessions/index.ts';
import { buildOrg, type Org } from '../../helpers/lms-fixture.ts';
import { createTestDb, testDeps, type TestDb } from '../../helpers/test-db.ts';
import { makeCourse, makePerson, makeVenue } from '../../helpers/tms-fixtures.ts';
import type { Deps } from '../../../src/deps.ts';

export const NOW = new Date('2026-11-28T09:00:00Z');
export const TOKEN = 'api-v1-test-token-0123456789';
export const AUTH = { authorization: `Bearer ${TOKEN}` };

export interface ApiFixture {
  t: TestDb;
  deps: Deps;
  app: Hono;
  org: Org;
  admin: Actor;
  instructors: Actor[];
  venueId: string;
  iltCourseId: string;
  journeyId: string;
  programmeId: string;
  pendingIds: string[];
  offeredIds: string[];
  pastSessionId: string;
  pastRegistrationId: string;
  close(): Promise<void>;
}

const day = (date: string, start = '09:00', end = '12:00') => ({ date, start, end });

export async function startApiFixture(): Promise<ApiFixture> {
  const t = await createTestDb();
  const contentDir = await mkdtemp(path.join(os.tmpdir(), 'rollcall-api-v1-'));
  const deps = testDeps(t.db, NOW, { ADMIN_API_TOKEN: TOKEN, CONTENT_DIR: contentDir });
  const app = createApp(deps);
  const prisma = t.db.prisma;
  const org = await buildOrg(prisma);
  const admin = await loadActor(prisma, org.people.avery.id);
  const instructors = [
    await makePerson(t.db, { roles: ['employee', 'instructor'], name: 'Dana Instructor' }),
    await makePerson(t.db, { roles: ['employee', 'instructor'], name: 'Lee Instructor' }),
  ];
  const venue = await makeVenue(t.db);
  const ilt = await makeCourse(t.db, { title: 'Fire Safety', kind: 'ilt' });

  const journey = await prisma.programme.create({
    data: {
      code: 'NEW-STARTER',
      title: 'New starter journey',
      kind: 'journey',
      steps: {
        create: [
          { position: 1, courseId: org.courses.gdpr.id, requiresPrevious: false },
          { position: 2, courseId: org.courses.excel.id },
        ],
      },
    },
  });
  const programme = await prisma.programme.create({
    data: { code: 'LEAD', title: 'Leadership programme', kind: 'programme' },
  });
  for (const date of ['2026-12-14', '2026-12-15'])
    await scheduleSession(deps, admin, {
      courseId: ilt.id,
      timeZone: 'Europe/London',
      days: [day(date)],
      capacity: 10,
      meetingUrl: 'https://meet.example/room',
      instructors: [{ personId: instructors[0]!.personId }],
      programmeId: programme.id,
      cohort: 'A',
    });

  // Two requests waiting for a manager: learners who booked themselves on an approval course.
  const approval = await makeCourse(t.db, { title: 'Negotiation', kind: 'ilt', needsManagerApproval: true });
  const approvalSession = await scheduleSession(deps, admin, {
    courseId: approval.id,
    timeZone: 'Europe/London',
    days: [day('2026-12-16')],
    capacity: 10,
    meetingUrl: 'https://meet.example/room',
    instructors: [{ personId: instructors[0]!.personId }],
  });
  const pendingIds: string[] = [];
  for (const person of [org.people.priya, org.people.sam]) {
    const learner = await loadActor(prisma, person.id);
    const booked = await bookSession(deps, learner, { sessionId: approvalSession.sessionId });
    pendingIds.push(booked.registrationId);
  }

  // Two seat offers: on an offer-mode course, the seat freed by a cancellation is offered.
  const offerCourse = await makeCourse(t.db, { title: 'Coaching', kind: 'ilt', waitlistMode: 'offer' });
  const offeredIds: string[] = [];
  for (const date of ['2026-12-17', '2026-12-18']) {
    const s = await scheduleSession(deps, admin, {
      courseId: offerCourse.id,
      timeZone: 'Europe/London',
      days: [day(date)],
      capacity: 1,
      meetingUrl: 'https://meet.example/room',
      instructors: [{ personId: instructors[0]!.personId }],
    });
    const first = await bookSession(deps, admin, { sessionId: s.sessionId, personId: org.people.tom.id });
    const second = await bookSession(deps, admin, { sessionId: s.sessionId, personId: org.people.kofi.id });
    await cancelRegistration(deps, admin, { registrationId: first.registrationId });
    offeredIds.push(second.registrationId);
  }

  // A session that has happened, with a confirmed registration to mark.
  const startsAt = new Date('2026-11-20T09:00:00Z');
  const endsAt = new Date('2026-11-20T12:00:00Z');
  const past = await prisma.session.create({
    data: {
      courseId: ilt.id,
      startsAt,
      endsAt,
      timeZone: 'Europe/London',
      capacity: 8,
      days: { create: [{ dayIndex: 0, startsAt, endsAt }] },
    },
  });
  const pastRegistration = await prisma.registration.create({
    data: { sessionId: past.id, personId: org.people.maya.id, status: 'confirmed' },
  });

  return {
    t,
    deps,
    app,
    org,
    admin,
    instructors,
    venueId: venue.id,
    iltCourseId: ilt.id,
    journeyId: journey.id,
    programmeId: programme.id,
    pendingIds,
    offeredIds,
    pastSessionId: past.id,
    pastRegistrationId: pastRegistration.id,
    close: async () => {
      await t.drop();
      await rm(contentDir, { recursive: true, force: true });
    },
  };
}

/** A JSON request to the app with the admin token. */
export async function call(
  app: Hono,
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: any; headers: Headers }> {
  const response = await app.request(url, {
    method,
    headers: { ...AUTH, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON (a PDF): kept as text.
  }
  return { status: response.status, body: parsed, headers: response.headers };
}
