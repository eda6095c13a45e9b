/**
 * Instructor and admin intents wired to the TMS use cases: attendance, scheduling, costs.
 * Each change for someone else, and each that costs money, is shown and confirmed first.
 */
import { recordAttendance, sessionRoster, type AttendanceEntry } from '../../features/attendance/index.ts';
import { addCostItem, parseAmount, parseCurrency } from '../../features/costs/index.ts';
import {
  findVenue,
  scheduleSeries,
  scheduleSession,
  type InstructorInput,
  validateCapacity,
  type Conflict,
} from '../../features/sessions/index.ts';
import { findPeople, isAdmin, isInstructor, listInstructors } from '../../features/people/index.ts';
import { getCourse } from '../../features/catalogue/index.ts';
import { AppError } from '../../shared/app-error.ts';
import { formatRange, localDatePlusDays, toLocal } from '../../shared/time.ts';
import { confirmButtons, reply, say, sessionLine } from '../reply/build.ts';
import { pickSession, remember } from './pick-session.ts';
import { reasonIn } from './session-changes.ts';
import { askFor } from './ask-for.ts';
import { coursesMeant } from './lookups.ts';
import type { IntentHandler, Resolved, Turn } from './turn.ts';
import type { IntentOf } from '../parse/intents.ts';
import type { Reply } from '../types.ts';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const pad = (n: number) => String(n).padStart(2, '0');

/** "mark attendance", "Bob was a no-show", "everyone attended": on the instructor's session. */
export const handleRecordAttendance: IntentHandler<'record_attendance'> = async (turn, intent, resolved) => {
  if (!isInstructor(turn.actor) && !isAdmin(turn.actor)) {
    return reply('Only the instructor of a session (or an admin) can record attendance.', {
      next: [say('My bookings', 'what am I booked on?')],
    });
  }
  let sessionId = resolved.sessionId;
  if (!sessionId && !intent.slots.when && !intent.slots.course && turn.context.lastSessionId)
    sessionId = turn.context.lastSessionId;
  const slots = intent.slots.when ? intent.slots : { ...intent.slots, when: todayRange(turn) };
  const picked = await pickSession(
    turn,
    { ...intent, slots } as typeof intent,
    { ...resolved, sessionId },
    {
      verb: 'record attendance for',
      instructorId: isAdmin(turn.actor) ? undefined : turn.actor.personId,
      includePast: true,
    },
  );
  if (picked.kind === 'reply') return picked.reply;
  const session = picked.session;
  remember(turn, session);
  const roster = await sessionRoster(turn.deps, turn.actor, { sessionId: session.id });
  const days = roster.days.filter((d) => d.startsAt <= turn.now);
  const dayIndex = days.length ? days[days.length - 1]!.dayIndex : 0;
  const onRoster = roster.rows.filter((r) =>
    ['confirmed', 'attended', 'partial', 'no_show'].includes(r.status),
  );
  const status = intent.slots.status;
  let entries: AttendanceEntry[] = Array.isArray(resolved.entries)
    ? (resolved.entries as AttendanceEntry[])
    : [];
  if (entries.length === 0 && status) {
    if (intent.slots.person?.name) {
      const name = intent.slots.person.name.toLowerCase();
      const matches = onRoster.filter((r) =>
        r.name
          .toLowerCase()
          .split(/\s+/)
          .some((part) => part.startsWith(name)),
      );
      if (matches.length === 0)
        return reply(
          `Nobody called "${intent.slots.person.name}" is on ${session.courseTitle}, ${formatRange(session.startsAt, session.endsAt, turn.actor.timeZone, turn.locale)}.`,
          { next: [say('Show the roster', 'roster for it')] },
        );
      if (matches.length > 1)
        return reply(
          `More than one "${intent.slots.person.name}" is on the session: ${matches.map((m) => m.name).join(', ')}. Use the full name.`,
          { next: [say('Show the roster', 'roster for it')] },
        );
      entries = [{ registrationId: matches[0]!.registrationId, status }];
    } else {
      // "Everyone attended": those not yet marked for this day.
      entries = onRoster
        .filter((r) => r.attendance[dayIndex] === undefined)
        .map((r) => ({ registrationId: r.registrationId, status }));
    }
  }
  if (entries.length === 0) {
    const marked = onRoster.filter((r) => r.attendance[dayIndex] !== undefined).length;
    return reply(
      `${session.courseTitle}, ${formatRange(session.startsAt, session.endsAt, turn.actor.timeZone, turn.locale)}: ${onRoster.length} on the roster, ${marked} marked. Tell me "everyone attended", or "<name> was a no-show" / "<name> left early".`,
      {
        blocks: [
          {
            type: 'table',
            columns: ['Name', 'Marked'],
            rows: onRoster.map((r) => [r.name, r.attendance[dayIndex] ?? '—']),
          },
        ],
        next: [say('Everyone attended', 'everyone attended')],
      },
    );
  }
  const names = entries.map((e) => onRoster.find((r) => r.registrationId === e.registrationId)?.name ?? '?');
  const words: Record<string, string> = {
    attended: 'attended',
    no_show: 'a no-show',
    partial: 'partly attended',
  };
  if (!resolved.confirmed) {
    turn.pending = {
      kind: 'confirm',
      intent,
      resolved: { sessionId: session.id, entries },
      prompt: 'record attendance',
    };
    const who = names.length > 5 ? `${names.length} people` : names.join(', ');
    return reply(
      `Mark ${who} as ${words[entries[0]!.status]} on ${session.courseTitle}${roster.days.length > 1 ? ` (day ${dayIndex + 1})` : ''}?`,
      { next: confirmButtons('Yes, record it'), awaitingAnswer: true },
    );
  }
  const result = await recordAttendance(turn.deps, turn.actor, {
    sessionId: session.id,
    dayIndex: roster.days.length > 1 ? dayIndex : undefined,
    entries,
  });
  const completions = result.recorded.filter((r) => r.completionId).length;
  return reply(
    `Recorded ${result.recorded.length} attendance mark${result.recorded.length === 1 ? '' : 's'} on ${session.courseTitle}.${completions ? ` ${completions} completion${completions === 1 ? '' : 's'} added to the learner record.` : ''}`,
    {
      next: [
        say('Show the roster', 'roster for it'),
        say('Attendance report', 'attendance vs registrations this month'),
      ],
    },
  );
};

