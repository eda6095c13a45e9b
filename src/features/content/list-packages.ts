/** Admins list uploaded content packages and read one with its SCOs. */
import type { Deps } from '../../deps.ts';
import type { ScormVersion } from '../../generated/prisma/enums.ts';
import { AppError } from '../../shared/app-error.ts';
import { pageOf, type Page, type PageInput } from '../../shared/page.ts';
import type { Actor } from '../people/actor.ts';
import { assertAdmin } from '../people/authorize.ts';
import { isUuid } from '../registrations/seat-store.ts';

export interface PackageRecord {
  id: string;
  courseId: string | null;
  version: ScormVersion;
  title: string;
  manifestIdentifier: string;
  sha256: string;
  /** Decimal text: sizes are 64-bit. */
  sizeBytes: string;
  createdAt: Date;
  /** Archived packages launch no new attempt. */
  archivedAt: Date | null;
  /** True for the package new attempts at its course launch (the newest not archived). */
  current: boolean;
  attempts: number;
  /** Attempts not finished: while any, the package can be neither archived nor deleted. */
  openAttempts: number;
  scos: { identifier: string; title: string; launchHref: string; position: number }[];
}

async function load(deps: Deps, where: { id?: string | { gt: string }; courseId?: string }, take: number) {
  const rows = await deps.db.prisma.contentPackage.findMany({
    where,
    orderBy: { id: 'asc' },
    take,
    include: { scos: { orderBy: { position: 'asc' } } },
  });
  const ids = rows.map((r) => r.id);
  const courseIds = [...new Set(rows.flatMap((r) => (r.courseId ? [r.courseId] : [])))];
  const counts = await deps.db.prisma.attempt.groupBy({
    by: ['packageId'],
    where: { packageId: { in: ids } },
    _count: { _all: true },
  });
  const open = await deps.db.prisma.attempt.groupBy({
    by: ['packageId'],
    where: { packageId: { in: ids }, finishedAt: null },
    _count: { _all: true },
  });
  const current = await deps.db.prisma.contentPackage.findMany({
    where: { courseId: { in: courseIds }, archivedAt: null },
    orderBy: { createdAt: 'desc' },
    distinct: ['courseId'],
    select: { id: true },
  });
  const currentIds = new Set(current.map((c) => c.id));
  const countOf = (list: typeof counts, id: string) => list.find((c) => c.packageId === id)?._count._all ?? 0;
  return rows.map(
    (p): PackageRecord => ({
      id: p.id,
      courseId: p.courseId,
      version: p.version,
      title: p.title,
      manifestIdentifier: p.manifestIdentifier,
      sha256: p.sha256,
      sizeBytes: p.sizeBytes.toString(),
      createdAt: p.createdAt,
      archivedAt: p.archivedAt,
      current: currentIds.has(p.id),
      attempts: countOf(counts, p.id),
      openAttempts: countOf(open, p.id),
      scos: p.scos.map(({ identifier, title, launchHref, position }) => ({
        identifier,
        title,
        launchHref,
        position,
      })),
    }),
  );
}

export async function listPackages(
  deps: Deps,
  actor: Actor,
  input: PageInput & { courseId?: string },
): Promise<Page<PackageRecord>> {
  assertAdmin(actor, 'list content packages');
  if (input.courseId !== undefined && !isUuid(input.courseId)) return { items: [], nextAfter: null };
  const rows = await load(
    deps,
    {
      ...(input.after ? { id: { gt: input.after } } : {}),
      ...(input.courseId ? { courseId: input.courseId } : {}),
    },
    input.limit + 1,
  );
  return pageOf(rows, input.limit, (p) => p.id);
}

export async function getPackage(
  deps: Deps,
  actor: Actor,
  input: { packageId: string },
): Promise<PackageRecord> {
  assertAdmin(actor, 'read content packages');
  const [row] = isUuid(input.packageId) ? await load(deps, { id: input.packageId }, 1) : [];
  if (!row) throw new AppError('NOT_FOUND', 'There is no such content package.');
  return row;
}
