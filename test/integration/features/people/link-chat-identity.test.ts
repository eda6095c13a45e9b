import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testDeps, type TestDb } from '../../../helpers/test-db.ts';
import {
  findConversationRefs,
  linkChatIdentity,
  rememberConversationRef,
} from '../../../../src/features/people/link-chat-identity.ts';

let testDb: TestDb;
let personId: string;
beforeAll(async () => {
  testDb = await createTestDb();
  personId = (
    await testDb.db.prisma.person.create({ data: { email: 'maya.chen@acme.example', name: 'Maya Chen' } })
  ).id;
  await testDb.db.prisma.person.create({
    data: { email: 'left.company@acme.example', name: 'Left Company', status: 'inactive' },
  });
});
afterAll(async () => {
  await testDb?.drop();
});

const key = (externalId: string) => ({ platform: 'slack' as const, tenant: 'T1', externalId });

describe('linkChatIdentity', () => {
  it('links by e-mail on first contact (any case), audits it, and asks the platform only once', async () => {
    const deps = testDeps(testDb.db);
    let lookups = 0;
    const lookupEmail = async () => {
      lookups++;
      return ' Maya.Chen@ACME.example ';
    };
    const first = await linkChatIdentity(deps, { ...key('U1'), lookupEmail });
    expect(first).toMatchObject({ kind: 'linked', personId, firstContact: true, conversationRef: null });
    const again = await linkChatIdentity(deps, { ...key('U1'), lookupEmail });
    expect(again).toMatchObject({ kind: 'linked', personId, firstContact: false });
    expect(lookups).toBe(1);
    const audit = await testDb.db.prisma.auditEvent.findMany({ where: { action: 'chat_identity.linked' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBe(personId);
  });

  it('keeps one identity when two first messages race', async () => {
    const deps = testDeps(testDb.db);
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        linkChatIdentity(deps, { ...key('U-race'), lookupEmail: async () => 'maya.chen@acme.example' }),
      ),
    );
    expect(new Set(results.map((r) => (r.kind === 'linked' ? r.identityId : r.kind))).size).toBe(1);
    expect(await testDb.db.prisma.chatIdentity.count({ where: { externalId: 'U-race' } })).toBe(1);
  });

  it('says why a user cannot be linked, and creates nothing', async () => {
    const deps = testDeps(testDb.db);
    const before = await testDb.db.prisma.chatIdentity.count();
    expect(await linkChatIdentity(deps, { ...key('U2'), lookupEmail: async () => undefined })).toEqual({
      kind: 'unknown_user',
      reason: 'no_email',
    });
    expect(
      await linkChatIdentity(deps, { ...key('U3'), lookupEmail: async () => 'nobody@acme.example' }),
    ).toEqual({ kind: 'unknown_user', reason: 'no_person', email: 'nobody@acme.example' });
    expect(
      await linkChatIdentity(deps, { ...key('U4'), lookupEmail: async () => 'left.company@acme.example' }),
    ).toEqual({ kind: 'inactive', email: 'left.company@acme.example' });
    expect(await testDb.db.prisma.chatIdentity.count()).toBe(before);
  });

  it('stores a conversation reference only when it changes', async () => {
    const deps = testDeps(testDb.db);
    const linked = await linkChatIdentity(deps, { ...key('U1'), lookupEmail: async () => undefined });
    if (linked.kind !== 'linked') throw new Error('expected a linked identity');
    await rememberConversationRef(deps, linked, { channel: 'D1', teamId: 'T1' });
    const stamp = (
      await testDb.db.prisma.chatIdentity.findUniqueOrThrow({ where: { id: linked.identityId } })
    ).updatedAt;
    const relinked = await linkChatIdentity(deps, { ...key('U1'), lookupEmail: async () => undefined });
    if (relinked.kind !== 'linked') throw new Error('expected a linked identity');
    await rememberConversationRef(deps, relinked, { teamId: 'T1', channel: 'D1' });
    expect(
      (await testDb.db.prisma.chatIdentity.findUniqueOrThrow({ where: { id: linked.identityId } })).updatedAt,
    ).toEqual(stamp);
    expect(await findConversationRefs(deps, personId, 'slack')).toEqual([
      {
        identityId: linked.identityId,
        tenant: 'T1',
        externalId: 'U1',
        conversationRef: { channel: 'D1', teamId: 'T1' },
      },
    ]);
    expect(await findConversationRefs(deps, personId, 'teams')).toEqual([]);
  });
});