function todayRange(turn: Turn) {
  const zone = turn.actor.timeZone;
  const { year, month, day } = toLocal(turn.now, zone);
  const start = new Date(Date.UTC(year, month - 1, day));
  // The last week, so a session that ran yesterday can still be marked without naming it.
  return {
    from: new Date(start.getTime() - 7 * 86_400_000 - 14 * 3_600_000).toISOString(),
    to: new Date(start.getTime() + 38 * 3_600_000).toISOString(),
    text: 'recently',
  };
}

/** The instructors named in a schedule request, the first as lead; a name that is not exactly one instructor is asked about. */
async function instructorsNamed(
  turn: Turn,
  names: string[],
): Promise<{ instructors: InstructorInput[]; names: string[] } | { reply: Reply }> {
  const instructors: InstructorInput[] = [];
  const found: string[] = [];
  for (const [i, name] of names.entries()) {
    const candidates = await findPeople(turn.deps, turn.actor, { name, role: 'instructor' });
    if (candidates.length !== 1)
      return {
        reply: reply(
          candidates.length
            ? `"${name}" could be ${candidates.map((c) => c.name).join(' or ')}.`
            : `I couldn't find an instructor called "${name}".`,
          { next: [say('Help', 'help')] },
        ),
      };
    instructors.push({ personId: candidates[0]!.id, role: i === 0 ? 'lead' : 'co' });
    found.push(candidates[0]!.name);
  }
  return { instructors, names: found };
}

/**
 * The instructors of a schedule request: those it names, else asked for from the list of
 * instructors (lead first, then who teaches with them). The question carries the request
 * as it stands, so answering it loses nothing; the returned draft names everyone chosen.
 */
async function whoTeaches(
  turn: Turn,
  intent: IntentOf<'schedule_sessions'>,
  resolved: Resolved,
): Promise<
  { instructors: InstructorInput[]; names: string[]; draft: IntentOf<'schedule_sessions'> } | { reply: Reply }
