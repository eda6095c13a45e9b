/**
 * An admin retires a content package: archived, it launches no new attempt (the course's newest
 * package not archived does); deleted, it is gone with its files. Both are refused while a
 * learner is mid-attempt on it, so nobody loses their place; delete is also refused once any
 * attempt was made, because those attempts are the evidence behind completions (archive it).
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Deps } from '../../deps.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { AppError } from '../../shared/app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { actorIdOf, type Actor } from '../people/actor.ts';
import { assertAdmin } from '../people/authorize.ts';
import { isUuid } from '../registrations/seat-store.ts';

export interface PackageChangeInput {
  packageId: string;
}

export type ArchivePackageResult =
  | { kind: 'archived'; packageId: string; archivedAt: Date }
  | { kind: 'already_archived'; packageId: string; archivedAt: Date };

export type DeletePackageResult = { kind: 'deleted'; packageId: string };

/**
 * Locks the package row and counts its attempts. launchCourse reads the package it starts an
 * attempt on FOR SHARE, so an attempt is either counted here or finds the package archived.
 */
async function lockedPackage(tx: Prisma.TransactionClient, packageId: string) {
  const rows = isUuid(packageId)
    ? await tx.$queryRaw<{ id: string; title: string; storagePath: string; archivedAt: Date | null }[]>`
        SELECT id, title, "storagePath", "archivedAt" FROM "ContentPackage" WHERE id = ${packageId}::uuid FOR UPDATE`
    : [];
  const pkg = rows[0];
  if (!pkg) throw new AppError('NOT_FOUND', 'There is no such content package.');
  const open = await tx.attempt.count({ where: { packageId, finishedAt: null } });
  const all = await tx.attempt.count({ where: { packageId } });
  if (open > 0)
    throw new AppError(
      'INVALID_STATE',
      `${open} ${open === 1 ? 'person is' : 'people are'} mid-attempt on "${pkg.title}"; it can be archived or deleted once they finish. Upload a replacement meanwhile: new attempts use it.`,
      { openAttempts: open },
    );
  return { pkg, attempts: all };
}

export async function archivePackage(
  deps: Deps,
  actor: Actor,
  input: PackageChangeInput,
): Promise<ArchivePackageResult> {
  assertAdmin(actor, 'archive content packages');
  const now = deps.clock.now();
  return inTransaction(deps.db.prisma, async (tx) => {
    const { pkg } = await lockedPackage(tx, input.packageId);
    if (pkg.archivedAt) return { kind: 'already_archived', packageId: pkg.id, archivedAt: pkg.archivedAt };
    await tx.contentPackage.update({ where: { id: pkg.id }, data: { archivedAt: now } });
    await recordAudit(tx, {
      actorId: actorIdOf(actor),
      action: 'content_package.archived',
      entityType: 'ContentPackage',
      entityId: pkg.id,
      after: { archivedAt: now.toISOString() },
    });
    return { kind: 'archived', packageId: pkg.id, archivedAt: now };
  });
}

export async function deletePackage(
  deps: Deps,
  actor: Actor,
  input: PackageChangeInput,
): Promise<DeletePackageResult> {
  assertAdmin(actor, 'delete content packages');
  const storagePath = await inTransaction(deps.db.prisma, async (tx) => {
    const { pkg, attempts } = await lockedPackage(tx, input.packageId);
    if (attempts > 0)
      throw new AppError(
        'INVALID_STATE',
        `"${pkg.title}" has ${attempts} finished attempt${attempts === 1 ? '' : 's'}, the evidence behind completions; archive it instead.`,
        { attempts },
      );
    await tx.contentPackage.delete({ where: { id: pkg.id } });
    await recordAudit(tx, {
      actorId: actorIdOf(actor),
      action: 'content_package.deleted',
      entityType: 'ContentPackage',
      entityId: pkg.id,
      before: { title: pkg.title },
    });
    return pkg.storagePath;
  });
  // Files go after the commit: a failed delete leaves the row and its files together.
  const root = path.resolve(deps.config.CONTENT_DIR);
  const dir = path.resolve(root, storagePath);
  if (path.dirname(dir) === root) await rm(dir, { recursive: true, force: true });
  return { kind: 'deleted', packageId: input.packageId };
}
