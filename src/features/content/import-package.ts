/**
 * An admin uploads a SCORM zip: it is extracted safely into a folder of its own, its manifest
 * read, and the package recorded against a course (an existing one, or a new eLearning course
 * named after the package). Nothing is written outside CONTENT_DIR/<package id>/, and that
 * folder only appears (by rename from a temporary one) once the package is known to be good.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Deps } from '../../deps.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { AppError } from '../../shared/app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { actorIdOf, type Actor } from '../people/actor.ts';
import { assertAdmin } from '../people/authorize.ts';
import { extractZipSafely, DEFAULT_EXTRACT_LIMITS, type ExtractLimits } from './safe-extract.ts';
import { parseManifest, type ParsedManifest, type ScormVersionName } from './parse-manifest.ts';

/** Largest upload accepted, before any extraction. */
export const MAX_PACKAGE_UPLOAD_BYTES = 200 * 1024 * 1024;

export interface ImportPackageInput {
  /**
   * The zip's bytes (seed, tests), or the path of a zip file on disk (uploads, streamed there
   * so memory stays bounded). The caller owns that file and removes it.
   */
  zip: Buffer | { path: string; sha256?: string };
  /** Attach to this course… */
  courseId?: string;
  /** …or to the course with this code. Neither: a new eLearning course is created. */
  courseCode?: string;
  /**
   * Title of the new course (default: the manifest's). A new course whose title another
   * active course already has is refused, naming that course, so chat never shows two
   * identical choices: replace its package (courseCode) or choose another title.
   */
  courseTitle?: string;
  /** The course's certificate and validity, set with the upload (left as they are when absent). */
  grantsCertificate?: boolean;
  /** Months a completion stays valid; null: never expires. */
  validityMonths?: number | null;
  limits?: ExtractLimits;
}

export interface ImportPackageResult {
  kind: 'imported';
  packageId: string;
  courseId: string;
  courseCode: string;
  courseCreated: boolean;
  /**
   * The package this one replaces as the course's current content (null for a first upload).
   * Attempts already open on it finish on it; new attempts launch this one.
   */
  replacedPackageId: string | null;
  version: ScormVersionName;
  title: string;
  scos: { id: string; identifier: string; title: string; launchHref: string }[];
  /** What in the package Rollcall does not honour, by name (e.g. sequencing collections). */
  warnings: string[];
}

export async function importPackage(
  deps: Deps,
  actor: Actor,
  input: ImportPackageInput,
): Promise<ImportPackageResult> {
  assertAdmin(actor, 'upload course packages');
  const zip = Buffer.isBuffer(input.zip) ? input.zip : input.zip.path;
  const zipBytes = Buffer.isBuffer(input.zip) ? input.zip.length : (await stat(input.zip.path)).size;
  if (zipBytes === 0) throw new AppError('VALIDATION', 'The uploaded file is empty.');
  if (zipBytes > MAX_PACKAGE_UPLOAD_BYTES) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `A package can be at most ${MAX_PACKAGE_UPLOAD_BYTES / 1024 / 1024} MB.`,
    );
  }
  const contentRoot = path.resolve(deps.config.CONTENT_DIR);
  await mkdir(contentRoot, { recursive: true });
  const packageId = randomUUID();
  const finalDir = path.join(contentRoot, packageId);
  const tempDir = path.join(contentRoot, `.incoming-${randomBytes(8).toString('hex')}`);
  await mkdir(tempDir);
  let renamed = false;
  try {
    const extracted = await extractZipSafely(zip, tempDir, input.limits ?? DEFAULT_EXTRACT_LIMITS);
    const manifest = await readManifest(tempDir, extracted.files);
    await assertLaunchFilesExist(tempDir, manifest);
    const sha256 = Buffer.isBuffer(input.zip)
      ? createHash('sha256').update(input.zip).digest('hex')
      : (input.zip.sha256 ?? (await sha256OfFile(input.zip.path)));

    return await inTransaction(deps.db.prisma, async (tx) => {
      const { course, created } = await resolveCourse(tx, input, manifest);
      const previous = await tx.contentPackage.findFirst({
        where: { courseId: course.id, archivedAt: null },
        orderBy: { createdAt: 'desc' },
        select: { id: true },
      });
      await applyCourseSettings(tx, course.id, input);
      const first = manifest.scos[0]!;
      const pkg = await tx.contentPackage.create({
        data: {
          id: packageId,
          courseId: course.id,
          version: manifest.version,
          title: manifest.title,
          manifestIdentifier: manifest.identifier,
          manifest: manifest as unknown as Prisma.InputJsonValue,
          storagePath: packageId,
          sha256,
          sizeBytes: BigInt(extracted.totalBytes),
          masteryScore: first.masteryScore,
          scaledPassingScore: first.scaledPassingScore,
          completionThreshold: first.completionThreshold,
          uploadedById: actorIdOf(actor),
        },
      });
      const scos = [];
      for (const [position, sco] of manifest.scos.entries()) {
        scos.push(
          await tx.sco.create({
            data: {
              packageId: pkg.id,
              identifier: sco.identifier,
              title: sco.title,
              launchHref: sco.launchHref,
              position,
            },
            select: { id: true, identifier: true, title: true, launchHref: true },
          }),
        );
      }
      await recordAudit(tx, {
        actorId: actorIdOf(actor),
        action: 'content_package.imported',
        entityType: 'ContentPackage',
        entityId: pkg.id,
        after: {
          courseId: course.id,
          version: manifest.version,
          title: manifest.title,
          scos: scos.length,
          sha256,
          replacedPackageId: previous?.id ?? null,
          ...(input.grantsCertificate === undefined ? {} : { grantsCertificate: input.grantsCertificate }),
          ...(input.validityMonths === undefined ? {} : { validityMonths: input.validityMonths }),
        },
      });
      // Last step inside the transaction: if the rename fails nothing is recorded.
      await rename(tempDir, finalDir);
      renamed = true;
      return {
        kind: 'imported' as const,
        packageId: pkg.id,
        courseId: course.id,
        courseCode: course.code,
        courseCreated: created,
        replacedPackageId: previous?.id ?? null,
        version: manifest.version,
        title: manifest.title,
        scos,
        warnings: (manifest.sequencing?.unsupported ?? []).map(
          (name) => `The package's sequencing uses ${name}, which Rollcall does not apply.`,
        ),
      };
    });
  } catch (error) {
    await rm(renamed ? finalDir : tempDir, { recursive: true, force: true });
    throw error;
  } finally {
    if (!renamed) await rm(tempDir, { recursive: true, force: true });
  }
}

