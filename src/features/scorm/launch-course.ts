/**
 * "Start the GDPR course": the learner gets a link to the player, carrying a signed token for
 * this person, course and attempt. An unfinished attempt is resumed (whatever the exit); once
 * it finished a new attempt starts, within the course's maximum attempts. A course set to
 * start a new attempt on every launch closes the open one first.
 */
import type { Deps } from '../../deps.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../shared/app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { isSystem, type Actor } from '../people/actor.ts';
import { createLaunchToken } from './launch-token.ts';
import { completionSettingsOf } from './completion-settings.ts';

export interface LaunchCourseInput {
  courseId: string;
}

export interface LaunchCourseResult {
  /** Absolute link to the player page (PUBLIC_URL + /scorm/launch/<token>). */
  url: string;
  attemptId: string;
  attemptNumber: number;
  /** True when an unfinished attempt is picked up where it was left. */
  resumed: boolean;
  courseId: string;
  courseTitle: string;
  expiresAt: Date;
}

export async function launchCourse(
  deps: Deps,
  actor: Actor,
  input: LaunchCourseInput,
): Promise<LaunchCourseResult> {
  if (isSystem(actor)) throw new AppError('FORBIDDEN', 'Only a person can launch a course.');
  const now = deps.clock.now();
  const result = await inTransaction(deps.db.prisma, async (tx) => {
    const course = await tx.course.findUnique({
      where: { id: input.courseId },
      select: { id: true, title: true, active: true, selfEnrol: true, scormCompletion: true },
    });
    if (!course) throw new AppError('NOT_FOUND', 'That course does not exist.');
    if (!course.active) throw new AppError('INVALID_STATE', `${course.title} is no longer offered.`);
    // The newest package not archived: a replacement takes over new attempts, while an open
    // attempt (below) keeps the package it started on.
    const pkg = await tx.contentPackage.findFirst({
      where: { courseId: course.id, archivedAt: null },
      orderBy: { createdAt: 'desc' },
      select: { id: true },
    });
    if (!pkg) throw new AppError('INVALID_STATE', `${course.title} has no online content to launch.`);
    if (!course.selfEnrol) {
      const assigned = await tx.enrollment.findFirst({
        where: { personId: actor.personId, courseId: course.id, status: { in: ['active', 'completed'] } },
        select: { id: true },
      });
      if (!assigned)
        throw new AppError(
          'FORBIDDEN',
          `${course.title} is by assignment only; ask your manager or an admin.`,
        );
    }
    // Serialise launches per person so two clicks cannot open two attempts with one number.
    await tx.$queryRaw`SELECT id FROM "Person" WHERE id = ${actor.personId}::uuid FOR UPDATE`;
    const open = await tx.attempt.findFirst({
      where: { personId: actor.personId, courseId: course.id, finishedAt: null },
      orderBy: { number: 'desc' },
      select: { id: true, number: true, packageId: true },
    });
    const settings = completionSettingsOf(course.scormCompletion);
    if (open && settings.newAttempt === 'when_finished') return { course, attempt: open, resumed: true };
    if (open) await tx.attempt.update({ where: { id: open.id }, data: { finishedAt: now } });
    if (settings.maxAttempts != null) {
      const used = await tx.attempt.count({ where: { personId: actor.personId, courseId: course.id } });
      if (used >= settings.maxAttempts)
        throw new AppError(
          'INVALID_STATE',
          `You have used all ${settings.maxAttempts} attempt${settings.maxAttempts === 1 ? '' : 's'} at ${course.title}.`,
        );
    }
    // Numbered per course, so attempts on a replaced package and its replacement count on.
    // Held until commit: archivePackage (FOR UPDATE) then either counts this attempt or has
    // archived the package first, and the launch refuses rather than start on retired content.
    const live = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "ContentPackage" WHERE id = ${pkg.id}::uuid AND "archivedAt" IS NULL FOR SHARE`;
    if (live.length === 0)
      throw new AppError('CONFLICT', `${course.title} was just updated; launch it again.`);
    const last = await tx.attempt.findFirst({
      where: { personId: actor.personId, courseId: course.id },
      orderBy: { number: 'desc' },
      select: { number: true },
    });
    const attempt = await tx.attempt.create({
      data: {
        personId: actor.personId,
        packageId: pkg.id,
        courseId: course.id,
        number: (last?.number ?? 0) + 1,
        startedAt: now,
        lastActivityAt: now,
      },
      select: { id: true, number: true, packageId: true },
    });
    await recordAudit(tx, {
      actorId: actor.personId,
      action: 'attempt.started',
      entityType: 'Attempt',
      entityId: attempt.id,
      after: { courseId: course.id, packageId: pkg.id, number: attempt.number },
    });
    return { course, attempt, resumed: false };
  });
  const { token, expiresAt } = createLaunchToken(
    deps.config,
    { personId: actor.personId, courseId: result.course.id, attemptId: result.attempt.id },
    now,
  );
  return {
    url: `${deps.config.publicUrl}/scorm/launch/${token}`,
    attemptId: result.attempt.id,
    attemptNumber: result.attempt.number,
    resumed: result.resumed,
    courseId: result.course.id,
    courseTitle: result.course.title,
    expiresAt,
  };
}
