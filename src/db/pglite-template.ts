/**
 * A migrated, empty embedded database made once at build time, so the first start on a new
 * DATA_DIR copies it in (under a second) instead of running initdb and every migration
 * (6–12 s with fsync on). The file is keyed by the PGlite version and the migrations' names
 * and checksums: a new or edited migration, or a PGlite upgrade, names a file that does not
 * exist yet, and the service then takes the normal path (initdb, migrate) until the next
 * build makes it. The start-up migrate step runs as always, so a template is never trusted
 * to be current, only used as a head start.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { applyMigrations, readMigrations, type MigrationFile } from './migrate.ts';
import type { Db, RawSql } from './open-db.ts';

const root = path.resolve(import.meta.dirname, '../..');
/** Beside other build caches; survives `npm run build` (which empties dist/). */
export const TEMPLATE_DIR = path.join(root, 'node_modules/.cache/rollcall');

function pgliteVersion(): string {
  const manifest = path.join(root, 'node_modules/@electric-sql/pglite/package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/** The template file for these migrations on the installed PGlite. */
export function pgliteTemplatePath(
  migrations: MigrationFile[] = readMigrations(),
  dir = TEMPLATE_DIR,
): string {
  const key = createHash('sha256').update(`pglite ${pgliteVersion()}\n`);
  for (const m of migrations) key.update(`${m.name} ${m.checksum}\n`);
  return path.join(dir, `pglite-template-${key.digest('hex').slice(0, 16)}.tar`);
}

/** The template for the current migrations, or undefined when it has not been built. */
export function readPgliteTemplate(dir = TEMPLATE_DIR): Blob | undefined {
  const file = pgliteTemplatePath(readMigrations(), dir);
  return existsSync(file) ? new Blob([readFileSync(file)]) : undefined;
}

/**
 * Builds the template for the current migrations unless it exists; removes templates of
 * older migrations. Returns the file and whether it was written now.
 */
export async function buildPgliteTemplate(
  options: { dir?: string; migrations?: MigrationFile[] } = {},
): Promise<{ file: string; built: boolean }> {
  const { dir = TEMPLATE_DIR, migrations = readMigrations() } = options;
  const file = pgliteTemplatePath(migrations, dir);
  if (existsSync(file)) return { file, built: false };
  // Imported here: the "already built" check above runs at every `npm start`.
  const { PGlite } = await import('@electric-sql/pglite');
  const pglite = await PGlite.create();
  try {
    const raw: Omit<RawSql, 'withConnection'> = {
      exec: async (sql) => {
        await pglite.exec(sql);
      },
      query: async <T>(sql: string, params: unknown[] = []) => (await pglite.query<T>(sql, params)).rows,
    };
    await applyMigrations({ sql: { ...raw, withConnection: (work) => work(raw) } } as Db, migrations);
    // Uncompressed: loading it is what the first start waits for (0.8 s vs 1.2 s gzipped).
    const tar = Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer());
    mkdirSync(dir, { recursive: true });
    // Written whole, then renamed: a start running meanwhile never reads half a file.
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, tar);
    renameSync(partial, file);
  } finally {
    await pglite.close();
  }
  for (const name of readdirSync(dir))
    if (/^pglite-template-\w+\.tar$/.test(name) && path.join(dir, name) !== file)
      rmSync(path.join(dir, name), { force: true });
  return { file, built: true };
}
