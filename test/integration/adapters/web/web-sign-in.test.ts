/**
 * The web chat outside demo mode: identity comes from a session cookie made from a one-time
 * link, never from the body. Real HTTP and headless Chromium; the conversation core is the
 * real one over the demo seed, wrapped only to record who each turn was for.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser } from 'playwright-core';
import { createApp } from '../../../../src/http/app.ts';
import { createConversationHandler } from '../../../../src/conversation/handle-message.ts';
import type { ConversationHandler } from '../../../../src/conversation/types.ts';
import { mountWebChat } from '../../../../adapters/web/index.ts';
import { createWebSignInLink, SIGN_IN_LINK_TTL_MS } from '../../../../src/features/web-sessions/index.ts';
import { SYSTEM_ACTOR } from '../../../../src/features/people/actor.ts';
import { seededConversation, demoEmail } from '../../../helpers/conversation.ts';
import type { TestDb } from '../../../helpers/test-db.ts';
import type { Deps } from '../../../../src/deps.ts';
import type { FixedClock } from '../../../../src/shared/clock.ts';

let testDb: TestDb;
let deps: Deps & { clock: FixedClock };
let browser: Browser | undefined;
let url: string;
const servers: ServerType[] = [];
const turnsFor: string[] = [];

async function start(config: Partial<Deps['config']>): Promise<string> {
  const d = { ...deps, config: { ...deps.config, demoMode: false, ...config } };
  const core = createConversationHandler(d);
  const recording: ConversationHandler = (message) => {
    turnsFor.push(message.personId);
    return core(message);
  };
  const app = createApp(d);
  mountWebChat(app, d, recording);
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  servers.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  d.config.publicUrl = config.publicUrl ?? base;
  return base;
}

const personId = async (email: string) =>
  (await testDb.db.prisma.person.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;

async function linkFor(email: string, d: Pick<Deps, 'db' | 'clock' | 'config'> = deps): Promise<string> {
  const link = await createWebSignInLink({ ...d, config: { ...d.config, publicUrl: url } }, SYSTEM_ACTOR, {
    personId: await personId(email),
  });
  return link.url.split('#')[1]!;
}

const json = (base: string, extra: Record<string, string> = {}): Record<string, string> => ({
  'content-type': 'application/json',
  origin: base,
  ...extra,
});

async function signIn(token: string): Promise<Response> {
  return fetch(`${url}/web/session`, { method: 'POST', headers: json(url), body: JSON.stringify({ token }) });
}

const cookieOf = (res: Response) => res.headers.get('set-cookie')!.split(';')[0]!;

function chat(cookie: string | undefined, body: unknown, headers = json(url)): Promise<Response> {
  return fetch(`${url}/web/chat`, {
    method: 'POST',
    headers: { ...headers, ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
}

beforeAll(async () => {
  ({ testDb, deps } = await seededConversation());
  url = await start({});
});
afterAll(async () => {
  await browser?.close();
  for (const s of servers) s.close();
  await testDb?.drop();
});

describe('web chat sign-in', () => {
  it('refuses chat without a session and hides the people list', async () => {
    const res = await chat(undefined, { email: demoEmail('olivia.grant'), text: 'help' });
    expect(res.status).toBe(401);
    expect((await fetch(`${url}/web/people`)).status).toBe(404);
    expect(turnsFor).toEqual([]);
  });

  it('a one-time link gives an HttpOnly SameSite=Strict session; the body cannot choose who you are', async () => {
    const signedIn = await signIn(await linkFor(demoEmail('priya.shah')));
    expect(signedIn.status).toBe(200);
    const setCookie = signedIn.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    const cookie = cookieOf(signedIn);

    turnsFor.length = 0;
    const res = await chat(cookie, { email: demoEmail('olivia.grant'), text: 'help' });
    expect(res.status).toBe(200);
    expect(turnsFor).toEqual([await personId(demoEmail('priya.shah'))]);
    const me = await fetch(`${url}/web/me`, { headers: { cookie } });
    expect(((await me.json()) as { person: { email: string } }).person.email).toBe(demoEmail('priya.shah'));
  });

  it('a link works once and for 15 minutes; a session ends on sign-out, on every replica', async () => {
    const token = await linkFor(demoEmail('sam.brooks'));
    const first = await signIn(token);
    expect(first.status).toBe(200);
    expect((await signIn(token)).status).toBe(401);

    const late = await linkFor(demoEmail('sam.brooks'));
    deps.clock.advance(SIGN_IN_LINK_TTL_MS + 1000);
    expect((await signIn(late)).status).toBe(401);
    expect((await signIn('x'.repeat(43))).status).toBe(401);

    const cookie = cookieOf(first);
    const replica = await start({});
    const onReplica = await fetch(`${replica}/web/me`, { headers: { cookie } });
    expect(onReplica.status).toBe(200);
    const out = await fetch(`${url}/web/sign-out`, {
      method: 'POST',
      headers: { ...json(url), cookie },
      body: '{}',
    });
    expect(out.status).toBe(200);
    expect((await fetch(`${replica}/web/me`, { headers: { cookie } })).status).toBe(401);
  });

  it('marks the cookie Secure with the __Host- prefix when PUBLIC_URL is https', async () => {
    const base = await start({ publicUrl: 'https://rollcall.acme.example' });
    const token = await linkFor(demoEmail('priya.shah'));
    const res = await fetch(`${base}/web/session`, {
      method: 'POST',
      headers: json(base, { origin: 'https://rollcall.acme.example' }),
      body: JSON.stringify({ token }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/^__Host-rollcall_session=.*Secure/i);
  });
});

describe('web chat CSRF and body limits', () => {
  it('takes only same-origin application/json; refuses and stores nothing otherwise', async () => {
    const cookie = cookieOf(await signIn(await linkFor(demoEmail('priya.shah'))));
    turnsFor.length = 0;
    const body = { text: 'help' };
    const cases: [Record<string, string>, number][] = [
      [{ 'content-type': 'text/plain', origin: url }, 415],
      [{ 'content-type': 'application/x-www-form-urlencoded', origin: url }, 415],
      [{ 'content-type': 'application/json', origin: 'https://evil.example' }, 403],
      [{ 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' }, 403],
      [{ 'content-type': 'application/json' }, 403],
    ];
    for (const [headers, status] of cases) {
      const res = await chat(cookie, body, headers);
      expect(res.status, JSON.stringify(headers)).toBe(status);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBeTruthy();
    }
    expect(turnsFor).toEqual([]);
    expect(
      (await chat(cookie, body, { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' }))
        .status,
    ).toBe(200);
  });

  it('answers a body over 64 KB with 413 in the JSON error shape', async () => {
    const res = await chat(undefined, { text: 'x'.repeat(100 * 1024) });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
  });
});

describe('web chat sign-in in a browser', () => {
  it('opens a link, lands in the chat signed in, and chats as that person', async () => {
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    const page = await browser.newPage();
    const token = await linkFor(demoEmail('priya.shah'));
    await page.goto(`${url}/web/sign-in#${token}`);
    await page.waitForURL(`${url}/`);
    await page.getByText('Priya Shah').waitFor();
    turnsFor.length = 0;
    await page.fill('#text', 'help');
    await page.press('#text', 'Enter');
    await page.locator('[data-testid="reply"]').first().waitFor();
    expect(turnsFor).toEqual([await personId(demoEmail('priya.shah'))]);
    await page.close();
  });
});
