#!/usr/bin/env node
/**
 * Book a person on a session through the Rollcall admin API, then read the session's roster.
 * Plain fetch, no dependencies (Node 20+):
 *
 *   ROLLCALL_URL=http://127.0.0.1:3000 ROLLCALL_TOKEN=<ADMIN_API_TOKEN> \
 *     node examples/book-and-roster.mjs [person-email] [session-id]
 *
 * Without a session id it takes the next scheduled session with a seat left; without an
 * e-mail, the first active person who is not booked on it.
 */
import { randomUUID } from 'node:crypto';

const base = (process.env.ROLLCALL_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
const token = process.env.ROLLCALL_TOKEN;
if (!token) {
  console.error('Set ROLLCALL_TOKEN to the admin API token (ADMIN_API_TOKEN).');
  process.exit(2);
}
const [emailArg, sessionArg] = process.argv.slice(2);

async function api(method, path, body, headers = {}) {
  const response = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const answer = await response.json();
  // Every error has the same shape: { error: { code, message, field? } }.
  if (!response.ok)
    throw new Error(`${method} ${path}: ${response.status} ${answer.error.code}: ${answer.error.message}`);
  return answer;
}

async function nextOpenSession() {
  let next;
  do {
    const page = await api(
      'GET',
      `/sessions?status=scheduled&from=${new Date().toISOString()}&limit=50${next ? `&next=${next}` : ''}`,
    );
    const open = page.items.find((s) => s.seatsLeft > 0 && s.registrationOpen);
    if (open) return open;
    next = page.next;
  } while (next);
  throw new Error('No scheduled session with a seat left.');
}

const session = sessionArg ? await api('GET', `/sessions/${sessionArg}`) : await nextOpenSession();
const roster = await api('GET', `/sessions/${session.sessionId}/roster`);
const booked = new Set(roster.rows.map((r) => r.personId));

let person;
if (emailArg) {
  const found = await api('GET', `/people?q=${encodeURIComponent(emailArg)}&limit=10`);
  person = found.items.find((p) => p.email === emailArg.toLowerCase());
  if (!person) throw new Error(`Nobody with the e-mail ${emailArg}.`);
} else {
  const people = await api('GET', '/people?status=active&role=employee&limit=100');
  person = people.items.find((p) => !booked.has(p.id));
  if (!person) throw new Error('Everyone on the first page is already booked.');
}

// The Idempotency-Key makes a retry after a timeout safe: the second try gets the first answer.
const key = randomUUID();
const booking = await api(
  'POST',
  '/registrations',
  { sessionId: session.sessionId, personId: person.id },
  { 'idempotency-key': key },
);
console.log(`${person.name} on ${session.course.title} at ${session.startsAt}: ${booking.kind}`);

const after = await api('GET', `/sessions/${session.sessionId}/roster`);
console.log(
  `Roster (${after.counts.registered} of ${after.counts.capacity} seats, ${after.counts.waitlisted} waiting):`,
);
for (const row of after.rows) console.log(`  ${row.status.padEnd(16)} ${row.name} <${row.email}>`);
