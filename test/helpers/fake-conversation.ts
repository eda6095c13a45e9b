/**
 * A small ConversationHandler for adapter tests: it implements our interface (no mocks),
 * records every InboundMessage it gets, and acts on the database for the two actions the
 * adapter tests exercise, so "booked" and "acted on twice" are real rows, not call counts.
 */
import type { Db } from '../../src/db/open-db.ts';
import type { ConversationHandler, InboundMessage, Reply } from '../../src/conversation/types.ts';
import type { ActionId } from '../../src/shared/reply.ts';

export interface AdapterFixture {
  personId: string;
  email: string;
  otherPersonId: string;
  sessionId: string;
}

export async function createAdapterFixture(db: Db): Promise<AdapterFixture> {
  const p = db.prisma;
  const person = await p.person.create({
    data: { email: 'priya.shah@acme.example', name: 'Priya Shah', timeZone: 'Europe/London' },
  });
  const other = await p.person.create({
    data: { email: 'sam.brooks@acme.example', name: 'Sam Brooks', timeZone: 'Europe/London' },
  });
  const course = await p.course.create({ data: { code: 'FA-101', title: 'First Aid at Work', kind: 'ilt' } });
  const session = await p.session.create({
    data: {
      courseId: course.id,
      startsAt: new Date('2026-12-08T09:00:00Z'),
      endsAt: new Date('2026-12-08T15:00:00Z'),
      timeZone: 'Europe/London',
      capacity: 1,
    },
  });
  return { personId: person.id, email: person.email, otherPersonId: other.id, sessionId: session.id };
}

export interface FakeConversation {
  handler: ConversationHandler;
  received: InboundMessage[];
}

const text = (t: string, blocks: Reply['blocks'] = []): Reply => ({
  text: t,
  blocks: [{ type: 'section', text: t }, ...blocks],
});

export function fakeConversation(db: Db, fixture: AdapterFixture): FakeConversation {
  const received: InboundMessage[] = [];
  const handler: ConversationHandler = async (message) => {
    received.push(message);
    if (message.action?.id === 'join_waitlist' || message.action?.id === 'book_session') {
      const waitlist = message.action.id === 'join_waitlist';
      await db.prisma.registration.create({
        data: {
          sessionId: message.action.value,
          personId: message.personId,
          status: waitlist ? 'waitlisted' : 'confirmed',
          waitlistTicket: waitlist ? 1 : null,
          sourceChannel: message.channel === 'cli' ? 'cli' : message.channel,
        },
      });
      return text(
        waitlist
          ? "You're on the waitlist for First Aid at Work, position 1."
          : "You're booked on First Aid at Work.",
      );
    }
    if (message.files?.length) {
      const file = message.files[0]!;
      const bytes = await file.read();
      return text(`Got ${file.name} (${file.mimeType}, ${bytes.length} bytes).`);
    }
    const t = (message.text ?? '').toLowerCase();
    if (t.startsWith('book')) {
      return text('First Aid at Work on Tue 8 Dec is full. Join the waitlist?', [
        {
          type: 'buttons',
          buttons: [
            {
              label: 'Join the waitlist',
              actionId: 'join_waitlist',
              value: fixture.sessionId,
              style: 'primary',
            },
            // An id Rollcall no longer makes (an old message): adapters carry it through unchanged.
            { label: 'No thanks', actionId: 'cancel' as ActionId, value: 'none' },
          ],
        },
      ]);
    }
    if (t.includes('sessions')) {
      return {
        text: 'One First Aid session next month.',
        blocks: [
          {
            type: 'table',
            title: 'First Aid at Work',
            columns: ['When', 'Where', 'Seats'],
            rows: [['Tue 8 Dec 09:00–15:00', 'Room 2', '1 left']],
          },
          {
            type: 'buttons',
            buttons: [{ label: 'Book', actionId: 'book_session', value: fixture.sessionId }],
          },
        ],
      };
    }
    if (t.includes('csv')) {
      return {
        text: 'Compliance report for Operations attached.',
        blocks: [{ type: 'section', text: 'Compliance report for Operations attached.' }],
        files: [
          {
            name: 'compliance-operations.csv',
            mimeType: 'text/csv',
            content: Buffer.from('person,status\nPriya Shah,compliant\n'),
          },
        ],
      };
    }
    if (t.startsWith('schedule')) return text(`Scheduling: ${message.text}`);
    return text(`You said: ${message.text ?? message.action?.id}`);
  };
  return { handler, received };
}
