/** A session as replies show it: course, when, where, seats. Built from the sessions listing. */
import type { SessionListing } from '../../features/sessions/index.ts';

export interface SessionSummary {
  id: string;
  courseId: string;
  courseCode: string;
  courseTitle: string;
  courseKind: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  where: string;
  capacity: number;
  seatsTaken: number;
  waitlisted: number;
  instructorIds: string[];
}

export function fromListing(l: SessionListing): SessionSummary {
  return {
    id: l.sessionId,
    courseId: l.course.id,
    courseCode: l.course.code,
    courseTitle: l.course.title,
    courseKind: l.course.kind,
    startsAt: l.startsAt,
    endsAt: l.endsAt,
    timeZone: l.timeZone,
    where: l.venue?.name ?? (l.meetingUrl ? 'Online' : 'TBC'),
    capacity: l.capacity,
    seatsTaken: l.seatsTaken,
    waitlisted: l.waitlistLength,
    instructorIds: l.instructors.map((i) => i.personId),
  };
}
