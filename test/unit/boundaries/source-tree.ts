/**
 * What the boundary rules read: each TypeScript file's imports, resolved to repository paths,
 * and its text. A rule is a function from one file to its offending lines, so the same rule
 * checks the tree and the planted violations in ./fixtures.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../../..');

export interface SourceFile {
  /** Repository-relative, with forward slashes: `src/features/sessions/find-sessions.ts`. */
  path: string;
  text: string;
  /** Each import specifier: relative ones resolved to repository paths, packages as written. */
  imports: string[];
}

export type Rule = (file: SourceFile) => string[];

const IMPORT =
  /(?:^|\s)(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Reads `text` as if it were the file at `repoPath` (fixtures are checked this way). */
export function sourceFile(repoPath: string, text: string): SourceFile {
  const imports = [...text.matchAll(IMPORT)].map((m) => {
    const spec = (m[1] ?? m[2])!;
    if (!spec.startsWith('.')) return spec;
    return path.posix.normalize(path.posix.join(path.posix.dirname(repoPath), spec));
  });
  return { path: repoPath, text, imports };
}

/** Every .ts file under `dir` (repository-relative), the generated Prisma client excluded. */
export function sourceFiles(dir: string): SourceFile[] {
  const walk = (relative: string): SourceFile[] =>
    readdirSync(path.join(repoRoot, relative), { withFileTypes: true }).flatMap((entry) => {
      const child = `${relative}/${entry.name}`;
      if (entry.isDirectory()) return child === 'src/generated' ? [] : walk(child);
      return entry.name.endsWith('.ts')
        ? [sourceFile(child, readFileSync(path.join(repoRoot, child), 'utf8'))]
        : [];
    });
  return walk(dir);
}

/** A planted violation: `fixtures/<name>`, read as if it lived at `pretendPath`. */
export function fixture(name: string, pretendPath: string): SourceFile {
  return sourceFile(pretendPath, readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8'));
}

/** Offending lines of every file, as `path: line`. */
export const offences = (rule: Rule, files: SourceFile[]): string[] =>
  files.flatMap((file) => rule(file).map((line) => `${file.path}: ${line}`));

export const importsMatching = (file: SourceFile, test: (spec: string) => boolean): string[] =>
  file.imports.filter(test).map((spec) => `imports ${spec}`);
