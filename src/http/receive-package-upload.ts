/**
 * Reads a package upload (multipart/form-data) as a stream: the `file` part goes straight to
 * a temporary file under the content folder, hashed on the way, and the byte cap is enforced
 * while it arrives, so memory stays bounded whatever the package's size. Any failure removes
 * the temporary file; on success the caller owns it and removes it.
 */
import { randomBytes, createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import { AppError } from '../shared/app-error.ts';

export interface ReceivedPackage {
  /** The temporary zip file; the caller removes it. */
  path: string;
  sha256: string;
  bytes: number;
  /** The other (text) fields, by name. */
  fields: Record<string, string>;
}

export interface UploadSource {
  contentType: string;
  /** The raw Node request when served by @hono/node-server (read directly, no web-stream copy). */
  incoming?: IncomingMessage;
  /** Otherwise the web body; a function, because touching it starts reading `incoming`. */
  body: () => ReadableStream<Uint8Array> | null;
}

export const tooLargePackage = (maxBytes: number) =>
  new AppError('PAYLOAD_TOO_LARGE', `A package can be at most ${maxBytes / 1024 / 1024} MB.`);

const unreadable = () => new AppError('VALIDATION', 'The upload is not a readable multipart/form-data body.');

export async function receivePackageUpload(
  source: UploadSource,
  dir: string,
  maxFileBytes: number,
): Promise<ReceivedPackage> {
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { 'content-type': source.contentType },
      // Besides the zip only a few short fields (courseId, courseCode) are expected.
      limits: { files: 1, fileSize: maxFileBytes, fields: 10, fieldSize: 1024, parts: 12 },
    });
  } catch {
    throw unreadable();
  }
  const body = source.incoming && !source.incoming.readableDidRead ? null : source.body();
  const input: Readable | null = body
    ? Readable.fromWeb(body as import('node:stream/web').ReadableStream)
    : (source.incoming ?? null);
  if (!input) throw new AppError('VALIDATION', 'No file: send the SCORM zip in the multipart field "file".');

  await mkdir(dir, { recursive: true });
  const file = path.join(path.resolve(dir), `.upload-${randomBytes(8).toString('hex')}.zip`);
  const fields: Record<string, string> = {};
  let fileStream: Readable | undefined;
  let written: Promise<{ sha256: string; bytes: number }> | undefined;

  try {
    await new Promise<void>((resolve, reject) => {
      parser.on('file', (name, stream) => {
        if (name !== 'file' || fileStream) {
          stream.resume();
          return;
        }
        fileStream = stream;
        // busboy truncates the part at the cap and says so: refuse rather than import a torso.
        stream.on('limit', () => reject(tooLargePackage(maxFileBytes)));
        const hash = createHash('sha256');
        let bytes = 0;
        const tap = new Transform({
          transform(chunk: Buffer, _encoding, done: TransformCallback) {
            hash.update(chunk);
            bytes += chunk.length;
            done(null, chunk);
          },
        });
        written = pipeline(stream, tap, createWriteStream(file, { flags: 'wx', mode: 0o600 })).then(() => ({
          sha256: hash.digest('hex'),
          bytes,
        }));
        written.catch(() => reject(unreadable()));
      });
      parser.on('field', (name, value, info) => {
        if (info.valueTruncated) reject(new AppError('VALIDATION', `The field "${name}" is too long.`));
        fields[name] = value;
      });
      const tooManyParts = () =>
        reject(
          new AppError(
            'VALIDATION',
            'Send one SCORM zip in the field "file" and at most a few short fields.',
          ),
        );
      parser.on('filesLimit', tooManyParts);
      parser.on('fieldsLimit', tooManyParts);
      parser.on('partsLimit', tooManyParts);
      parser.on('error', () => reject(unreadable()));
      parser.on('close', () => resolve());
      input.on('error', () => reject(unreadable()));
      input.pipe(parser);
    });
    if (!written)
      throw new AppError('VALIDATION', 'No file: send the SCORM zip in the multipart field "file".');
    const { sha256, bytes } = await written;
    return { path: file, sha256, bytes, fields };
  } catch (error) {
    // Stop reading (the server drains or closes the rest), then wait for the file to be closed
    // before removing it, so no late write can recreate it.
    input.unpipe(parser);
    fileStream?.destroy();
    await written?.catch(() => undefined);
    await rm(file, { force: true });
    throw error;
  }
}
