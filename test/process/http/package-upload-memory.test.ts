/**
 * A package near the upload cap is streamed to disk and extracted from there: the running
 * service's memory grows by a few buffers, not by the package's size. Measured on the real
 * process (resident set from /proc) while a ~190 MB package is uploaded and imported.
 */
import { createWriteStream, openAsBlob } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import yazl from 'yazl';
import { MAX_PACKAGE_UPLOAD_BYTES } from '../../../src/features/content/import-package.ts';
import { startService, type RunningService } from '../../helpers/spawn-service.ts';

const ADMIN_TOKEN = 'process-test-admin-token-0123456789';
const MEDIA_BYTES = 190 * 1024 * 1024;
const MB = 1024 * 1024;

let dir: string;
let service: RunningService | undefined;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'rollcall-upload-'));
});
afterAll(async () => {
  await service?.stop();
  await rm(dir, { recursive: true, force: true });
});

const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="rollcall.test.big-video" version="1"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>Big Video</title>
      <item identifier="watch" identifierref="res_watch"><title>Watch</title></item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res_watch" type="webcontent" adlcp:scormtype="sco" href="index.html">
      <file href="index.html"/>
      <file href="media/lecture.mp4"/>
    </resource>
  </resources>
</manifest>`;

/** Pseudo-random bytes, chunk by chunk: stored (uncompressed) as a real video would be. */
function mediaStream(bytes: number): Readable {
  let sent = 0;
  let seed = 0x9e3779b9;
  return new Readable({
    read() {
      if (sent >= bytes) return this.push(null);
      const chunk = Buffer.allocUnsafe(Math.min(MB, bytes - sent));
      for (let i = 0; i < chunk.length; i += 4) {
        seed = (seed * 1664525 + 1013904223) >>> 0;
        chunk.writeUInt32LE(seed, i);
      }
      sent += chunk.length;
      this.push(chunk);
    },
  });
}

async function buildBigPackage(file: string): Promise<void> {
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(manifest), 'imsmanifest.xml');
  zip.addBuffer(
    Buffer.from('<!doctype html><title>Watch</title><video src="media/lecture.mp4"></video>'),
    'index.html',
  );
  zip.addReadStream(mediaStream(MEDIA_BYTES), 'media/lecture.mp4', { compress: false, size: MEDIA_BYTES });
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(file));
}

/** Resident memory of a process and all its descendants' largest (the service under tsx). */
async function servicePid(launcher: number): Promise<number> {
  let pid = launcher;
  for (;;) {
    const children = (await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8')).trim().split(/\s+/);
    if (!children[0]) return pid;
    pid = Number(children[0]);
  }
}

async function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)![1]);
}

it('imports a package near the cap with the service growing by less than 100 MB', {
  timeout: 300_000,
}, async () => {
  const zipFile = path.join(dir, 'big-video.zip');
  await buildBigPackage(zipFile);
  const zipBytes = (await stat(zipFile)).size;
  expect(zipBytes).toBeGreaterThan(180 * MB);
  expect(zipBytes).toBeLessThan(MAX_PACKAGE_UPLOAD_BYTES);

  const dataDir = path.join(dir, 'data');
  service = await startService({ DATA_DIR: dataDir, ADMIN_API_TOKEN: ADMIN_TOKEN });
  const pid = await servicePid(service.pid);
  // Settle after start-up (migrations, seed) so the baseline is the idle service.
  await fetch(`${service.url}/health`);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const baselineKb = await statusKb(pid, 'VmRSS');

  let peakKb = baselineKb;
  const sampler = setInterval(() => {
    statusKb(pid, 'VmRSS').then(
      (kb) => (peakKb = Math.max(peakKb, kb)),
      () => undefined,
    );
  }, 25);
  const form = new FormData();
  form.set('file', await openAsBlob(zipFile, { type: 'application/zip' }), 'big-video.zip');
  form.set('courseCode', '');
  let response: Response;
  try {
    response = await fetch(`${service.url}/api/packages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      body: form,
    });
  } finally {
    clearInterval(sampler);
  }
  const body = (await response.json()) as Record<string, any>;
  expect(response.status, JSON.stringify(body)).toBe(201);
  expect(body).toMatchObject({
    kind: 'imported',
    title: 'Big Video',
    version: 'scorm12',
    courseCreated: true,
  });

  const growthMb = (peakKb - baselineKb) / 1024;
  console.info(
    `package upload: ${(zipBytes / MB).toFixed(0)} MB zip, service RSS ${Math.round(baselineKb / 1024)} MB -> peak ${Math.round(peakKb / 1024)} MB (growth ${growthMb.toFixed(1)} MB; VmHWM ${Math.round((await statusKb(pid, 'VmHWM')) / 1024)} MB)`,
  );
  expect(growthMb).toBeLessThan(100);

  // The package's files are on disk, the video whole; no temporary upload or folder is left.
  const contentDir = path.join(dataDir, 'content');
  const video = await stat(path.join(contentDir, body.packageId, 'media/lecture.mp4'));
  expect(video.size).toBe(MEDIA_BYTES);
  expect((await readdir(contentDir)).filter((f) => f.startsWith('.'))).toEqual([]);
});
