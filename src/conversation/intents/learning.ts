/**
 * Learning intents wired to the LMS use cases: my learning record, certificates, starting a
 * course, and a manager's view of their team's compliance. The use cases check who may see
 * whose record; asking for someone else's gets their polite FORBIDDEN message.
 */
import { enrolSelf, getCourse } from '../../features/catalogue/index.ts';
import { certificatePdf, myCertificates } from '../../features/certificates/index.ts';
import {
  complianceStatus,
  teamComplianceScope,
  type ComplianceRow,
  type ComplianceScope,
} from '../../features/compliance/index.ts';
import { isAppError } from '../../shared/app-error.ts';
import { myProgress } from '../../features/learning/index.ts';
import { EXPIRING_WITHIN_DAYS } from '../../features/compliance/index.ts';
import { launchCourse } from '../../features/scorm/index.ts';
import { formatRange } from '../../shared/time.ts';
import { reply, say } from '../reply/build.ts';
import { pickPerson } from './people.ts';
import { coursesMeant, namesCourse } from './lookups.ts';
import type { IntentHandler, Turn } from './turn.ts';

const day = (turn: Turn, d: Date | null) =>
  d
    ? new Intl.DateTimeFormat(turn.locale, {
        timeZone: turn.actor.timeZone,
        day: 'numeric',
        month: 'short',
        year: 'numeric',
      }).format(d)
    : '—';

export const handleMyLearning: IntentHandler<'my_learning'> = async (turn, intent, resolved) => {
  const who = await pickPerson(turn, intent, intent.slots.person, resolved);
  if (who.kind === 'reply') return who.reply;
  const personId = who.kind === 'one' ? who.person.id : undefined;
  const all = await myProgress(turn.deps, turn.actor, { personId });
  // "have I done GDPR yet?": the same record, narrowed to the course named.
  const course = intent.slots.course;
  const keep = <T extends { courseTitle: string }>(rows: T[]) =>
    course ? rows.filter((r) => namesCourse(r.courseTitle, course)) : rows;
  const progress = {
    ...all,
    overdue: keep(all.overdue),
    assigned: keep(all.assigned),
    inProgress: keep(all.inProgress),
    completed: keep(all.completed),
  };
  const whose = who.kind === 'one' ? `${who.person.name.split(' ')[0]}'s` : 'Your';
  const filter = intent.slots.filter ?? 'all';
  const blocks = [];
  const lines: string[] = [];
  // "What's due?" includes what is past due: the same record, never a shorter list.
  if (filter === 'all' || filter === 'overdue' || filter === 'due') {
    lines.push(progress.overdue.length ? `${progress.overdue.length} overdue.` : 'Nothing overdue.');
    if (progress.overdue.length)
      blocks.push({
        type: 'table' as const,
        title: 'Overdue',
        columns: ['Course', 'Was due'],
        rows: progress.overdue.map((p) => [p.courseTitle, day(turn, p.dueAt)]),
      });
  }
  if (filter === 'all' || filter === 'due' || filter === 'in_progress') {
    const due = (filter === 'in_progress' ? progress.inProgress : progress.assigned).filter(
      (p) => !progress.overdue.some((o) => o.enrollmentId === p.enrollmentId),
    );
    lines.push(
      due.length
        ? `${due.length} ${filter === 'in_progress' ? 'in progress' : 'to do'}.`
        : filter === 'in_progress'
          ? 'Nothing in progress.'
          : 'Nothing else assigned.',
    );
    if (due.length)
      blocks.push({
        type: 'table' as const,
        title: filter === 'in_progress' ? 'In progress' : 'To do',
        columns: ['Course', 'Due', 'Progress'],
        rows: due.map((p) => [
          p.courseTitle,
          day(turn, p.dueAt),
          p.progressPercent === null ? (p.booked ? 'booked' : '—') : `${p.progressPercent}%`,
        ]),
      });
  }
  if (filter === 'expiring') {
    // Certificates that lapse within the compliance window, or have lapsed: time to renew.
    const soon = new Date(turn.now.getTime() + EXPIRING_WITHIN_DAYS * 86_400_000);
    const expiring = progress.completed.filter((c) => c.expiresAt && c.expiresAt <= soon);
    lines.push(
      expiring.length
        ? `${expiring.length} to renew within ${EXPIRING_WITHIN_DAYS} days.`
        : `Nothing to renew in the next ${EXPIRING_WITHIN_DAYS} days.`,
    );
    if (expiring.length)
      blocks.push({
        type: 'table' as const,
        title: 'To renew',
        columns: ['Course', 'Valid until'],
        rows: expiring.map((c) => [
          c.courseTitle,
          `${day(turn, c.expiresAt)}${c.expired ? ' (expired)' : ''}`,
        ]),
      });
  }
  if (filter === 'all' || filter === 'completed') {
    lines.push(`${progress.completed.length} completed.`);
    if (progress.completed.length)
      blocks.push({
        type: 'table' as const,
        title: 'Completed',
        columns: ['Course', 'Completed', 'Valid until'],
        rows: progress.completed
          .slice(0, 15)
          .map((c) => [
            c.courseTitle,
            day(turn, c.completedAt),
            c.expiresAt ? `${day(turn, c.expiresAt)}${c.expired ? ' (expired)' : ''}` : 'no expiry',
          ]),
      });
  }
  const first = progress.overdue[0] ?? progress.assigned[0];
  const next = [
    ...(first && who.kind === 'self'
      ? [
          first.kind === 'elearning'
            ? say(`Start ${first.courseTitle}`, `start ${first.courseCode}`)
            : say(`${first.courseTitle} dates`, `${first.courseCode} sessions`),
        ]
      : []),
    say(
      'Certificates',
      who.kind === 'one'
        ? `${who.person.name.split(' ')[0]!.toLowerCase()}'s certificates`
        : 'my certificates',
    ),
    say('What next?', 'what should I learn next?'),
  ];
  return reply(`${whose} learning: ${lines.join(' ')}`, { blocks, next });
};

