/**
 * Issue #14: dates and times in the reader's locale and zone. A New York learner on Teams
 * whose client reports en-US sees US date order, a 12-hour clock and Eastern time; the same
 * question from a London learner whose client reports en-GB reads "Sat 19 Dec, 09:00–16:00
 * GMT". Over real HTTP in the Bot Framework wire format, against a fake connector.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  personalActivity,
  postActivity,
  type TeamsUser,
} from '../../integration/adapters/teams/activities.ts';
import { startTeamsJourney, type TeamsJourney } from '../teams-harness.ts';

const NEW_YORK: TeamsUser = { id: '29:ny', aadObjectId: 'aad-ny', name: 'NY learner' };
const LONDON: TeamsUser = { id: '29:ldn', aadObjectId: 'aad-ldn', name: 'London learner' };

describe('Teams replies in the reader locale and zone', () => {
  let t: TeamsJourney;

  beforeAll(async () => {
    t = await startTeamsJourney();
    const inZone = (timeZone: string) =>
      t.testDb.db.prisma.person.findFirstOrThrow({
        where: { status: 'active', roles: { equals: ['employee'] }, timeZone },
        orderBy: { email: 'asc' },
      });
    t.link(NEW_YORK, await inZone('America/New_York'));
    t.link(LONDON, await inZone('Europe/London'));
  });

  afterAll(async () => {
    await t?.close();
  });

  const ask = async (user: TeamsUser, locale: string, text: string) => {
    const res = await postActivity(
      t.service.url,
      personalActivity(t.connector.serviceUrl, user, { text, locale }),
    );
    expect(res.status).toBe(200);
    return JSON.stringify(t.connector.activities().at(-1)!.body);
  };

  it('shows sessions in US order, 12-hour clock and Eastern time for an en-US reader in New York', async () => {
    const sent = await ask(NEW_YORK, 'en-US', 'what first aid sessions are there?');
    expect(sent).toMatch(
      /\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (Dec|Jan) \d{1,2}, \d{1,2}:\d\d\s?[AP]M–\d{1,2}:\d\d\s?[AP]M E[SD]T\b/,
    );
    expect(sent).not.toMatch(/\d\d:\d\d–\d\d:\d\d GMT/);
  });

  it('shows the same sessions in British order and a 24-hour clock for an en-GB reader in London', async () => {
    const sent = await ask(LONDON, 'en-GB', 'what first aid sessions are there?');
    expect(sent).toMatch(/\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} (Dec|Jan), \d\d:\d\d–\d\d:\d\d GMT\b/);
    expect(sent).not.toMatch(/[AP]M/);
  });
});
