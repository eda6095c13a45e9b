/**
 * Issue #16 point 4 through the web chat: what admins and learners ask by message, each
 * asking for what is missing (a typed answer is read), confirming before it writes, and the
 * change landing in the database. Admin: put an instructor on a session and replace one, add
 * a vendor and raise a purchase order against it, change a course's certificate validity,
 * schedule an online session with no venue. Learner: start a journey, "my journeys", "how
 * far am I on …".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertInvariants, button, startJourney, type WebReply } from '../harness.ts';

const yes = (reply: WebReply) => button(reply, (b) => b.actionId === 'confirm' && b.value === 'yes');
const rows = (reply: WebReply): string[][] =>
  (reply.blocks as { type: string; rows?: string[][] }[]).flatMap((b) =>
    b.type === 'table' ? (b.rows ?? []) : [],
  );

describe('admin and journey requests by message', () => {
  let j: Awaited<ReturnType<typeof startJourney>>;
  beforeAll(async () => {
    j = await startJourney();
  });
  afterAll(async () => {
    await j?.close();
  });

  it('puts an instructor on a session and replaces one, each confirmed first', async () => {
    const p = j.deps.db.prisma;
    const avery = j.web('avery.clarke@acme.example');
    const session = await p.session.findFirstOrThrow({
      where: { course: { code: 'FA-101' }, startsAt: { gt: j.deps.clock.now() }, status: 'scheduled' },
      orderBy: { startsAt: 'asc' },
      include: { instructors: { include: { person: true } } },
    });
    const day = new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'short',
      timeZone: 'Europe/London',
    }).format(session.startsAt);
    const teaching = session.instructors.map((i) => i.person.name);
    const newcomer = ['Rosa Delgado', 'Lee Okafor', 'Dana Whitfield'].find((n) => !teaching.includes(n))!;

    // No name: asked who, from a list; the name typed in answer is read.
    const who = await avery.say(`assign an instructor to the first aid session on ${day}`);
    expect(who.text).toMatch(/^Who should teach First Aid at Work, .*\? Pick one or type a name\.$/);
    expect(who.awaitingAnswer).toBe(true);
    const ask = await avery.say(newcomer.split(' ')[0]!);
    expect(ask.text).toMatch(new RegExp(`^Put ${newcomer} on First Aid at Work, .* as a co-instructor\\?$`));
    expect(
      await p.sessionInstructor.count({ where: { sessionId: session.id, person: { name: newcomer } } }),
    ).toBe(0);
    const done = await avery.press(yes(ask));
    expect(done.text).toMatch(
      new RegExp(`^${newcomer} now teaches First Aid at Work, .* as a co-instructor\\.`),
    );
    expect(
      await p.sessionInstructor.findFirstOrThrow({
        where: { sessionId: session.id, person: { name: newcomer } },
      }),
    ).toMatchObject({ role: 'co' });

    // Replace the lead on a one-day session Rosa does not teach: she stands in for the day.
    const other = (
      await p.session.findMany({
        where: { startsAt: { gt: j.deps.clock.now() }, status: 'scheduled', id: { not: session.id } },
        orderBy: { startsAt: 'asc' },
        include: { course: true, days: true, instructors: { include: { person: true } } },
      })
    ).find(
      (s) =>
        s.days.length === 1 &&
        s.instructors.some((i) => i.role === 'lead') &&
        !s.instructors.some((i) => i.person.name === 'Rosa Delgado'),
    )!;
    const lead = other.instructors.find((i) => i.role === 'lead')!.person;
    const otherDay = new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'short',
      timeZone: other.timeZone,
    }).format(other.startsAt);
    const swap = await avery.say(
      `replace ${lead.name.split(' ')[0]} with Rosa on the ${other.course.code} session on ${otherDay}`,
    );
    expect(swap.text).toMatch(
      new RegExp(`^Put Rosa Delgado on ${other.course.title}, .* in place of ${lead.name}\\?$`),
    );
    const swapped = await avery.press(yes(swap));
    expect(swapped.text).toMatch(new RegExp(`^Rosa Delgado now teaches .* in place of ${lead.name}\\.`));
    const row = await p.sessionInstructor.findFirstOrThrow({
      where: { sessionId: other.id, person: { name: 'Rosa Delgado' } },
      include: { replaces: { include: { person: true } } },
    });
    expect(row.role).toBe('substitute');
    expect(row.replaces?.person.name).toBe(lead.name);

    // "No" leaves everything as it was.
    const again = await avery.say(`make Dana the trainer for the excel session`);
    expect(again.awaitingAnswer).toBe(true);
    {
      const before = await p.sessionInstructor.count();
      const no = await avery.say('no');
      expect(no.text).toBe('OK, I left it as it was.');
      expect(await p.sessionInstructor.count()).toBe(before);
    }
  });

  it('adds a vendor and raises a purchase order, asking for the PO number', async () => {
    const p = j.deps.db.prisma;
    const avery = j.web('avery.clarke@acme.example');
    const add = await avery.say('add Acme Training as a supplier');
    expect(add.text).toBe('Add Acme Training as a vendor?');
    expect(await p.vendor.count({ where: { name: 'Acme Training' } })).toBe(0);
    const added = await avery.press(yes(add));
    expect(added.text).toBe('Added Acme Training as a vendor. Purchase orders and costs can name it now.');
    expect(await p.vendor.count({ where: { name: 'Acme Training' } })).toBe(1);
    expect((await avery.say('add Acme Training as a supplier')).text).toBe(
      'Acme Training is already a vendor.',
    );

    const po = await avery.say('raise a purchase order for £2,000 to Acme Training');
    expect(po.text).toBe('What is the purchase order number for Acme Training?');
    expect(po.awaitingAnswer).toBe(true);
    const confirm = await avery.say('PO-4501');
    expect(confirm.text).toBe('Raise purchase order PO-4501 to Acme Training for £2,000.00?');
    const raised = await avery.press(yes(confirm));
    expect(raised.text).toBe('Raised purchase order PO-4501 to Acme Training for £2,000.00.');
    const order = await p.purchaseOrder.findUniqueOrThrow({
      where: { number: 'PO-4501' },
      include: { vendor: true },
    });
    expect(order).toMatchObject({ status: 'raised', currency: 'GBP' });
    expect(order.vendor.name).toBe('Acme Training');

    const unknown = await avery.say('raise PO 77 for £50 to Nobody Ltd');
    expect(unknown.text).toMatch(/^I couldn't find a vendor called "Nobody Ltd"/);

    // A PO said with its number and the course it pays for: the description names the course.
    const named = await avery.say('raise PO-4502 for £750 to Acme Training for the first aid trainer');
    expect(named.text).toBe(
      'Raise purchase order PO-4502 to Acme Training for £750.00 for facilitator (first aid)?',
    );
    await avery.press(yes(named));
    expect(await p.purchaseOrder.findUniqueOrThrow({ where: { number: 'PO-4502' } })).toMatchObject({
      status: 'raised',
      description: '£750.00 for facilitator (first aid)',
    });
  });

  it('puts someone else on the waitlist of a full session, asked first', async () => {
    const p = j.deps.db.prisma;
    const avery = j.web('avery.clarke@acme.example');
    // A coming session someone is booked on, made full: as many seats as people seated.
    const session = await p.session.findFirstOrThrow({
      where: {
        startsAt: { gt: j.deps.clock.now() },
        status: 'scheduled',
        registrations: { some: { status: 'confirmed' } },
      },
      orderBy: { startsAt: 'asc' },
      include: { course: true },
    });
    const seated = await p.registration.count({
      where: { sessionId: session.id, status: { in: ['confirmed', 'pending_approval', 'offered'] } },
    });
    await p.session.update({ where: { id: session.id }, data: { capacity: seated } });
    const learner = await p.person.findFirstOrThrow({
      where: {
        email: { endsWith: '@acme.example', not: 'avery.clarke@acme.example' },
        registrations: { none: { sessionId: session.id } },
        name: { contains: ' ' },
      },
      orderBy: { name: 'asc' },
    });
    const day = new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'short',
      timeZone: session.timeZone,
    }).format(session.startsAt);

    const ask = await avery.say(`put ${learner.name} on the waitlist for ${session.course.code} on ${day}`);
    expect(ask.text).toMatch(
      new RegExp(`^Book ${learner.name} on .*\\? It is full, so they would join the waitlist\\.$`),
    );
    expect(await p.registration.count({ where: { sessionId: session.id, personId: learner.id } })).toBe(0);
    const done = await avery.press(yes(ask));
    expect(done.text).toMatch(
      new RegExp(`^${learner.name} is on the waitlist for .* number \\d+ in the queue\\.$`),
    );
    expect(
      await p.registration.findFirstOrThrow({ where: { sessionId: session.id, personId: learner.id } }),
    ).toMatchObject({ status: 'waitlisted' });
    await assertInvariants(j);
  });

  it("changes a course's certificate validity, keeping its other settings", async () => {
    const p = j.deps.db.prisma;
    const avery = j.web('avery.clarke@acme.example');
    const before = await p.course.findUniqueOrThrow({ where: { code: 'FL-201' } });
    const ask = await avery.say('FL-201 certificates are valid for 2 years');
    expect(ask.text).toMatch(
      /^Change .* \(FL-201\) so its certificates are valid for 2 years \(now they are valid for 3 years\)\? /,
    );
    const done = await avery.press(yes(ask));
    expect(done.text).toMatch(/^From now on, .* \(FL-201\) certificates are valid for 2 years\.$/);
    const after = await p.course.findUniqueOrThrow({ where: { code: 'FL-201' } });
    expect(after.validityMonths).toBe(24);
    const { validityMonths: _a, updatedAt: _b, ...rest } = after;
    const { validityMonths: _c, updatedAt: _d, ...restBefore } = before;
    expect(rest).toEqual(restBefore);
  });

  it('schedules an online session without a venue, asking for the link and who teaches (typed)', async () => {
    const p = j.deps.db.prisma;
    const avery = j.web('avery.clarke@acme.example');
    const draft = await avery.say('schedule Excel online on 15 Dec 10am-12pm, 20 seats');
    expect(draft.text).toMatch(/what is the meeting link\?/);
    const who = await avery.say('https://teams.example/l/meetup/excel-15-dec');
    expect(who.text).toBe('Who will teach it?');
    const confirm = await avery.say('Lee Okafor');
    expect(confirm.text).toMatch(
      /^Schedule .* on Tue 15 Dec, 10:00–12:00 \(Europe\/London\) in online, 20 seats, with Lee Okafor\?$/,
    );
    const done = await avery.press(yes(confirm));
    expect(done.text).toMatch(/^Scheduled /);
    const session = await p.session.findFirstOrThrow({
      where: { meetingUrl: 'https://teams.example/l/meetup/excel-15-dec' },
      include: { instructors: { include: { person: true } } },
    });
    expect(session.venueId).toBeNull();
    expect(session.capacity).toBe(20);
    expect(session.instructors.map((i) => i.person.name)).toEqual(['Lee Okafor']);
  });

  it('a learner starts a journey, lists her journeys and asks how far she is', async () => {
    const p = j.deps.db.prisma;
    const learner = await p.person.findFirstOrThrow({
      where: { status: 'active', roles: { equals: ['employee'] }, email: { not: 'isla.novak@acme.example' } },
      orderBy: { email: 'asc' },
    });
    const me = j.web(learner.email);
    expect((await me.say('my journeys')).text).toBe("You haven't started a learning journey.");
    const start = await me.say('start the forklift licence journey');
    expect(start.text).toBe(
      'Start the Forklift Licence journey? Its steps go on your learning list with their due dates.',
    );
    const started = await me.press(yes(start));
    expect(started.text).toMatch(/^Started Forklift Licence\. 0 of 2 steps done\./);
    const mine = await me.say('my journeys');
    expect(mine.text).toMatch(/^Forklift Licence: 0 of 2 steps done\./);
    const far = await me.say('how far am I on my forklift licence journey?');
    expect(rows(far).map((r) => r[2])).toEqual(['Open now', expect.stringMatching(/^Locked until /)]);
    expect((await me.say('start the forklift licence journey')).text).toMatch(/^You are already on it\./);
    await assertInvariants(j);
  });
});