export const handleMyCertificates: IntentHandler<'my_certificates'> = async (turn, intent, resolved) => {
  const who = await pickPerson(turn, intent, intent.slots.person, resolved);
  if (who.kind === 'reply') return who.reply;
  const personId = who.kind === 'one' ? who.person.id : undefined;
  let certificates = await myCertificates(turn.deps, turn.actor, { personId });
  const whose = who.kind === 'one' ? `${who.person.name.split(' ')[0]} has` : 'You have';
  if (intent.slots.course) {
    const ids = new Set((await coursesMeant(turn, intent.slots.course)).map((m) => m.id));
    certificates = certificates.filter((c) => ids.has(c.courseId));
    if (certificates.length === 0)
      return reply(`${whose} no certificate for "${intent.slots.course}" yet.`, {
        next: [say('All certificates', 'my certificates'), say('My learning', 'my learning')],
      });
  }
  if (certificates.length === 0)
    return reply(
      `${whose} no certificates yet. They are issued when you complete a course that grants one.`,
      { next: [say('What next?', 'what should I learn next?')] },
    );
  const wanted = intent.slots.course ? certificates.slice(0, 1) : [];
  const files = [];
  for (const c of wanted) {
    const pdf = await certificatePdf(turn.deps, turn.actor, { number: c.number });
    files.push({
      name: pdf.filename,
      mimeType: 'application/pdf',
      content: pdf.pdf,
      title: `${c.courseTitle} certificate`,
    });
  }
  const status = (s: string) => (s === 'valid' ? 'valid' : s);
  return reply(
    wanted.length
      ? `Here is the certificate for ${wanted[0]!.courseTitle} (${wanted[0]!.number}).`
      : `${whose} ${certificates.length} certificate${certificates.length === 1 ? '' : 's'}:`,
    {
      blocks: [
        {
          type: 'table',
          columns: ['Course', 'Number', 'Issued', 'Expires', 'Status'],
          rows: certificates.map((c) => [
            c.courseTitle,
            c.number,
            day(turn, c.issuedAt),
            day(turn, c.expiresAt),
            status(c.status),
          ]),
        },
      ],
      files,
      next: [
        ...certificates.slice(0, 2).map((c) => ({
          label: `Verify ${c.courseCode}`,
          actionId: 'link' as const,
          value: c.number,
          url: c.verificationUrl,
        })),
        say('My learning', 'my learning'),
      ],
    },
  );
};

