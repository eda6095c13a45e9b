/**
 * N concurrent bookings spread over a few sessions, through the bookSession use case
 * (session row lock, all the checks, history and audit; on PostgreSQL the common booking runs
 * as prepared statements on a pooled connection, see book-session-direct.ts) vs the same transaction
 * written directly in SQL with pg (lock the session row, count seats, insert the
 * registration with its event and audit row, or take a waitlist ticket). Same database,
 * same pool size, same run.
 */
import pg from 'pg';
import { freshBenchDb } from './lib/bench-db.ts';
import { percentile, printComparison, timed } from './lib/report.ts';
import { envValue, loadConfig } from '../src/config.ts';
import { FixedClock } from '../src/shared/clock.ts';
import { createLogger } from '../src/shared/logger.ts';
import type { Deps } from '../src/deps.ts';
import { loadActor, type Actor } from '../src/features/people/actor.ts';
import { scheduleSession } from '../src/features/sessions/schedule-session.ts';
import { bookSession } from '../src/features/registrations/book-session.ts';

const N = Number(envValue('BENCH_BOOKINGS') ?? 500);
const SESSIONS = 10;
const CAPACITY = Math.floor((N * 0.8) / 10);
const POOL = 20;
/**
 * Concurrent clients, each booking in turn: 100 in flight at once against a pool of 20
 * (more would only wait in the pool's queue, whose connect timeout is 5 s).
 */
const CLIENTS = Math.min(100, N);

/** Runs `work` for every item with at most `limit` in flight. */
async function withClients<T>(
  items: T[],
  limit: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const index = next++;
        await work(items[index]!, index);
      }
    }),
  );
}

export default async function run(): Promise<void> {
  const bench = await freshBenchDb('rollcall_bench_booking', POOL);
  const pool = new pg.Pool({ connectionString: bench.url, max: POOL });
  try {
    const deps: Deps = {
      config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
      db: bench.db,
      clock: new FixedClock(new Date('2026-11-28T09:00:00Z')),
      log: createLogger('silent'),
    };
    const p = bench.db.prisma;
    const admin = await loadActor(
      p,
      (
        await p.person.create({
          data: { email: 'admin@bench.example', name: 'Admin', roles: ['employee', 'admin'] },
        })
      ).id,
    );
    const instructor = await p.person.create({
      data: { email: 'dana@bench.example', name: 'Dana', roles: ['employee', 'instructor'] },
    });
    const course = await p.course.create({ data: { code: 'BENCH-1', title: 'Bench Course', kind: 'ilt' } });
    const schedule = async (dayOffset: number) => {
      const ids: string[] = [];
      for (let i = 0; i < SESSIONS; i++) {
        const date = new Date(Date.UTC(2027, 0, 4 + dayOffset + i)).toISOString().slice(0, 10);
        const s = await scheduleSession(deps, admin, {
          courseId: course.id,
          timeZone: 'Europe/London',
          meetingUrl: 'https://meet.example/bench',
          capacity: CAPACITY,
          days: [{ date, start: '09:00', end: '12:00' }],
          instructors: [{ personId: instructor.id }],
          override: { reason: 'bench: one instructor for every session' },
        });
        ids.push(s.sessionId);
      }
      return ids;
    };
    const useCaseSessions = await schedule(0);
    const sqlSessions = await schedule(40);
    const warmup = await schedule(80);
    await p.person.createMany({
      data: Array.from({ length: N }, (_, i) => ({
        email: `learner${i}@bench.example`,
        name: `Learner ${i}`,
      })),
    });
    const people = await p.person.findMany({
      where: { email: { endsWith: '@bench.example', startsWith: 'learner' } },
      select: { id: true },
    });
    const actors: Actor[] = await Promise.all(people.map((x) => loadActor(p, x.id)));

    // Warm both paths (query compilation, pool connections) outside the timings.
    await Promise.all(
      actors.slice(0, POOL).map((a, i) => bookSession(deps, a, { sessionId: warmup[i % SESSIONS]! })),
    );
    await Promise.all(
      actors.slice(POOL, POOL * 2).map((a, i) => bookDirect(pool, warmup[i % SESSIONS]!, a.personId)),
    );

    const latenciesUseCase: number[] = [];
    const useCase = await timed(() =>
      withClients(actors, CLIENTS, async (a, i) => {
        const started = performance.now();
        await bookSession(deps, a, { sessionId: useCaseSessions[i % SESSIONS]!, channel: 'api' });
        latenciesUseCase.push(performance.now() - started);
      }),
    );
    const latenciesSql: number[] = [];
    const direct = await timed(() =>
      withClients(actors, CLIENTS, async (a, i) => {
        const started = performance.now();
        await bookDirect(pool, sqlSessions[i % SESSIONS]!, a.personId);
        latenciesSql.push(performance.now() - started);
      }),
    );

    // Both must have produced the same, correct outcome.
    for (const ids of [useCaseSessions, sqlSessions]) {
      const confirmed = await p.registration.count({
        where: { sessionId: { in: ids }, status: 'confirmed' },
      });
      const waitlisted = await p.registration.count({
        where: { sessionId: { in: ids }, status: 'waitlisted' },
      });
      if (confirmed !== SESSIONS * CAPACITY || waitlisted !== N - SESSIONS * CAPACITY) {
        throw new Error(`bench outcome wrong: ${confirmed} confirmed, ${waitlisted} waitlisted`);
      }
    }
    const throughput = (ms: number) => (N / ms) * 1000;
    printComparison(
      `Booking: ${N} bookings from ${CLIENTS} concurrent clients over ${SESSIONS} sessions of ${CAPACITY} seats (pool ${POOL}, PostgreSQL) — target >= 0.5x`,
      { label: 'bookSession use case', value: throughput(useCase.ms), unit: 'bookings/s' },
      { label: 'same transaction in direct SQL (pg)', value: throughput(direct.ms), unit: 'bookings/s' },
      true,
    );
    const sort = (xs: number[]) => [...xs].sort((a, b) => a - b);
    const u = sort(latenciesUseCase);
    const d = sort(latenciesSql);
    console.log(
      `  latency p50/p95 use case ${percentile(u, 50).toFixed(0)}/${percentile(u, 95).toFixed(0)} ms; direct SQL ${percentile(d, 50).toFixed(0)}/${percentile(d, 95).toFixed(0)} ms`,
    );
  } finally {
    await pool.end();
    await bench.drop();
  }
}

