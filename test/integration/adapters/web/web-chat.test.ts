/**
 * The web chat in headless Chromium: pick a demo person, chat, press a choice, see the
 * answer; plus the demo's HTTP rules. Sign-in outside demo mode: web-sign-in.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser } from 'playwright-core';
import { createApp } from '../../../../src/http/app.ts';
import { createConversationHandler } from '../../../../src/conversation/handle-message.ts';
import { mountWebChat } from '../../../../adapters/web/index.ts';
import { seededConversation } from '../../../helpers/conversation.ts';
import type { TestDb } from '../../../helpers/test-db.ts';
import type { Deps } from '../../../../src/deps.ts';

let testDb: TestDb;
let deps: Deps;
let browser: Browser;
const servers: ServerType[] = [];

async function start(overrides: Partial<Deps['config']>): Promise<{ url: string; mounted: boolean }> {
  const d = { ...deps, config: { ...deps.config, ...overrides } };
  const app = createApp(d);
  mountWebChat(app, d, createConversationHandler(d));
  const mounted = true;
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  servers.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, mounted };
}

beforeAll(async () => {
  ({ testDb, deps } = await seededConversation());
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});
afterAll(async () => {
  await browser?.close();
  for (const s of servers) s.close();
  await testDb?.drop();
});

describe('web chat in a browser', () => {
  it('lets a demo person ask, pick from choices and read the answer', async () => {
    const { url } = await start({ demoMode: true });
    const page = await browser.newPage();
    try {
      await page.goto(`${url}/`);
      await page.locator('#person option').first().waitFor({ state: 'attached' });
      await page.selectOption('#person', 'dana.whitfield@acme.example');
      await page.fill('#text', "who's on my session next week?");
      await page.press('#text', 'Enter');
      const first = page.locator('[data-testid="reply"]').last();
      await first.getByText('Which one would you like to see the roster of?').first().waitFor();
      await first.getByRole('button', { name: /^2\. First Aid at Work/ }).click();
      await page.locator('[data-testid="reply"]').nth(1).waitFor();
      const answer = page.locator('[data-testid="reply"]').nth(1);
      await expect(answer.textContent()).resolves.toMatch(
        /First Aid at Work, Thu 3 Dec, 09:00–16:00 GMT — 11\/12 seats taken/,
      );
      expect(await answer.locator('table tr').count()).toBe(12);
      // Markup in a message is shown as text, never run.
      await page.fill('#text', '<img src=x onerror="document.title=\'pwned\'">');
      await page.press('#text', 'Enter');
      await page.locator('[data-testid="reply"]').nth(2).waitFor();
      expect(await page.title()).toBe('Rollcall — web chat');
    } finally {
      await page.close();
    }
  });
});

describe('web chat in demo mode', () => {
  it('answers bad bodies with 400 and unknown people with 404', async () => {
    const { url } = await start({ demoMode: true });
    const post = (body: string) =>
      fetch(`${url}/web/chat`, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', origin: url },
      });
    expect((await post('not json')).status).toBe(400);
    expect((await post(JSON.stringify({ email: 'priya.shah@acme.example' }))).status).toBe(400);
    expect((await post(JSON.stringify({ email: 'ghost@acme.example', text: 'hi' }))).status).toBe(404);
  });
});
