/**
 * Teams refuses what it cannot verify. The service is composed as src/main.ts does it
 * (createApp + every chat adapter), over real HTTP, on PostgreSQL when TEST_DATABASE_URL is
 * set. A hostile "connector" records any request the service makes to it: none may arrive,
 * and no chat identity may be linked, whatever the activity claims.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceClientCredentialsFactory, type ServiceClientCredentials } from 'botframework-connector';
import { createTestDb, testDeps, type TestDb } from '../../helpers/test-db.ts';
import { listen, type Listening } from '../../helpers/listen.ts';
import { createAdapterFixture, fakeConversation } from '../../helpers/fake-conversation.ts';
import { createApp } from '../../../src/http/app.ts';
import { mountChatAdapters } from '../../../adapters/mount-chat.ts';
import type { Config } from '../../../src/config.ts';
import { startFakeConnector, type FakeConnector } from '../adapters/teams/fake-connector.ts';
import { startOpenIdServer, type OpenIdServer } from '../adapters/teams/openid-server.ts';
import { PRIYA, TENANT_ID, personalActivity, postActivity } from '../adapters/teams/activities.ts';

const APP_ID = 'rollcall-app-id';

class StubCredentialsFactory extends ServiceClientCredentialsFactory {
  async isValidAppId(appId: string): Promise<boolean> {
    return appId === APP_ID;
  }
  async isAuthenticationDisabled(): Promise<boolean> {
    return false;
  }
  async createCredentials(): Promise<ServiceClientCredentials> {
    return { signRequest: async (request) => request };
  }
}

let testDb: TestDb;
let hostile: FakeConnector;
let openId: OpenIdServer;
const services: Listening[] = [];

async function serviceWith(overrides: Partial<Config>): Promise<string> {
  const deps = testDeps(testDb.db, undefined, overrides);
  const app = createApp(deps);
  const fixture = await createAdapterFixture(testDb.db).catch(() => undefined);
  const conversation = fakeConversation(testDb.db, fixture ?? ({} as never));
  const chat = mountChatAdapters(app, deps, conversation.handler);
  chat.stop();
  const service = await listen(app);
  services.push(service);
  return service.url;
}

beforeAll(async () => {
  testDb = await createTestDb();
  hostile = await startFakeConnector();
  // The attacker's roster answer names the L&D admin.
  hostile.members.set(PRIYA.id, {
    email: 'priya.shah@acme.example',
    aadObjectId: PRIYA.aadObjectId,
    name: 'x',
  });
  openId = await startOpenIdServer();
});

afterAll(async () => {
  for (const s of services) await s.close();
  await hostile?.close();
  await openId?.close();
  await testDb?.drop();
});

async function nothingHappened(): Promise<void> {
  expect(hostile.calls).toEqual([]);
  expect(await testDb.db.prisma.chatIdentity.count()).toBe(0);
}

describe('Teams fails closed', () => {
  it('without Microsoft credentials refuses an unauthenticated activity with a hostile serviceUrl', async () => {
    const url = await serviceWith({});
    const res = await postActivity(url, personalActivity(hostile.serviceUrl, PRIYA, { text: 'cost report' }));
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
    await nothingHappened();
  });

  it('in Emulator mode refuses a serviceUrl that is not loopback before any work', async () => {
    const url = await serviceWith({ TEAMS_EMULATOR: true, HOST: '127.0.0.1' });
    const res = await postActivity(url, personalActivity('https://evil.example/', PRIYA, { text: 'hi' }));
    expect(res.status).toBe(403);
    await nothingHappened();
  });

  it('with credentials, a valid token from a tenant not in MICROSOFT_ALLOWED_TENANTS gets 403', async () => {
    const deps = testDeps(testDb.db, undefined, {
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_PASSWORD: 'unused',
      MICROSOFT_OPENID_METADATA_URL: openId.metadataUrl,
      MICROSOFT_ALLOWED_TENANTS: ['tenant-of-someone-else'],
    });
    const app = createApp(deps);
    const { mountTeams } = await import('../../../adapters/teams/mount-teams.ts');
    mountTeams(app, deps, fakeConversation(testDb.db, {} as never).handler, {
      credentialsFactory: new StubCredentialsFactory(),
    });
    const service = await listen(app);
    services.push(service);
    const token = await openId.token({ aud: APP_ID, serviceUrl: hostile.serviceUrl });
    const activity = personalActivity(hostile.serviceUrl, PRIYA, { text: 'hi' });
    const res = await postActivity(service.url, activity, token);
    expect(res.status).toBe(403);
    expect(TENANT_ID).not.toBe('tenant-of-someone-else');
    await nothingHappened();
  });

  it('a body over the limit is answered 413 with the JSON error shape', async () => {
    const url = await serviceWith({ TEAMS_EMULATOR: true, HOST: '127.0.0.1' });
    const res = await postActivity(url, JSON.stringify({ text: 'x'.repeat(300 * 1024) }));
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('PAYLOAD_TOO_LARGE');
    await nothingHappened();
  });
});
