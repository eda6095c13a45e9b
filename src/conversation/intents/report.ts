/**
 * "Compliance report for Operations as CSV", "cost per learner for the Leadership programme
 * this quarter", "attendance vs registrations last month": the report use cases (which
 * decide who may see what), shown as a table, a CSV file or a chart.
 */
import {
  complianceReport,
  complianceStatus,
  completionsReport,
  defaultComplianceScope,
  findDepartment,
  type ScopeSubject,
} from '../../features/compliance/index.ts';
import { attendanceReport } from '../../features/attendance/index.ts';
import { findProgramme } from '../../features/catalogue/index.ts';
import { costReport, type MoneyByCurrency } from '../../features/costs/index.ts';
import { isAppError } from '../../shared/app-error.ts';
import { fromLocal, toLocal } from '../../shared/time.ts';
import { reply, say } from '../reply/build.ts';
import { barChartFile, csvFile } from '../reply/files.ts';
import { coursesMeant } from './lookups.ts';
import type { IntentHandler, Turn } from './turn.ts';
import type { IntentOf } from '../parse/intents.ts';
import type { Reply } from '../types.ts';

const SUBJECT_WORDS: Record<ScopeSubject, string> = {
  department: 'the department',
  organisation: 'the organisation',
  team: 'your team',
  self: 'you',
};
const money = (m: MoneyByCurrency) =>
  Object.entries(m)
    .map(([c, a]) => `${a} ${c}`)
    .join(' + ') || '0';
const day = (turn: Turn, d: Date) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: turn.actor.timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(d);

/** Default period: this calendar year so far, in the reader's zone. */
function period(turn: Turn, slots: IntentOf<'report'>['slots']): { from: Date; to: Date; words: string } {
  if (slots.period)
    return {
      from: new Date(slots.period.from),
      to: new Date(slots.period.to),
      words: slots.period.text ?? 'the period',
    };
  const { year } = toLocal(turn.now, turn.actor.timeZone);
  return {
    from: fromLocal({ year, month: 1, day: 1, hour: 0, minute: 0 }, turn.actor.timeZone),
    to: fromLocal({ year: year + 1, month: 1, day: 1, hour: 0, minute: 0 }, turn.actor.timeZone),
    words: `${year}`,
  };
}

function present(
  _turn: Turn,
  intent: IntentOf<'report'>,
  title: string,
  columns: string[],
  rows: string[][],
  chart?: { labels: string[]; series: { name: string; values: number[]; colour: string }[] },
): Reply {
  const format = intent.slots.format ?? 'table';
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const files =
    format === 'csv'
      ? [csvFile(`${slug}.csv`, columns, rows, title)]
      : format === 'chart' && chart
        ? [barChartFile(`${slug}.svg`, title, chart.labels, chart.series)]
        : [];
  const note =
    format === 'pdf'
      ? ' (PDF is not available for this report; here it is as a table, and as CSV on request.)'
      : format === 'chart' && !chart
        ? ' (no chart for this one)'
        : '';
  return reply(`${title}${rows.length ? '' : ': nothing to report.'}${note}`, {
    blocks: rows.length && format !== 'csv' ? [{ type: 'table', columns, rows: rows.slice(0, 50) }] : [],
    files,
    next: [
      ...(format !== 'csv'
        ? [
            say(
              'As CSV',
              `${intent.slots.kind ?? 'compliance'} report${intent.slots.department ? ` for ${intent.slots.department}` : ''}${intent.slots.period?.text ? ` ${intent.slots.period.text}` : ''} as csv`.replace(
                /_/g,
                ' ',
              ),
            ),
          ]
        : []),
      ...(format !== 'chart' && chart
        ? [
            say(
              'As a chart',
              `${(intent.slots.kind ?? 'compliance').replace(/_/g, ' ')} report${intent.slots.department ? ` for ${intent.slots.department}` : ''}${intent.slots.period?.text ? ` ${intent.slots.period.text}` : ''} as a chart`,
            ),
          ]
        : []),
      say('Other reports', 'help'),
    ],
  });
}

