/**
 * importPackage reads a zip from a file on disk (as uploads arrive) with the same safety
 * limits as from bytes, and no refusal names a server path.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPackage } from '../../../../src/features/content/import-package.ts';
import { SYSTEM_ACTOR } from '../../../../src/features/people/actor.ts';
import { AppError } from '../../../../src/shared/app-error.ts';
import { buildPackage, zipOf } from '../../../helpers/scorm-zips.ts';
import { startScormApp, type ScormTestApp } from '../../../helpers/scorm-app.ts';

let app: ScormTestApp;
beforeAll(async () => {
  app = await startScormApp();
});
afterAll(async () => {
  await app?.close();
});

async function onDisk(name: string, zip: Buffer): Promise<string> {
  const file = path.join(app.sandbox, name);
  await writeFile(file, zip);
  return file;
}

describe('importPackage from a zip file', () => {
  it('imports it, recording the sha256 it is given', async () => {
    const zip = await buildPackage({
      version: '1.2',
      title: 'From Disk',
      scos: [{ identifier: 's', title: 'S', href: 'index.html' }],
    });
    const file = await onDisk('from-disk.zip', zip);
    const result = await importPackage(app.deps, SYSTEM_ACTOR, {
      zip: { path: file, sha256: 'a'.repeat(64) },
    });
    expect(result).toMatchObject({ kind: 'imported', title: 'From Disk', courseCreated: true });
    const pkg = await app.deps.db.prisma.contentPackage.findUniqueOrThrow({
      where: { id: result.packageId },
    });
    expect(pkg.sha256).toBe('a'.repeat(64));
  });

  it('keeps the limits: a zip bomb on disk is refused', async () => {
    const bomb = await zipOf([
      { name: 'imsmanifest.xml', data: '<manifest/>' },
      { name: 'zeros.bin', data: Buffer.alloc(20 * 1024 * 1024) },
    ]);
    const file = await onDisk('bomb.zip', bomb);
    const error = await importPackage(app.deps, SYSTEM_ACTOR, { zip: { path: file } }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).userMessage).toMatch(/zip bomb/);
  });

  it('refuses a zip naming one file twice without naming any server path', async () => {
    const twice = await zipOf([
      { name: 'index.html', data: 'first' },
      { name: 'index.html', data: 'second, meant to replace the first' },
    ]);
    for (const zip of [twice, await onDisk('twice.zip', twice)]) {
      const error = await importPackage(app.deps, SYSTEM_ACTOR, {
        zip: typeof zip === 'string' ? { path: zip } : zip,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      const message = (error as AppError).userMessage;
      expect(message).toMatch(/holds the same file twice/);
      expect(message).not.toContain(app.sandbox);
      expect(message).not.toMatch(/\/tmp|\.incoming-/);
    }
  });

  it('refuses a file that is not a zip without naming its path', async () => {
    const file = await onDisk('not-a-zip.zip', Buffer.from('plain text, not a zip'));
    const error = await importPackage(app.deps, SYSTEM_ACTOR, { zip: { path: file } }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).userMessage).toMatch(/not a readable zip/);
    expect((error as AppError).userMessage).not.toContain(app.sandbox);
  });
});
