/** The core never imports a platform SDK; only src/main.ts may import adapters/. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

const imports = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);

describe('adapter boundary', () => {
  const files = sourceFiles(path.join(root, 'src'));

  it('finds the source files it checks', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it('keeps @slack/* and botbuilder out of src/', () => {
    const offenders = files.filter((f) =>
      imports(f).some((i) => /^(@slack\/|botbuilder|botframework-)/.test(i)),
    );
    expect(offenders.map((f) => path.relative(root, f))).toEqual([]);
  });

  it('lets only src/main.ts import adapters/', () => {
    const offenders = files.filter(
      (f) => !f.endsWith(path.join('src', 'main.ts')) && imports(f).some((i) => i.includes('adapters/')),
    );
    expect(offenders.map((f) => path.relative(root, f))).toEqual([]);
  });
});