export const handleReport: IntentHandler<'report'> = async (turn, intent) => {
  const kind = intent.slots.kind ?? 'compliance';
  const dept = intent.slots.department
    ? await findDepartment(turn.deps, turn.actor, { name: intent.slots.department })
    : undefined;
  if (kind === 'compliance' || kind === 'expiring') return complianceReply(turn, intent, dept);
  const window = period(turn, intent.slots);
  if (kind === 'costs' || kind === 'cost_per_learner') return costsReply(turn, intent, dept, window);
  if (kind === 'attendance') return attendanceReply(turn, intent, dept, window);
  return completionsReply(turn, intent, dept, window);
};

type Department = { id: string; name: string } | undefined;
type Period = { from: Date; to: Date; words: string };

/** Compliance or "who expires soon": whose defaults to what the asker may see. */
async function complianceReply(turn: Turn, intent: IntentOf<'report'>, dept: Department): Promise<Reply> {
  const kind = intent.slots.kind ?? 'compliance';
  const { scope, subject } = defaultComplianceScope(turn.actor, dept);
  const whose = dept ? dept.name : SUBJECT_WORDS[subject];
  if (kind === 'expiring') {
    const status = await complianceStatus(turn.deps, turn.actor, { scope });
    const rows = status.rows
      .filter((r) => r.status === 'expiring')
      .map((r) => [
        r.personName,
        r.department ?? '',
        r.requirementName,
        r.expiresAt ? day(turn, r.expiresAt) : '',
      ]);
    return present(
      turn,
      intent,
      `Expiring training for ${whose}`,
      ['Person', 'Department', 'Requirement', 'Expires'],
      rows,
    );
  }
  const report = await complianceReport(turn.deps, turn.actor, {
    scope,
    detail: intent.slots.format === 'csv' ? 'rows' : 'summary',
  });
  if (intent.slots.format === 'csv' && report.rows) {
    const rows = report.rows.map((r) => [
      r.personName,
      r.email,
      r.department ?? '',
      r.requirementCode,
      r.requirementName,
      r.status,
      r.expiresAt ? r.expiresAt.toISOString().slice(0, 10) : '',
      r.dueAt ? r.dueAt.toISOString().slice(0, 10) : '',
    ]);
    return present(
      turn,
      intent,
      `Compliance for ${whose}`,
      ['Person', 'Email', 'Department', 'Requirement code', 'Requirement', 'Status', 'Expires', 'Due'],
      rows,
    );
  }
  const rows = report.summary.map((s) => [
    s.requirementName,
    String(s.compliant),
    String(s.expiring),
    String(s.due),
    String(s.overdue),
    String(s.total),
  ]);
  const t = report.totals;
  return present(
    turn,
    intent,
    `Compliance for ${whose}: ${t.compliant} compliant, ${t.expiring} expiring, ${t.due} due, ${t.overdue} overdue of ${t.total}`,
    ['Requirement', 'Compliant', 'Expiring', 'Due', 'Overdue', 'Total'],
    rows,
    {
      labels: report.summary.map((s) => s.requirementName),
      series: [
        { name: 'Compliant', values: report.summary.map((s) => s.compliant), colour: '#2f855a' },
        { name: 'Expiring', values: report.summary.map((s) => s.expiring), colour: '#d69e2e' },
        { name: 'Overdue', values: report.summary.map((s) => s.overdue + s.due), colour: '#c53030' },
      ],
    },
  );
}

