/**
 * A package never changes after import: replacing a course's content is a new upload, hence a
 * new package id and a new cache key, so an entry never goes stale and needs no invalidation.
 * Its manifest and SCO list are read once per process and kept: every commit needs them, and
 * re-reading the manifest JSON on each one was most of a commit's cost.
 */
import type { DbClient } from '../../db/transaction.ts';
import { AppError } from '../../shared/app-error.ts';
import type { ParsedManifest, ScormVersionName } from '../content/parse-manifest.ts';

export interface PackageInfo {
  id: string;
  version: ScormVersionName;
  title: string;
  /** Folder under CONTENT_DIR holding the extracted files. */
  storagePath: string;
  manifest: ParsedManifest;
  scos: { id: string; identifier: string; title: string; launchHref: string; position: number }[];
}

const MAX_CACHED = 500;
const cache = new Map<string, PackageInfo>();

/** The package if this process has read it already (no database call). */
export const cachedPackageInfo = (packageId: string): PackageInfo | undefined => cache.get(packageId);

export async function packageInfo(db: DbClient, packageId: string): Promise<PackageInfo> {
  const hit = cache.get(packageId);
  if (hit) return hit;
  const pkg = await db.contentPackage.findUnique({
    where: { id: packageId },
    select: {
      id: true,
      version: true,
      title: true,
      storagePath: true,
      manifest: true,
      scos: {
        orderBy: { position: 'asc' },
        select: { id: true, identifier: true, title: true, launchHref: true, position: true },
      },
    },
  });
  if (!pkg) throw new AppError('NOT_FOUND', 'That course package no longer exists.');
  const info: PackageInfo = {
    ...pkg,
    version: pkg.version as ScormVersionName,
    manifest: pkg.manifest as unknown as ParsedManifest,
  };
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
  cache.set(packageId, info);
  return info;
}