> {
  const named = await instructorsNamed(turn, intent.slots.instructors ?? []);
  if ('reply' in named) return named;
  const picked = typeof resolved.personId === 'string' ? resolved.personId : undefined;
  const everyone =
    picked || named.instructors.length === 0 ? await listInstructors(turn.deps, turn.actor) : [];
  const chosen = everyone.find((p) => p.id === picked);
  const withNames = (names: string[]) => ({ ...intent, slots: { ...intent.slots, instructors: names } });
  const ask = (
    draft: IntentOf<'schedule_sessions'>,
    prompt: string,
    options: typeof everyone,
  ): { reply: Reply } => {
    turn.pending = { kind: 'choose_person', intent: draft, personIds: options.map((p) => p.id), prompt };
    return {
      reply: reply(prompt, {
        blocks: [
          {
            type: 'choices',
            prompt,
            actionId: 'choose',
            choices: options.map((p, i) => ({
              label: `${i + 1}. ${i === 0 && draft.slots.instructors?.length ? `Just ${p.name}` : p.name}`,
              value: String(i + 1),
            })),
          },
        ],
        next: [{ label: 'Never mind', actionId: 'confirm', value: 'no' }],
        awaitingAnswer: true,
      }),
    };
  };
  if (chosen && named.instructors.length === 0) {
    // The lead was just picked: ask who teaches with them (the first choice: nobody).
    const draft = withNames([chosen.name]);
    return ask(draft, `${chosen.name} leads it. Who teaches with them?`, [
      chosen,
      ...everyone.filter((p) => p.id !== chosen.id),
    ]);
  }
  if (chosen && !named.instructors.some((i) => i.personId === chosen.id)) {
    return {
      instructors: [...named.instructors, { personId: chosen.id, role: 'co' }],
      names: [...named.names, chosen.name],
      draft: withNames([...named.names, chosen.name]),
    };
  }
  if (named.instructors.length === 0) return ask(intent, 'Who will teach it?', everyone);
  return { ...named, draft: withNames(named.names) };
}

/** A start time plus the course's duration (2 hours when unknown, at most 10), ending by midnight. */
function endAfter(startTime: string, durationMinutes: number | null): string {
  const minutes = Math.min(durationMinutes ?? 120, 10 * 60);
  const [h, m] = startTime.split(':').map(Number) as [number, number];
  const end = Math.min(h * 60 + m + minutes, 23 * 60 + 59);
  return `${pad(Math.floor(end / 60))}:${pad(end % 60)}`;
}

