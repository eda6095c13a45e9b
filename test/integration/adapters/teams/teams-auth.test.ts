/**
 * With credentials configured, every activity must carry a Bot Framework token: signed by a
 * published key, issued by the Bot Framework, for this app, naming the activity's
 * serviceUrl, and not expired. The signing keys come from a local OpenID/JWKS server, so
 * the real validation code runs offline.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { ServiceClientCredentialsFactory, type ServiceClientCredentials } from 'botframework-connector';
import { createTestDb, testDeps, type TestDb } from '../../../helpers/test-db.ts';
import { listen, type Listening } from '../../../helpers/listen.ts';
import {
  createAdapterFixture,
  fakeConversation,
  type AdapterFixture,
  type FakeConversation,
} from '../../../helpers/fake-conversation.ts';
import { mountTeams } from '../../../../adapters/teams/mount-teams.ts';
import { startFakeConnector, type FakeConnector } from './fake-connector.ts';
import { startOpenIdServer, type OpenIdServer } from './openid-server.ts';
import { PRIYA, personalActivity, postActivity, settleTurnsWith } from './activities.ts';

const APP_ID = 'rollcall-app-id';

/** Outbound tokens without MSAL (which only talks to real https authorities). */
class StubCredentialsFactory extends ServiceClientCredentialsFactory {
  async isValidAppId(appId: string): Promise<boolean> {
    return appId === APP_ID;
  }
  async isAuthenticationDisabled(): Promise<boolean> {
    return false;
  }
  async createCredentials(): Promise<ServiceClientCredentials> {
    return {
      signRequest: async (request) => {
        request.headers.set('authorization', 'Bearer outbound-stub-token');
        return request;
      },
    };
  }
}

let testDb: TestDb;
let fixture: AdapterFixture;
let connector: FakeConnector;
let openId: OpenIdServer;
let service: Listening;
let conversation: FakeConversation;

beforeAll(async () => {
  testDb = await createTestDb();
  fixture = await createAdapterFixture(testDb.db);
  connector = await startFakeConnector();
  connector.members.set(PRIYA.id, {
    email: 'priya.shah@acme.example',
    aadObjectId: PRIYA.aadObjectId,
    name: PRIYA.name,
  });
  openId = await startOpenIdServer();
  conversation = fakeConversation(testDb.db, fixture);
  const deps = testDeps(testDb.db, undefined, {
    MICROSOFT_APP_ID: APP_ID,
    MICROSOFT_APP_PASSWORD: 'not-used-with-the-stub',
    MICROSOFT_OPENID_METADATA_URL: openId.metadataUrl,
  });
  const app = new Hono();
  settleTurnsWith(
    mountTeams(app, deps, conversation.handler, { credentialsFactory: new StubCredentialsFactory() }).idle,
  );
  service = await listen(app);
});

afterAll(async () => {
  await service?.close();
  await connector?.close();
  await openId?.close();
  await testDb?.drop();
});

const booking = () =>
  personalActivity(connector.serviceUrl, PRIYA, {
    value: { rollcallAction: 'book_session', value: fixture.sessionId },
  });

async function snapshot() {
  const p = testDb.db.prisma;
  return {
    handled: conversation.received.length,
    sent: connector.calls.length,
    identities: await p.chatIdentity.count(),
    registrations: await p.registration.count(),
  };
}

describe('Teams JWT validation', () => {
  it.each([
    ['no token at all', async () => undefined],
    [
      'an expired token',
      () => openId.token({ aud: APP_ID, serviceUrl: connector.serviceUrl, expiresInSeconds: -600 }),
    ],
    [
      'a token for another app (wrong audience)',
      () => openId.token({ aud: 'someone-elses-app', serviceUrl: connector.serviceUrl }),
    ],
    [
      'a token signed by an unknown key',
      () => openId.token({ aud: APP_ID, serviceUrl: connector.serviceUrl }, 'unknown-kid'),
    ],
    [
      'a token signed by another key under a published key id',
      () => openId.token({ aud: APP_ID, serviceUrl: connector.serviceUrl }, 'impostor'),
    ],
    [
      'a token from another issuer',
      () => openId.token({ aud: APP_ID, serviceUrl: connector.serviceUrl, issuer: 'https://evil.example' }),
    ],
    [
      'a token for another serviceUrl',
      () => openId.token({ aud: APP_ID, serviceUrl: 'https://smba.trafficmanager.net/emea/' }),
    ],
    ['a token that is not a JWT', async () => 'not-a-jwt'],
  ])('refuses %s with 401 and changes nothing', async (_name, makeToken) => {
    const before = await snapshot();
    const res = await postActivity(service.url, booking(), await makeToken());
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
    expect(await snapshot()).toEqual(before);
  });

  it('accepts a valid token, books, and replies with an outbound token', async () => {
    const token = await openId.token({ aud: APP_ID, serviceUrl: connector.serviceUrl });
    const res = await postActivity(service.url, booking(), token);
    expect(res.status).toBe(200);
    const registration = await testDb.db.prisma.registration.findFirstOrThrow({
      where: { personId: fixture.personId },
    });
    expect(registration).toMatchObject({ status: 'confirmed', sourceChannel: 'teams' });
    const reply = connector.activities().at(-1)!;
    expect(reply.body!.summary).toBe("You're booked on First Aid at Work.");
    expect(reply.authorization).toBe('Bearer outbound-stub-token');
  });
});