async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function readManifest(dir: string, files: string[]): Promise<ParsedManifest> {
  if (!files.includes('imsmanifest.xml')) {
    const nested = files.find((f) => f.toLowerCase().endsWith('/imsmanifest.xml'));
    if (nested) {
      throw new AppError(
        'VALIDATION',
        `The package's imsmanifest.xml is in the folder "${path.posix.dirname(nested)}"; it must be at the root of the zip. Zip the folder's contents, not the folder.`,
      );
    }
    const wrongCase = files.find((f) => f.toLowerCase() === 'imsmanifest.xml');
    if (wrongCase)
      throw new AppError(
        'VALIDATION',
        `The manifest is named "${wrongCase}"; it must be exactly imsmanifest.xml.`,
      );
    throw new AppError('VALIDATION', 'This zip has no imsmanifest.xml, so it is not a SCORM package.');
  }
  const xml = await readFile(path.join(dir, 'imsmanifest.xml'), 'utf8');
  return parseManifest(xml.replace(/^\uFEFF/, ''));
}

async function assertLaunchFilesExist(dir: string, manifest: ParsedManifest): Promise<void> {
  for (const sco of manifest.scos) {
    const file = path.join(dir, decodeURIComponentSafe(sco.launchFile));
    const ok = await stat(file).then(
      (s) => s.isFile(),
      () => false,
    );
    if (!ok) {
      throw new AppError(
        'VALIDATION',
        `The manifest launches "${sco.launchFile}" for "${sco.title}", but the zip has no such file.`,
      );
    }
  }
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

async function resolveCourse(
  tx: Prisma.TransactionClient,
  input: ImportPackageInput,
  manifest: ParsedManifest,
) {
  const select = { id: true, code: true, kind: true, title: true } as const;
  if (input.courseId || input.courseCode) {
    const course = input.courseId
      ? await tx.course.findUnique({ where: { id: input.courseId }, select })
      : await tx.course.findUnique({ where: { code: input.courseCode!.trim().toUpperCase() }, select });
    if (!course)
      throw new AppError(
        'NOT_FOUND',
        `No course ${input.courseCode ?? input.courseId} to attach the package to.`,
      );
    if (course.kind === 'ilt' || course.kind === 'vilt') {
      throw new AppError(
        'VALIDATION',
        `${course.title} is instructor-led; attach packages to an eLearning or blended course.`,
      );
    }
    return { course, created: false };
  }
  const title = (input.courseTitle?.trim() || manifest.title).slice(0, 200);
  const namesake = await tx.course.findFirst({
    where: { title: { equals: title, mode: 'insensitive' }, active: true },
    select: { code: true, title: true },
  });
  if (namesake) {
    throw new AppError(
      'CONFLICT',
      `A course titled "${namesake.title}" already exists (${namesake.code}). To replace its content, upload with courseCode ${namesake.code}; for a separate course, give it another title (courseTitle).`,
      { field: 'courseTitle' },
    );
  }
  const course = await tx.course.create({
    data: { code: await freeCourseCode(tx, title), title, kind: 'elearning' },
    select,
  });
  return { course, created: true };
}

async function applyCourseSettings(
  tx: Prisma.TransactionClient,
  courseId: string,
  input: ImportPackageInput,
): Promise<void> {
  const { grantsCertificate, validityMonths } = input;
  if (
    validityMonths != null &&
    (!Number.isInteger(validityMonths) || validityMonths < 1 || validityMonths > 240)
  )
    throw new AppError('VALIDATION', 'validityMonths must be a whole number of months from 1 to 240.', {
      field: 'validityMonths',
    });
  if (grantsCertificate === undefined && validityMonths === undefined) return;
  await tx.course.update({
    where: { id: courseId },
    data: {
      ...(grantsCertificate === undefined ? {} : { grantsCertificate }),
      ...(validityMonths === undefined ? {} : { validityMonths }),
    },
  });
}

/** A readable code from the title (e.g. "GOLF-EXPLAINED-1"), unique among courses. */
async function freeCourseCode(tx: Prisma.TransactionClient, title: string): Promise<string> {
  const stem =
    title
      .toUpperCase()
      .replace(/[^A-Z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 24) || 'PACKAGE';
  for (let n = 1; n < 1000; n++) {
    const code = `${stem}-${n}`;
    if (!(await tx.course.findUnique({ where: { code }, select: { id: true } }))) return code;
  }
  return `${stem}-${randomBytes(3).toString('hex').toUpperCase()}`;
}
