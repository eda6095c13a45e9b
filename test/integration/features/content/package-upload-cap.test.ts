/**
 * The package upload's byte cap is enforced while the body streams to disk: a body without
 * Content-Length that runs past the cap is refused with 413 in the service's JSON shape, and
 * the temporary file it was being written to is gone.
 */
import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PACKAGE_UPLOAD_BYTES } from '../../../../src/features/content/import-package.ts';
import { ADMIN_TOKEN, startScormApp, uploadPackage, type ScormTestApp } from '../../../helpers/scorm-app.ts';
import { buildPackage } from '../../../helpers/scorm-zips.ts';

let app: ScormTestApp;
beforeAll(async () => {
  app = await startScormApp();
});
afterAll(async () => {
  await app?.close();
});

const boundary = 'rollcall-test-boundary';
const CHUNK = Buffer.alloc(1024 * 1024);

/** A multipart body whose file part is `fileBytes` long, produced chunk by chunk (never held whole). */
function multipartStream(fileBytes: number): ReadableStream<Uint8Array> {
  let sent = 0;
  let stage: 'head' | 'file' | 'tail' | 'done' = 'head';
  return new ReadableStream({
    pull(controller) {
      if (stage === 'head') {
        controller.enqueue(
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.zip"\r\nContent-Type: application/zip\r\n\r\n`,
          ),
        );
        stage = 'file';
      } else if (stage === 'file') {
        const n = Math.min(CHUNK.length, fileBytes - sent);
        controller.enqueue(new Uint8Array(CHUNK.subarray(0, n)));
        sent += n;
        if (sent >= fileBytes) stage = 'tail';
      } else if (stage === 'tail') {
        controller.enqueue(Buffer.from(`\r\n--${boundary}--\r\n`));
        stage = 'done';
      } else controller.close();
    },
  });
}

async function incomingFiles(): Promise<string[]> {
  return (await readdir(app.contentDir).catch(() => [] as string[])).filter((f) => f.startsWith('.'));
}

describe('POST /api/packages over the cap', () => {
  it('refuses a streamed (chunked) upload past the cap with 413 and leaves no temporary file', async () => {
    const before = await app.deps.db.prisma.contentPackage.count();
    const response = await fetch(`${app.baseUrl}/api/packages`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${ADMIN_TOKEN}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      body: multipartStream(MAX_PACKAGE_UPLOAD_BYTES + 2 * 1024 * 1024),
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(body.error.message).toMatch(/at most 200 MB/);
    expect(body.error.message).not.toContain(app.contentDir);
    expect(await incomingFiles()).toEqual([]);
    expect(await app.deps.db.prisma.contentPackage.count()).toBe(before);
  });

  it('refuses a declared Content-Length past the cap before reading the body', async () => {
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        `${app.baseUrl}/api/packages`,
        {
          method: 'POST',
          headers: {
            authorization: `Bearer ${ADMIN_TOKEN}`,
            'content-type': `multipart/form-data; boundary=${boundary}`,
            'content-length': String(MAX_PACKAGE_UPLOAD_BYTES + 10 * 1024 * 1024),
          },
        },
        (res) => {
          let text = '';
          res.on('data', (d) => (text += d));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on('error', reject);
      req.write(Buffer.from(`--${boundary}\r\n`));
    });
    expect(status).toBe(413);
    expect(JSON.parse(body).error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await incomingFiles()).toEqual([]);
  });

  it('still needs the admin token before anything is written', async () => {
    const response = await fetch(`${app.baseUrl}/api/packages`, {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      body: multipartStream(1024),
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(401);
    expect(await incomingFiles()).toEqual([]);
  });
});

describe('POST /api/packages within the cap', () => {
  it('records the sha256 hashed while streaming and reads fields sent after the file', async () => {
    const course = await app.deps.db.prisma.course.create({
      data: { code: 'STREAMED-1', title: 'Streamed', kind: 'elearning' },
    });
    const zip = await buildPackage({
      version: '2004',
      title: 'Streamed',
      scos: [{ identifier: 's', title: 'S', href: 'index.html' }],
    });
    // uploadPackage sets the file first, so courseCode arrives after the zip's bytes.
    const { status, body } = await uploadPackage(app, zip, { courseCode: 'streamed-1' });
    expect(status).toBe(201);
    expect(body.courseId).toBe(course.id);
    const pkg = await app.deps.db.prisma.contentPackage.findUniqueOrThrow({ where: { id: body.packageId } });
    expect(pkg.sha256).toBe(createHash('sha256').update(zip).digest('hex'));
    expect(await incomingFiles()).toEqual([]);
  });
});
