/** adapters/ never imports the Prisma client or the database module */
import { describe, expect, it } from 'vitest';
import { adaptersWithoutGeneratedClient } from './rules.ts';
import { fixture, offences, sourceFiles } from './source-tree.ts';

describe('adapters/ never imports the Prisma client or the database module', () => {
  it('holds on the tree', () => {
    const files = [...sourceFiles('adapters')];
    expect(files.length).toBeGreaterThan(10);
    expect(offences(adaptersWithoutGeneratedClient, files)).toEqual([]);
  });

  it('fails on a planted violation', () => {
    expect(
      offences(adaptersWithoutGeneratedClient, [
        fixture('adapter-imports-generated-client.txt', 'adapters/slack/planted.ts'),
      ]),
    ).toEqual(['adapters/slack/planted.ts: imports src/generated/prisma/client.ts']);
  });
});
