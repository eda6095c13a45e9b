import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === 'generated') return [];
    return statSync(full).isDirectory() ? tsFiles(full) : name.endsWith('.ts') ? [full] : [];
  });
}

describe('dependency direction', () => {
  const files = tsFiles(path.join(root, 'src'));

  it('keeps platform SDKs out of src/', () => {
    const offenders = files.filter((f) => /from ['"](@slack\/bolt|botbuilder)/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('lets only src/main.ts import adapters/', () => {
    const offenders = files
      .filter((f) => /from ['"](\.\.\/)+adapters\//.test(readFileSync(f, 'utf8')))
      .map((f) => path.relative(root, f));
    expect(offenders.filter((f) => f !== 'src/main.ts')).toEqual([]);
  });

  it('reads process.env only in src/config.ts', () => {
    const offenders = files
      .filter((f) => readFileSync(f, 'utf8').includes('process.env'))
      .map((f) => path.relative(root, f));
    expect(offenders).toEqual(['src/config.ts']);
  });
});