export const handleLaunchCourse: IntentHandler<'launch_course'> = async (turn, intent, resolved) => {
  let courseId = typeof resolved.courseId === 'string' ? resolved.courseId : undefined;
  if (!courseId && intent.slots.course) {
    const matches = await coursesMeant(turn, intent.slots.course);
    if (matches.length === 0)
      return reply(`I couldn't find a course matching "${intent.slots.course}".`, {
        next: [say('My learning', 'my learning')],
      });
    if (matches.length > 1)
      return reply(`Which one: ${matches.map((m) => `${m.title} (${m.code})`).join(' or ')}?`, {
        next: matches.slice(0, 3).map((m) => say(`Start ${m.title}`, `start ${m.code}`)),
      });
    courseId = matches[0]!.id;
  }
  if (!courseId && intent.slots.ref === 'it') courseId = turn.context.lastCourseId;
  if (!courseId)
    return reply('Which course would you like to start?', { next: [say('My learning', 'my learning')] });
  const course = await getCourse(turn.deps, turn.actor, { courseId });
  turn.context.lastCourseId = course.id;
  if (course.kind !== 'elearning') {
    return reply(
      `${course.title} is taught live, so there is nothing to start online — book a session instead.`,
      { next: [say(`${course.title} dates`, `${course.code} sessions`)] },
    );
  }
  const result = await enrolSelf(turn.deps, turn.actor, { courseId: course.id });
  // The due date comes from the learner record ("my learning"), which settles an assignment
  // by a valid completion, not from the enrolment row's original date.
  const dueAt = result.kind === 'enrolled' ? undefined : await owedBy(turn, course.id);
  const enrolled =
    result.kind === 'enrolled'
      ? `You're enrolled on ${course.title}.`
      : `You're already enrolled on ${course.title}${dueAt ? ` (due ${day(turn, dueAt)})` : ''}.`;
  // A signed, expiring link bound to this person and attempt (resumes a suspended attempt).
  const launched = course.hasContent
    ? await launchCourse(turn.deps, turn.actor, { courseId: course.id })
    : undefined;
  const launch = launched
    ? ` ${launched.resumed ? 'Pick up where you left off' : 'Open it here'}: ${launched.url}`
    : ' Its online content has not been uploaded yet; I will let you know when it is.';
  return reply(`${enrolled}${launch}`, {
    next: [
      ...(launched
        ? [{ label: `Open ${course.title}`, actionId: 'link' as const, value: course.id, url: launched.url }]
        : []),
      say('My learning', 'my learning'),
    ],
  });
};

