/**
 * A new embedded database folder starts from the build's migrated template: it opens with
 * every migration already recorded, is a real folder (it reopens without the template), and a
 * template for other migrations, or a damaged one, leaves the normal path (initdb, migrate).
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../../src/db/open-db.ts';
import { applyMigrations, readMigrations } from '../../../src/db/migrate.ts';
import { buildPgliteTemplate, pgliteTemplatePath } from '../../../src/db/pglite-template.ts';

const SLOW = { timeout: 120_000 };
const scratch = mkdtempSync(path.join(tmpdir(), 'rollcall-template-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const folder = (name: string) => path.join(scratch, name);

async function openAndMigrate(dataDir: string, templateDir: string) {
  const db = await openDb({ DATABASE_URL: undefined, DATA_DIR: dataDir }, { pgliteTemplateDir: templateDir });
  try {
    return await applyMigrations(db);
  } finally {
    await db.close();
  }
}

describe('the migrated PGlite template', () => {
  const templates = folder('templates');
  const olderTemplates = folder('older-templates');
  const migrations = readMigrations();
  const fewer = migrations.slice(0, -1);

  beforeAll(async () => {
    await buildPgliteTemplate({ dir: olderTemplates, migrations: fewer });
  }, SLOW.timeout);

  it(
    'is keyed by the migrations, and a new one replaces the template of older migrations',
    SLOW,
    async () => {
      const older = pgliteTemplatePath(fewer, olderTemplates);
      expect(existsSync(older)).toBe(true);
      mkdirSync(templates, { recursive: true });
      copyFileSync(older, path.join(templates, path.basename(older)));

      const current = await buildPgliteTemplate({ dir: templates });
      expect(current).toEqual({ file: pgliteTemplatePath(migrations, templates), built: true });
      expect(path.basename(current.file)).not.toBe(path.basename(older));
      expect(readdirSync(templates)).toEqual([path.basename(current.file)]);
      expect(await buildPgliteTemplate({ dir: templates })).toEqual({ ...current, built: false });
    },
  );

  it('gives a new folder every migration at once, and the folder reopens on its own', SLOW, async () => {
    const dataDir = folder('from-template');
    expect(await openAndMigrate(dataDir, templates)).toEqual({
      applied: [],
      alreadyApplied: migrations.length,
    });
    // Reopened with no template at hand: the files on disk are the database.
    expect(await openAndMigrate(dataDir, folder('nowhere'))).toEqual({
      applied: [],
      alreadyApplied: migrations.length,
    });
  });

  it(
    'is not used when it was built for other migrations: the folder is migrated as usual',
    SLOW,
    async () => {
      const result = await openAndMigrate(folder('stale-template'), olderTemplates);
      expect(result).toEqual({ applied: migrations.map((m) => m.name), alreadyApplied: 0 });
    },
  );

  it('falls back to initdb when the template file is damaged', SLOW, async () => {
    const damaged = folder('damaged-templates');
    mkdirSync(damaged, { recursive: true });
    writeFileSync(pgliteTemplatePath(migrations, damaged), 'not a tarball');
    const result = await openAndMigrate(folder('damaged-template'), damaged);
    expect(result).toEqual({ applied: migrations.map((m) => m.name), alreadyApplied: 0 });
  });
});
