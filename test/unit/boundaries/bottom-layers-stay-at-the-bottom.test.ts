/** src/db and src/shared import nothing from the layers above them */
import { describe, expect, it } from 'vitest';
import { bottomLayersStayAtTheBottom } from './rules.ts';
import { fixture, offences, sourceFiles } from './source-tree.ts';

describe('src/db and src/shared import nothing from the layers above them', () => {
  it('holds on the tree', () => {
    const files = [...sourceFiles('src')];
    expect(files.length).toBeGreaterThan(10);
    expect(offences(bottomLayersStayAtTheBottom, files)).toEqual([]);
  });

  it('fails on a planted violation', () => {
    expect(
      offences(bottomLayersStayAtTheBottom, [fixture('shared-imports-feature.txt', 'src/shared/planted.ts')]),
    ).toEqual(['src/shared/planted.ts: imports src/features/sessions/find-sessions.ts']);
  });
});
