/** nothing in src/ imports a platform SDK (Slack, Bot Framework) */
import { describe, expect, it } from 'vitest';
import { noPlatformSdkInSrc } from './rules.ts';
import { fixture, offences, sourceFiles } from './source-tree.ts';

describe('nothing in src/ imports a platform SDK (Slack, Bot Framework)', () => {
  it('holds on the tree', () => {
    const files = [...sourceFiles('src')];
    expect(files.length).toBeGreaterThan(10);
    expect(offences(noPlatformSdkInSrc, files)).toEqual([]);
  });

  it('fails on a planted violation', () => {
    expect(
      offences(noPlatformSdkInSrc, [fixture('src-imports-platform-sdk.txt', 'src/conversation/planted.ts')]),
    ).toEqual([
      'src/conversation/planted.ts: imports @slack/bolt',
      'src/conversation/planted.ts: imports botbuilder',
    ]);
  });
});
