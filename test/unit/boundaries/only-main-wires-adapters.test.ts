/** src/main.ts is the only file in src/ that imports adapters/ */
import { describe, expect, it } from 'vitest';
import { onlyMainWiresAdapters } from './rules.ts';
import { fixture, offences, sourceFiles } from './source-tree.ts';

describe('src/main.ts is the only file in src/ that imports adapters/', () => {
  it('holds on the tree', () => {
    const files = [...sourceFiles('src')];
    expect(files.length).toBeGreaterThan(10);
    expect(offences(onlyMainWiresAdapters, files)).toEqual([]);
  });

  it('fails on a planted violation', () => {
    expect(
      offences(onlyMainWiresAdapters, [fixture('src-wires-adapter.txt', 'src/http/planted.ts')]),
    ).toEqual(['src/http/planted.ts: imports adapters/web/index.ts']);
  });
});
