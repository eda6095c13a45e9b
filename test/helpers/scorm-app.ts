/**
 * The real app on 127.0.0.1 (port 0) over a test database, with its own CONTENT_DIR, for
 * SCORM HTTP and browser tests.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createApp } from '../../src/http/app.ts';
import type { Deps } from '../../src/deps.ts';
import type { FixedClock } from '../../src/shared/clock.ts';
import { createTestDb, testDeps, type TestDb } from './test-db.ts';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';

export interface ScormTestApp {
  testDb: TestDb;
  deps: Deps & { clock: FixedClock };
  baseUrl: string;
  /** Parent of CONTENT_DIR, to prove nothing is written beside it. */
  sandbox: string;
  contentDir: string;
  close(): Promise<void>;
}

export async function startScormApp(now?: Date): Promise<ScormTestApp> {
  const testDb = await createTestDb();
  const sandbox = await mkdtemp(path.join(os.tmpdir(), 'rollcall-scorm-'));
  const contentDir = path.join(sandbox, 'content');
  const deps = testDeps(testDb.db, now, {
    CONTENT_DIR: contentDir,
    ADMIN_API_TOKEN: ADMIN_TOKEN,
    LAUNCH_TOKEN_SECRET: 'test-launch-secret-0123456789abcdef',
  });
  const app = createApp(deps);
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  deps.config.publicUrl = baseUrl;
  return {
    testDb,
    deps,
    baseUrl,
    sandbox,
    contentDir,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await testDb.drop();
      await rm(sandbox, { recursive: true, force: true });
    },
  };
}

export async function uploadPackage(
  app: ScormTestApp,
  zip: Buffer,
  fields: Record<string, string> = {},
  token = ADMIN_TOKEN,
) {
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(zip)], { type: 'application/zip' }), 'package.zip');
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  const response = await fetch(`${app.baseUrl}/api/packages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

export async function createPerson(app: ScormTestApp, email: string, name: string) {
  return app.deps.db.prisma.person.create({ data: { email, name, timeZone: 'Europe/London' } });
}