/** "How is my team doing?", "who expires in the next 60 days?": the manager's whole line. */
export const handleTeamCompliance: IntentHandler<'team_compliance'> = async (turn, intent) => {
  let scope: ComplianceScope;
  try {
    scope = teamComplianceScope(turn.actor);
  } catch (error) {
    if (!isAppError(error) || error.code !== 'FORBIDDEN') throw error;
    return reply(error.userMessage, {
      next: [say('My learning', 'my learning'), say('My certificates', 'my certificates')],
    });
  }
  const result = await complianceStatus(turn.deps, turn.actor, { scope });
  const within = intent.slots.withinDays;
  const limit = within ? new Date(turn.now.getTime() + within * 86_400_000) : undefined;
  let rows = result.rows.filter((r) => r.status !== 'not_applicable');
  if (intent.slots.course) {
    const words = intent.slots.course.toLowerCase();
    rows = rows.filter(
      (r) =>
        r.requirementName.toLowerCase().includes(words) ||
        r.requirementCode.toLowerCase().includes(words) ||
        r.evidence.some(
          (e) => e.courseTitle.toLowerCase().includes(words) || e.courseCode.toLowerCase().includes(words),
        ),
    );
  }
  const overdue = rows.filter((r) => r.status === 'overdue' || r.status === 'due');
  const expiring = rows.filter(
    (r) =>
      (r.status === 'expiring' ||
        (r.status === 'compliant' && limit && r.expiresAt && r.expiresAt <= limit)) &&
      (!limit || (r.expiresAt && r.expiresAt <= limit)),
  );
  const people = (list: ComplianceRow[]) => [...new Set(list.map((r) => r.personId))];
  const filter = intent.slots.filter ?? (within ? 'expiring' : 'all');
  const shown =
    filter === 'overdue'
      ? overdue
      : filter === 'expiring'
        ? expiring
        : rows.filter((r) => r.status !== 'compliant');
  // "Remind them" means the people this reply lists; the buttons name the other groups.
  turn.context.lastPeople = {
    overdue: people(overdue),
    expiring: people(expiring),
    all: people(shown),
    shown: filter === 'overdue' || filter === 'expiring' ? filter : 'all',
  };
  // The headline counts people, each once, by the worst state of their requirements.
  const worst = new Map<string, string>();
  const rank: Record<string, number> = { overdue: 3, due: 2, expiring: 1, compliant: 0 };
  for (const r of rows)
    if ((rank[r.status] ?? -1) > (rank[worst.get(r.personId) ?? ''] ?? -1)) worst.set(r.personId, r.status);
  const countOf = (status: string) => [...worst.values()].filter((s) => s === status).length;
  const counts = {
    compliant: countOf('compliant'),
    expiring: countOf('expiring'),
    due: countOf('due'),
    overdue: countOf('overdue'),
  };
  const total = people(rows).length;
  const headline =
    filter === 'expiring'
      ? `${people(expiring).length} ${people(expiring).length === 1 ? 'person has' : 'people have'} training expiring${within ? ` in the next ${within} days` : ' soon'}.`
      : filter === 'overdue'
        ? `${people(overdue).length} ${people(overdue).length === 1 ? 'person is' : 'people are'} due or overdue.`
        : `Your team (${total} ${total === 1 ? 'person' : 'people'}): ${counts.compliant} compliant, ${counts.expiring} with training expiring, ${counts.due} with training due, ${counts.overdue} overdue.`;
  const statusWord: Record<string, string> = {
    overdue: 'Overdue',
    due: 'Due',
    expiring: 'Expiring',
    compliant: 'Compliant',
  };
  return reply(headline, {
    blocks: shown.length
      ? [
          {
            type: 'table',
            columns: ['Person', 'Requirement', 'Status', 'Date'],
            rows: shown
              .slice(0, 40)
              .map((r) => [
                r.personName,
                r.requirementName,
                statusWord[r.status] ?? r.status,
                day(turn, r.status === 'expiring' || r.status === 'compliant' ? r.expiresAt : r.dueAt),
              ]),
          },
        ]
      : [],
    next: [
      ...(turn.context.lastPeople.overdue.length
        ? [say(`Remind the overdue (${turn.context.lastPeople.overdue.length})`, 'remind the overdue ones')]
        : []),
      ...(turn.context.lastPeople.expiring.length
        ? [
            say(
              `Remind the expiring (${turn.context.lastPeople.expiring.length})`,
              'remind the expiring ones',
            ),
          ]
        : []),
      say('Who expires in 60 days?', 'who expires in the next 60 days?'),
      say('Pending approvals', 'show pending approvals'),
    ],
  });
};

export { formatRange };

/** When the person owes this course, as "my learning" shows it (undefined when nothing is due). */
async function owedBy(turn: Turn, courseId: string): Promise<Date | undefined> {
  const progress = await myProgress(turn.deps, turn.actor, {});
  const owed = [...progress.overdue, ...progress.inProgress, ...progress.assigned];
  return owed.find((item) => item.courseId === courseId)?.dueAt ?? undefined;
}