/** "schedule First Aid every Tuesday 9am-4pm for 4 weeks in Room 2 with Dana and Lee, 12 seats". */
export const handleScheduleSessions: IntentHandler<'schedule_sessions'> = async (turn, intent, resolved) => {
  if (!isAdmin(turn.actor))
    return reply('Only an admin can schedule sessions.', {
      next: [say('Find sessions', 'what sessions are coming up?')],
    });
  const s = intent.slots;
  if (!s.course)
    return reply(
      'Which course should I schedule? e.g. "schedule First Aid every Tuesday 9am-4pm for 4 weeks in Room 2, 12 seats".',
      { next: [say('Help', 'help')] },
    );
  const matches = await coursesMeant(turn, s.course);
  if (matches.length !== 1)
    return reply(
      matches.length
        ? `"${s.course}" could be ${matches.map((m) => `${m.title} (${m.code})`).join(' or ')}. Use the code.`
        : `I couldn't find a course matching "${s.course}".`,
      { next: [say('Help', 'help')] },
    );
  const course = await getCourse(turn.deps, turn.actor, { courseId: matches[0]!.id });
  const venue = s.venue ? await findVenue(turn.deps, turn.actor, { name: s.venue }) : undefined;
  if (s.venue && !venue)
    return reply(`I couldn't find a venue matching "${s.venue}".`, { next: [say('Help', 'help')] });
  // A venue only where people meet: an online session (said, linked, or a live-online
  // course) or one said to need none is held at its meeting link instead.
  const online = !venue && (s.online || s.noVenue || s.meetingUrl !== undefined || course.kind === 'vilt');
  if (!venue && !online)
    return reply(
      'Where will it be held? Add a venue, e.g. "in Room 2", or say it is online with its meeting link.',
      { next: [say('Help', 'help')] },
    );
  const meetingUrl = s.meetingUrl;
  if (online && !meetingUrl)
    return askFor(
      turn,
      intent,
      'meetingUrl',
      'It has no venue, so what is the meeting link? e.g. "https://teams.microsoft.com/l/…".',
    );
  if (meetingUrl && !/^https?:\/\/\S+\.\S+/i.test(meetingUrl))
    return askFor(
      turn,
      { ...intent, slots: { ...s, meetingUrl: undefined } },
      'meetingUrl',
      `"${meetingUrl.slice(0, 60)}" is not a link. What is the meeting link (starting https://)?`,
    );
  const startTime = s.startTime ?? s.recurrence?.startTime;
  if (!startTime) return reply('What time does it start? e.g. "9am-4pm".', { next: [say('Help', 'help')] });
  const endTime = s.endTime ?? s.recurrence?.endTime ?? endAfter(startTime, course.durationMinutes);
  const capacity = s.capacity ?? venue?.capacity;
  if (capacity === undefined || capacity === null)
    return askFor(turn, intent, 'capacity', 'How many seats? e.g. "20".');
  const zone = venue?.timeZone ?? turn.actor.timeZone;
  const place = venue?.name ?? 'online';
  const tomorrow = localDatePlusDays(turn.now, zone, 1);
  const summary = s.recurrence
    ? `${course.title} every ${s.recurrence.interval > 1 ? `${s.recurrence.interval === 2 ? '2nd' : `${s.recurrence.interval}th`} ` : ''}${WEEKDAYS[s.recurrence.weekday]} ${startTime}–${endTime} (${zone})${s.recurrence.count ? `, ${s.recurrence.count} sessions` : ''}${s.recurrence.until ? ` until ${s.recurrence.until}` : ''}`
    : s.when
      ? `${course.title} on ${new Intl.DateTimeFormat(turn.locale, { timeZone: turn.actor.timeZone, weekday: 'short', day: 'numeric', month: 'short' }).format(new Date(s.when.from))}, ${startTime}–${endTime} (${zone})`
      : undefined;
  if (!summary)
    return reply(
      'When should it run? Give a date ("on 10 December") or a pattern ("every Tuesday for 4 weeks").',
      { next: [say('Help', 'help')] },
    );
  if (s.recurrence && !s.recurrence.count && !s.recurrence.until)
    return reply('For how long? Add "for 4 weeks", "6 times" or "until 31 March".', {
      next: [say('Help', 'help')],
    });
  const badCapacity = refusal(() => validateCapacity(capacity, venue?.capacity ?? undefined));
  if (badCapacity) return badCapacity;
  // Who teaches is asked before the confirm step, from a list, so the request is kept.
  const teaching = await whoTeaches(turn, intent, resolved);
  if ('reply' in teaching) return teaching.reply;
  const { instructors, names: instructorNames, draft } = teaching;
  const where = `${place}, ${capacity} seats, with ${instructorNames.join(' and ')}`;
  const conflictSeen = resolved.conflict === true;
  const reason = conflictSeen ? reasonIn(resolved.answer) : undefined;
  if (!resolved.confirmed || (conflictSeen && !reason)) {
    turn.pending = {
      kind: 'confirm',
      intent: draft,
      resolved: conflictSeen ? { conflict: true } : {},
      prompt: 'schedule',
    };
    return conflictSeen
      ? reply(
          'Tell me why it should go ahead despite the clash, e.g. "yes, because the other session moves".',
          {
            next: [{ label: 'No, leave it', actionId: 'confirm', value: 'no' }],
            awaitingAnswer: true,
          },
        )
      : reply(`Schedule ${summary} in ${where}?`, {
          next: confirmButtons('Yes, schedule'),
          awaitingAnswer: true,
        });
  }
  const override = reason ? { reason } : undefined;
  const writeSchedule = async (): Promise<Reply> => {
    if (s.recurrence) {
      const result = await scheduleSeries(turn.deps, turn.actor, {
        courseId: course.id,
        capacity,
        venueId: venue?.id,
        meetingUrl: venue ? undefined : meetingUrl,
        instructors,
        timeZone: zone,
        override,
        rule: {
          frequency: 'weekly',
          interval: s.recurrence.interval,
          weekday: s.recurrence.weekday,
          startDate: `${tomorrow.year}-${pad(tomorrow.month)}-${pad(tomorrow.day)}`,
          startTime,
          endTime,
          count: s.recurrence.count,
          until: s.recurrence.until,
        },
      });
      turn.context.lastSessionIds = result.sessions.map((x) => x.sessionId);
      turn.context.lastSessionId = result.sessions[0]?.sessionId;
      turn.context.lastCourseId = course.id;
      return reply(
        `Scheduled ${result.sessions.length} sessions: ${result.description}, with ${instructorNames.join(' and ')}.${result.skippedDates.length ? ` Skipped ${result.skippedDates.join(', ')}.` : ''}${reason ? ` Scheduled despite the clash because ${reason}.` : ''}`,
        {
          blocks: [
            {
              type: 'table',
              columns: ['#', 'When'],
              rows: result.sessions.map((x, i) => [
                String(i + 1),
                formatRange(x.startsAt, x.endsAt, turn.actor.timeZone, turn.locale),
              ]),
            },
          ],
          next: [
            say('Add a cost to the first', 'add a venue cost of £400 to that session'),
            say('Find sessions', `${course.code} sessions`),
          ],
        },
      );
    }
    const local = toLocal(new Date(s.when!.from), turn.actor.timeZone);
    const result = await scheduleSession(turn.deps, turn.actor, {
      courseId: course.id,
      capacity,
      venueId: venue?.id,
      meetingUrl: venue ? undefined : meetingUrl,
      instructors,
      timeZone: zone,
      override,
      days: [{ date: `${local.year}-${pad(local.month)}-${pad(local.day)}`, start: startTime, end: endTime }],
    });
    turn.context.lastSessionId = result.sessionId;
    turn.context.lastCourseId = course.id;
    return reply(
      `Scheduled ${summary} in ${where}.${reason ? ` Scheduled despite the clash because ${reason}.` : ''}`,
      {
        next: [
          say('Add a cost to it', 'add a venue cost of £400 to that session'),
          say('Roster', 'roster for it'),
        ],
      },
    );
  };
  try {
    return await writeSchedule();
  } catch (error) {
    // A clash (or any refusal) keeps the request: it can go ahead with a reason, or be dropped.
    if (!(error instanceof AppError)) throw error;
    const conflicts = (error.details?.conflicts ?? []) as Conflict[];
    if (error.code === 'VENUE_CONFLICT' || error.code === 'INSTRUCTOR_CONFLICT') {
      turn.pending = { kind: 'confirm', intent: draft, resolved: { conflict: true }, prompt: 'schedule' };
      const who = (c: Conflict) =>
        c.kind === 'venue'
          ? place
          : (instructorNames[instructors.findIndex((i) => i.personId === c.personId)] ?? 'An instructor');
      return reply(
        `That clashes with ${conflicts.length === 1 ? 'another booking' : `${conflicts.length} other bookings`}. To schedule anyway, reply "yes, because …" with the reason (it goes in the audit log).`,
        {
          blocks: [
            {
              type: 'table',
              columns: ['Who or where', 'Clash', 'When'],
              rows: conflicts.map((c) => [
                who(c),
                c.kind === 'leave' ? `on leave${c.note ? ` (${c.note})` : ''}` : c.courseTitle,
                formatRange(c.startsAt, c.endsAt, turn.actor.timeZone, turn.locale),
              ]),
            },
          ],
          next: [{ label: 'No, leave it', actionId: 'confirm', value: 'no' }],
          awaitingAnswer: true,
        },
      );
    }
    turn.pending = { kind: 'confirm', intent: draft, resolved: {}, prompt: 'schedule' };
    return reply(`${error.userMessage} The request is kept: say "yes" to try again or "no" to drop it.`, {
      next: confirmButtons('Try again'),
      awaitingAnswer: true,
    });
  }
};