/** Training costs, or cost per learner of a programme or course, in a period. */
async function costsReply(
  turn: Turn,
  intent: IntentOf<'report'>,
  dept: Department,
  { from, to, words }: Period,
): Promise<Reply> {
  const kind = intent.slots.kind;
  let programmeId: string | undefined;
  let courseId: string | undefined;
  let subject = '';
  if (intent.slots.course) {
    const programme = await findProgramme(turn.deps, turn.actor, { text: intent.slots.course });
    if (programme) {
      programmeId = programme.id;
      subject = ` for ${programme.title}`;
    } else {
      const match = (await coursesMeant(turn, intent.slots.course))[0];
      if (match) {
        courseId = match.id;
        subject = ` for ${match.title}`;
      }
    }
  }
  const report = await costReport(turn.deps, turn.actor, {
    from,
    to,
    programmeId,
    courseId,
    departmentId: dept?.id,
  });
  if (kind === 'cost_per_learner' && programmeId) {
    const rows = report.programmes.map((p) => [
      p.title,
      money(p.total),
      String(p.registered),
      String(p.attended),
      money(p.perRegistered),
      money(p.perAttended),
    ]);
    return present(
      turn,
      intent,
      `Cost per learner${subject}, ${words}`,
      ['Programme', 'Total', 'Registered', 'Attended', 'Per registered', 'Per attended'],
      rows,
    );
  }
  const rows = report.sessions.map((s) => [
    `${s.courseTitle} (${day(turn, s.startsAt)})`,
    money(s.total),
    String(s.registered),
    String(s.attended),
    money(s.perRegistered),
    money(s.perAttended),
  ]);
  return present(
    turn,
    intent,
    `${kind === 'costs' ? 'Training costs' : 'Cost per learner'}${subject}, ${words}: total ${money(report.totals)}`,
    ['Session', 'Total', 'Registered', 'Attended', 'Per registered', 'Per attended'],
    rows,
  );
}

/** Attendance against registrations per session in a period. */
async function attendanceReply(
  turn: Turn,
  intent: IntentOf<'report'>,
  dept: Department,
  { from, to, words }: Period,
): Promise<Reply> {
  const courseId = intent.slots.course ? (await coursesMeant(turn, intent.slots.course))[0]?.id : undefined;
  const rows = await attendanceReport(turn.deps, turn.actor, {
    from,
    to,
    courseId,
    departmentId: dept?.id,
  });
  const registered = rows.reduce((n, r) => n + r.registered, 0);
  const attended = rows.reduce((n, r) => n + r.attended + r.partial, 0);
  return present(
    turn,
    intent,
    `Attendance vs registrations, ${words}: ${attended} of ${registered} attended`,
    ['Session', 'Registered', 'Attended', 'Partial', 'No-show', 'Rate'],
    rows.map((r) => [
      `${r.courseTitle} (${day(turn, r.startsAt)})`,
      String(r.registered),
      String(r.attended),
      String(r.partial),
      String(r.noShow),
      r.attendanceRate === null ? '—' : `${Math.round(r.attendanceRate * 100)}%`,
    ]),
    {
      labels: rows.map((r) => `${r.courseCode} ${day(turn, r.startsAt)}`),
      series: [
        { name: 'Registered', values: rows.map((r) => r.registered), colour: '#2b6cb0' },
        { name: 'Attended', values: rows.map((r) => r.attended + r.partial), colour: '#2f855a' },
      ],
    },
  );
}

/** Completions per course in a period; the use case decides whose. */
async function completionsReply(
  turn: Turn,
  intent: IntentOf<'report'>,
  dept: Department,
  { from, to, words }: Period,
): Promise<Reply> {
  let completions: Awaited<ReturnType<typeof completionsReport>>;
  try {
    completions = await completionsReport(turn.deps, turn.actor, { from, to, departmentId: dept?.id });
  } catch (error) {
    if (isAppError(error) && error.code === 'FORBIDDEN')
      return reply(error.userMessage, { next: [say('My learning', 'my learning')] });
    throw error;
  }
  const rows = completions.map((c) => [c.courseTitle, String(c.completions)]);
  return present(
    turn,
    intent,
    `Completions${dept ? ` in ${dept.name}` : ''}, ${words}`,
    ['Course', 'Completions'],
    rows,
    {
      labels: rows.map((r) => r[0]!),
      series: [{ name: 'Completions', values: rows.map((r) => Number(r[1])), colour: '#2b6cb0' }],
    },
  );
}
