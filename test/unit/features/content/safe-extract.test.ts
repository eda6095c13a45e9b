import { mkdtemp, mkdir, readdir, rm, stat } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractZipSafely, unsafeEntryName } from '../../../../src/features/content/safe-extract.ts';
import { renameEntry, setDeclaredSize, zipOf } from '../../../helpers/scorm-zips.ts';

let sandbox: string;
let target: string;

beforeEach(async () => {
  sandbox = await mkdtemp(path.join(os.tmpdir(), 'rollcall-extract-'));
  target = path.join(sandbox, 'pkg');
  await mkdir(target);
});
afterEach(async () => {
  await rm(sandbox, { recursive: true, force: true });
});

/** Every file under the sandbox, relative to it. */
async function allFiles(dir = sandbox): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await allFiles(full)));
    else out.push(path.relative(sandbox, full));
  }
  return out.sort();
}

describe('extractZipSafely', () => {
  it('extracts an honest zip with folders', async () => {
    const zip = await zipOf([
      { name: 'imsmanifest.xml', data: '<manifest/>' },
      { name: 'shared/page.html', data: '<p>hi</p>' },
      { name: 'shared/img/a.png', data: randomBytes(3000) },
    ]);
    const result = await extractZipSafely(zip, target);
    expect(result.files.sort()).toEqual(['imsmanifest.xml', 'shared/img/a.png', 'shared/page.html']);
    expect(result.totalBytes).toBe(11 + 9 + 3000);
    expect(await allFiles()).toEqual(['pkg/imsmanifest.xml', 'pkg/shared/img/a.png', 'pkg/shared/page.html']);
  });

  const hostile: [string, () => Promise<Buffer>, RegExp][] = [
    [
      'a ../ path escape',
      async () =>
        renameEntry(await zipOf([{ name: 'xx/evil.txt', data: 'pwned' }]), 'xx/evil.txt', '../evil.txt'),
      /relative path|leaving the package/,
    ],
    [
      'an absolute path',
      async () =>
        renameEntry(
          await zipOf([{ name: 'xtmp/evil.txt', data: 'pwned' }]),
          'xtmp/evil.txt',
          '/tmp/evil.txt',
        ),
      /absolute/,
    ],
    [
      'a backslash path',
      async () =>
        renameEntry(await zipOf([{ name: 'xx/evil.txt', data: 'pwned' }]), 'xx/evil.txt', '..\\evil.txt'),
      /invalid characters|backslash/,
    ],
    [
      'a symlink entry',
      async () => zipOf([{ name: 'link', data: '/etc/passwd', mode: 0o120777 }]),
      /symbolic link/,
    ],
    [
      'an entry lying about its size',
      async () =>
        setDeclaredSize(await zipOf([{ name: 'big.bin', data: randomBytes(200_000) }]), 'big.bin', 1000),
      /more data than it declares|too many bytes|damaged/,
    ],
    [
      'a 1000:1 zip bomb',
      async () => zipOf([{ name: 'bomb.txt', data: Buffer.alloc(20 * 1024 * 1024) }]),
      /zip bomb/,
    ],
  ];

  for (const [label, build, message] of hostile) {
    it(`refuses ${label} and writes nothing outside the target`, async () => {
      const zip = await build();
      const error = await extractZipSafely(zip, target).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'VALIDATION' });
      expect((error as Error).message).toMatch(message);
      const files = await allFiles();
      expect(files.every((f) => f.startsWith(`pkg${path.sep}`))).toBe(true);
      expect(files.some((f) => f.includes('evil'))).toBe(false);
      await expect(stat(path.join(sandbox, 'evil.txt'))).rejects.toThrow();
    });
  }

  it('refuses more entries than allowed before writing any', async () => {
    const zip = await zipOf(Array.from({ length: 12 }, (_, i) => ({ name: `f${i}.txt`, data: 'x' })));
    await expect(
      extractZipSafely(zip, target, {
        maxEntries: 10,
        maxTotalBytes: 1e9,
        maxRatio: 100,
        ratioFloorBytes: 1e6,
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(await allFiles()).toEqual([]);
  });

  it('refuses a zip that unpacks to more than the total limit', async () => {
    const zip = await zipOf([
      { name: 'a.bin', data: randomBytes(6000) },
      { name: 'b.bin', data: randomBytes(6000) },
    ]);
    await expect(
      extractZipSafely(zip, target, {
        maxEntries: 10,
        maxTotalBytes: 10_000,
        maxRatio: 100,
        ratioFloorBytes: 1e6,
      }),
    ).rejects.toThrow(/more than 10000 bytes/);
  });

  it('refuses a bomb spread over many small entries (whole-zip ratio)', async () => {
    const zip = await zipOf(
      Array.from({ length: 40 }, (_, i) => ({ name: `part${i}.txt`, data: Buffer.alloc(512 * 1024) })),
    );
    await expect(extractZipSafely(zip, target)).rejects.toThrow(/overall \(a zip bomb\?\)/);
  });

  it('refuses something that is not a zip', async () => {
    await expect(extractZipSafely(Buffer.from('not a zip at all'), target)).rejects.toThrow(
      /not a readable zip/,
    );
  });

  it('names unsafe entry names', () => {
    expect(unsafeEntryName('a/../../b')).toMatch(/leaving/);
    expect(unsafeEntryName('C:/x')).toMatch(/absolute/);
    expect(unsafeEntryName('a\\b')).toMatch(/backslash/);
    expect(unsafeEntryName('ok/file.html')).toBeNull();
  });
});
