/**
 * Extracts an uploaded zip into a folder without trusting anything the zip says about itself.
 * yauzl (strictFileNames) already refuses `../`, absolute and backslash names and checks sizes;
 * on top of that: limits on entries, total bytes and compression ratio, no symlinks or other
 * special files, every byte counted while streaming (a lying header cannot write more than it
 * declared), and every path re-checked against the target folder before it is opened.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { AppError } from '../../shared/app-error.ts';

export interface ExtractLimits {
  maxEntries: number;
  maxTotalBytes: number;
  /** Largest uncompressed:compressed ratio accepted for one entry (and for the whole zip). */
  maxRatio: number;
  /** Entries smaller than this are not ratio-checked: tiny text files compress very well. */
  ratioFloorBytes: number;
}

export const DEFAULT_EXTRACT_LIMITS: ExtractLimits = {
  maxEntries: 10_000,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
};

export interface ExtractedZip {
  files: string[];
  totalBytes: number;
}

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;

const hostile = (why: string) => new AppError('VALIDATION', `This zip file was refused: ${why}.`);

/** Names yauzl lets through but we still refuse (belt and braces; yauzl checks most of these). */
export function unsafeEntryName(name: string): string | null {
  if (name.length === 0 || name.length > 1024) return 'an empty or very long file name';
  if (name.includes('\\')) return `a backslash in the path "${name}"`;
  if (name.includes('\0')) return 'a NUL character in a file name';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return `an absolute path "${name}"`;
  if (name.split('/').some((part) => part === '..')) return `a path leaving the package "${name}"`;
  return null;
}

/**
 * Extracts `zip` (the bytes, or the path of a zip file, which is read in place and never
 * loaded whole) into `targetDir` (which must exist and be empty). Throws AppError VALIDATION
 * on anything hostile.
 */
export async function extractZipSafely(
  zip: Buffer | string,
  targetDir: string,
  limits: ExtractLimits = DEFAULT_EXTRACT_LIMITS,
): Promise<ExtractedZip> {
  const root = path.resolve(targetDir);
  const zipBytes = typeof zip === 'string' ? (await stat(zip)).size : zip.length;
  const zipfile = await openZip(zip);
  if (zipfile.entryCount > limits.maxEntries) {
    zipfile.close();
    throw hostile(`it has ${zipfile.entryCount} entries (at most ${limits.maxEntries} are accepted)`);
  }
  const files: string[] = [];
  let declaredTotal = 0;
  let writtenTotal = 0;

  try {
    await new Promise<void>((resolve, reject) => {
      const fail = (error: unknown) => {
        zipfile.close();
        reject(
          error instanceof AppError ? error : hostile(`it is damaged or unsafe (${describeZipError(error)})`),
        );
      };
      zipfile.on('error', fail);
      zipfile.on('end', () => resolve());
      zipfile.on('entry', (entry: yauzl.Entry) => {
        handleEntry(entry).then(() => zipfile.readEntry(), fail);
      });
      zipfile.readEntry();
    });
  } finally {
    zipfile.close();
  }
  return { files, totalBytes: writtenTotal };

  async function handleEntry(entry: yauzl.Entry): Promise<void> {
    const name = entry.fileName;
    const why = unsafeEntryName(name);
    if (why) throw hostile(`it contains ${why}`);
    const unixMode = (entry.externalFileAttributes >>> 16) & 0xffff;
    const fileType = unixMode & S_IFMT;
    const isDirectory = name.endsWith('/');
    // A zip made on Unix records the file type; anything but a plain file or folder
    // (a symlink above all) could point outside the package once extracted.
    if (fileType !== 0 && fileType !== S_IFREG && fileType !== S_IFDIR) {
      throw hostile(`"${name}" is a symbolic link or special file`);
    }
    if (entry.isEncrypted()) throw hostile(`"${name}" is encrypted`);

    const target = path.resolve(root, name);
    if (target !== root && !target.startsWith(root + path.sep))
      throw hostile(`a path leaving the package "${name}"`);
    if (isDirectory || fileType === S_IFDIR) {
      await mkdir(target, { recursive: true });
      return;
    }

    declaredTotal += entry.uncompressedSize;
    if (declaredTotal > limits.maxTotalBytes)
      throw hostile(`it unpacks to more than ${limits.maxTotalBytes} bytes`);
    // Many small entries that each stay under the per-entry floor still add up.
    if (declaredTotal >= limits.ratioFloorBytes && declaredTotal / zipBytes > limits.maxRatio) {
      throw hostile(`it expands more than ${limits.maxRatio}:1 overall (a zip bomb?)`);
    }
    if (entry.uncompressedSize >= limits.ratioFloorBytes) {
      const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
      if (ratio > limits.maxRatio) {
        throw hostile(
          `"${name}" expands ${Math.round(ratio)}:1, more than the ${limits.maxRatio}:1 a real package needs (a zip bomb?)`,
        );
      }
    }

    await mkdir(path.dirname(target), { recursive: true });
    const stream = await openReadStream(zipfile, entry);
    let entryBytes = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _enc, done: TransformCallback) {
        entryBytes += chunk.length;
        writtenTotal += chunk.length;
        // The header may lie: the bytes actually inflated are what count.
        if (entryBytes > entry.uncompressedSize)
          return done(hostile(`"${name}" holds more data than it declares`));
        if (writtenTotal > limits.maxTotalBytes)
          return done(hostile(`it unpacks to more than ${limits.maxTotalBytes} bytes`));
        done(null, chunk);
      },
    });
    // 'wx': never overwrite, so a duplicate entry cannot replace a file already checked.
    await pipeline(stream, counter, createWriteStream(target, { flags: 'wx', mode: 0o644 }));
    if (entryBytes !== entry.uncompressedSize) throw hostile(`"${name}" holds less data than it declares`);
    files.push(name);
  }
}

/**
 * yauzl's own messages describe the zip; file-system errors (EEXIST, EIO ...) name server
 * paths, which an uploader must never see.
 */
function describeZipError(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown error';
  const code = (error as NodeJS.ErrnoException).code;
  // 'wx' refuses to overwrite: the zip names one file twice.
  if (code === 'EEXIST') return 'it holds the same file twice';
  if (code || 'errno' in error || 'syscall' in error) return 'a file in it could not be read or written';
  return error.message;
}

function openZip(zip: Buffer | string): Promise<yauzl.ZipFile> {
  const options = { lazyEntries: true, strictFileNames: true, validateEntrySizes: true };
  return new Promise((resolve, reject) => {
    const done = (error: Error | null, zipfile?: yauzl.ZipFile) => {
      if (error || !zipfile)
        reject(hostile(`it is not a readable zip (${error ? describeZipError(error) : 'unknown error'})`));
      else resolve(zipfile);
    };
    if (typeof zip === 'string') yauzl.open(zip, options, done);
    else yauzl.fromBuffer(zip, options, done);
  });
}

function openReadStream(zipfile: yauzl.ZipFile, entry: yauzl.Entry): Promise<NodeJS.ReadableStream> {
  return new Promise((resolve, reject) => {
    zipfile.openReadStream(entry, (error, stream) => {
      if (error || !stream)
        reject(
          hostile(
            `"${entry.fileName}" cannot be read (${error ? describeZipError(error) : 'unknown error'})`,
          ),
        );
      else resolve(stream);
    });
  });
}