/** The baseline: the booking transaction by hand. */
async function bookDirect(pool: pg.Pool, sessionId: string, personId: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const locked = await client.query<{ capacity: number }>(
      'SELECT capacity FROM "Session" WHERE id = $1 FOR UPDATE',
      [sessionId],
    );
    const taken = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Registration" WHERE "sessionId" = $1 AND status IN ('confirmed','pending_approval','offered','attended','partial','no_show')`,
      [sessionId],
    );
    let status = 'confirmed';
    let ticket: number | null = null;
    if (taken.rows[0]!.n >= locked.rows[0]!.capacity) {
      status = 'waitlisted';
      ticket = (
        await client.query<{ t: number }>(
          'UPDATE "Session" SET "waitlistCounter" = "waitlistCounter" + 1 WHERE id = $1 RETURNING "waitlistCounter" AS t',
          [sessionId],
        )
      ).rows[0]!.t;
    }
    const reg = await client.query<{ id: string }>(
      `INSERT INTO "Registration" ("sessionId", "personId", status, "waitlistTicket", "sourceChannel", "actedById")
       VALUES ($1, $2, $3, $4, 'api', $2) RETURNING id`,
      [sessionId, personId, status, ticket],
    );
    const id = reg.rows[0]!.id;
    await client.query(
      `INSERT INTO "RegistrationEvent" ("registrationId", "toStatus", "toSessionId", "actorId") VALUES ($1, $2, $3, $4)`,
      [id, status, sessionId, personId],
    );
    await client.query(
      `INSERT INTO "AuditEvent" ("actorId", action, "entityType", "entityId") VALUES ($1, $2, 'Registration', $3)`,
      [personId, `registration.${status}`, id],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
