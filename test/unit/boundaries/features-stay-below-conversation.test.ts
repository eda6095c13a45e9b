/** src/features never imports the conversation, adapters or the surfaces above it */
import { describe, expect, it } from 'vitest';
import { featuresStayBelowConversation } from './rules.ts';
import { fixture, offences, sourceFiles } from './source-tree.ts';

describe('src/features never imports the conversation, adapters or the surfaces above it', () => {
  it('holds on the tree', () => {
    const files = [...sourceFiles('src')];
    expect(files.length).toBeGreaterThan(10);
    expect(offences(featuresStayBelowConversation, files)).toEqual([]);
  });

  it('fails on a planted violation', () => {
    expect(
      offences(featuresStayBelowConversation, [
        fixture('feature-imports-conversation.txt', 'src/features/sessions/planted.ts'),
      ]),
    ).toEqual([
      'src/features/sessions/planted.ts: imports src/conversation/types.ts',
      'src/features/sessions/planted.ts: imports adapters/slack/mount-slack.ts',
    ]);
  });
});
