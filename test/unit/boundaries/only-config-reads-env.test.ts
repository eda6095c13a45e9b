/** only src/config.ts reads process.env */
import { describe, expect, it } from 'vitest';
import { onlyConfigReadsEnv } from './rules.ts';
import { fixture, offences, sourceFiles } from './source-tree.ts';

describe('only src/config.ts reads process.env', () => {
  it('holds on the tree', () => {
    const files = [...sourceFiles('src')];
    expect(files.length).toBeGreaterThan(10);
    expect(offences(onlyConfigReadsEnv, files)).toEqual([]);
  });

  it('fails on a planted violation', () => {
    expect(offences(onlyConfigReadsEnv, [fixture('reads-environment.txt', 'src/jobs/planted.ts')])).toEqual([
      "src/jobs/planted.ts: reads the environment: export const planted = process.env.SLACK_BOT_TOKEN ?? '';",
    ]);
  });
});
