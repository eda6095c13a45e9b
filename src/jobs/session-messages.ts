/**
 * Automatic pre- and post-session messages, enqueued set-based into the outbox. The dedupe
 * key makes each run idempotent: a reminder is written once per registration however often
 * the job runs or however many replicas run it.
 */
import type { Deps } from '../deps.ts';

export interface SessionMessagesResult {
  reminders: number;
  followUps: number;
}

export async function enqueueSessionMessages(
  deps: Deps,
  reminderHours = 24,
  followUpHours = 24,
): Promise<SessionMessagesResult> {
  const now = deps.clock.now();
  const reminders = await deps.db.prisma.$executeRaw`
    INSERT INTO "Notification" (kind, "recipientId", payload, "dueAt", "dedupeKey")
    SELECT 'session.reminder', r."personId",
           jsonb_build_object('sessionId', s.id, 'courseTitle', c.title, 'startsAt', s."startsAt", 'timeZone', s."timeZone",
                              'venue', v.name, 'meetingUrl', s."meetingUrl",
                              'text', 'Reminder: ' || c.title || ' starts within ' || ${reminderHours}::int || ' hours' ||
                                      COALESCE(' at ' || v.name, '') || COALESCE(' (join: ' || s."meetingUrl" || ')', '') || '.'),
           ${now}, 'reminder:' || r.id
    FROM "Registration" r
    JOIN "Session" s ON s.id = r."sessionId"
    JOIN "Course" c ON c.id = s."courseId"
    LEFT JOIN "Venue" v ON v.id = s."venueId"
    WHERE r.status = 'confirmed' AND s.status = 'scheduled'
      AND s."startsAt" > ${now} AND s."startsAt" <= ${now}::timestamptz + make_interval(hours => ${reminderHours}::int)
    ON CONFLICT ("dedupeKey") DO NOTHING`;
  const followUps = await deps.db.prisma.$executeRaw`
    INSERT INTO "Notification" (kind, "recipientId", payload, "dueAt", "dedupeKey")
    SELECT 'session.followup', r."personId",
           jsonb_build_object('sessionId', s.id, 'courseTitle', c.title,
                              'text', 'Thanks for attending ' || c.title || '. Your completion is on your record; ask "what have I completed?" to see it.'),
           ${now}, 'followup:' || r.id
    FROM "Registration" r
    JOIN "Session" s ON s.id = r."sessionId"
    JOIN "Course" c ON c.id = s."courseId"
    WHERE r.status = 'attended'
      AND s."endsAt" <= ${now} AND s."endsAt" > ${now}::timestamptz - make_interval(hours => ${followUpHours}::int)
    ON CONFLICT ("dedupeKey") DO NOTHING`;
  return { reminders, followUps };
}
