/** src/conversation imports a feature area only through its index.ts */
import { describe, expect, it } from 'vitest';
import { conversationUsesAreaIndexes } from './rules.ts';
import { fixture, offences, sourceFiles } from './source-tree.ts';

describe('src/conversation imports a feature area only through its index.ts', () => {
  it('holds on the tree', () => {
    const files = [...sourceFiles('src')];
    expect(files.length).toBeGreaterThan(10);
    expect(offences(conversationUsesAreaIndexes, files)).toEqual([]);
  });

  it('fails on a planted violation', () => {
    expect(
      offences(conversationUsesAreaIndexes, [
        fixture('conversation-imports-feature-file.txt', 'src/conversation/intents/planted.ts'),
      ]),
    ).toEqual(['src/conversation/intents/planted.ts: imports src/features/registrations/book-session.ts']);
  });
});
