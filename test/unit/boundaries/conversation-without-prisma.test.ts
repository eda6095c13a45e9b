/** src/conversation calls use cases: no Prisma client, generated types or database module */
import { describe, expect, it } from 'vitest';
import { conversationWithoutPrisma } from './rules.ts';
import { fixture, offences, sourceFiles } from './source-tree.ts';

describe('src/conversation calls use cases: no Prisma client, generated types or database module', () => {
  it('holds on the tree', () => {
    const files = [...sourceFiles('src')];
    expect(files.length).toBeGreaterThan(10);
    expect(offences(conversationWithoutPrisma, files)).toEqual([]);
  });

  it('fails on a planted violation', () => {
    expect(
      offences(conversationWithoutPrisma, [
        fixture('conversation-uses-prisma.txt', 'src/conversation/intents/planted.ts'),
      ]),
    ).toEqual([
      'src/conversation/intents/planted.ts: imports src/generated/prisma/client.ts',
      'src/conversation/intents/planted.ts: imports src/db/transaction.ts',
      'src/conversation/intents/planted.ts: uses the database: return turn.deps.db.prisma.session.findMany({ take: 1 });',
    ]);
  });
});