/** "add a venue cost of £400 to that session": money, so always confirmed first. */
export const handleAddCost: IntentHandler<'add_cost'> = async (turn, intent, resolved) => {
  if (!isAdmin(turn.actor)) return reply('Only an admin can record costs.', { next: [say('Help', 'help')] });
  const money = intent.slots.money;
  if (!money)
    return reply('How much, and in which currency? e.g. "add a venue cost of £400 to that session".', {
      next: [say('Help', 'help')],
    });
  const badAmount = refusal(() => {
    parseAmount(money.amount);
    parseCurrency(money.currency);
  });
  if (badAmount) return badAmount;
  const picked = await pickSession(turn, intent, resolved, { verb: 'add the cost to', includePast: true });
  if (picked.kind === 'reply') return picked.reply;
  const session = picked.session;
  remember(turn, session);
  const category = intent.slots.category ?? 'other';
  const amountText = new Intl.NumberFormat(turn.locale, {
    style: 'currency',
    currency: money.currency,
  }).format(Number(money.amount));
  if (!resolved.confirmed) {
    turn.pending = { kind: 'confirm', intent, resolved: { sessionId: session.id }, prompt: 'add cost' };
    return reply(
      `Add a ${category} cost of ${amountText} to ${sessionLine(session, turn.actor.timeZone, turn.locale)}?`,
      {
        next: confirmButtons('Yes, add it'),
        awaitingAnswer: true,
      },
    );
  }
  const _result = await addCostItem(turn.deps, turn.actor, {
    sessionId: session.id,
    category,
    amount: money.amount,
    currency: money.currency,
    description: intent.slots.vendor ? `from ${intent.slots.vendor}` : undefined,
  });
  return reply(
    `Added ${amountText} (${category}) to ${session.courseTitle}, ${formatRange(session.startsAt, session.endsAt, turn.actor.timeZone, turn.locale)}.`,
    {
      next: [
        say('Cost report this quarter', 'cost report this quarter'),
        say('Cost per learner', 'cost per learner this quarter'),
      ],
    },
  );
};

export { AppError };

/** A value the use case would refuse is refused before the confirm step, in its words. */
function refusal(check: () => void): ReturnType<typeof reply> | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    if (error instanceof AppError) return reply(error.userMessage, { next: [say('Help', 'help')] });
    throw error;
  }
}
