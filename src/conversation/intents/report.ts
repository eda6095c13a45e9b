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
import {
  ATTEMPT_CSV_COLUMNS,
  INTERACTION_CSV_COLUMNS,
  attemptCsvRow,
  interactionCsvRow,
  scormAttemptsReport,
} from '../../features/scorm/index.ts';
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
  new Intl.DateTimeFormat(turn.locale, {
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

/** What a report shows: the same rows feed the table, the CSV and the chart. */
interface ReportTable {
  columns: string[];
  rows: string[][];
  /** The last rows of the table and of the CSV (one per currency for money): what the headline counts. */
  totals?: string[][];
}

/** The phrase that asks for this same report again (filters kept) in another format. */
function askAgain(intent: IntentOf<'report'>, format: 'csv' | 'a chart', about?: string): string {
  const { kind = 'compliance', course, department, period } = intent.slots;
  return [
    `${kind.replace(/_/g, ' ')} report`,
    course ? `for the ${course} ${about ?? 'course'}` : '',
    department ? `for ${department}` : '',
    period?.text ?? '',
    `as ${format}`,
  ]
    .filter(Boolean)
    .join(' ');
}

function present(
  _turn: Turn,
  intent: IntentOf<'report'>,
  title: string,
  table: ReportTable,
  options: {
    /** The CSV when it differs from the table (amounts as numbers, currency apart). */
    csv?: ReportTable;
    chart?: { labels: string[]; series: { name: string; values: number[]; colour: string }[] };
    /** What the course words named ("programme" or "course"), so a button asks for the same. */
    about?: string;
    /** More CSV files sent with the main one (e.g. one row per person). */
    moreCsv?: { name: string; table: ReportTable }[];
  } = {},
): Reply {
  const { chart } = options;
  const format = intent.slots.format ?? 'table';
  const slug = title
    .replace(/:.*$/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const csv = options.csv ?? table;
  const withTotals = (t: ReportTable) => [...t.rows, ...(t.totals ?? [])];
  const files =
    format === 'csv'
      ? [
          csvFile(`${slug}.csv`, csv.columns, withTotals(csv), title),
          ...(options.moreCsv ?? []).map((m) =>
            csvFile(`${slug}-${m.name}.csv`, m.table.columns, withTotals(m.table), `${title} (${m.name})`),
          ),
        ]
      : format === 'chart' && chart
        ? [barChartFile(`${slug}.svg`, title, chart.labels, chart.series)]
        : [];
  const note =
    format === 'pdf'
      ? ' (PDF is not available for this report; here it is as a table, and as CSV on request.)'
      : format === 'chart' && !chart
        ? ' (no chart for this one)'
        : '';
  const rows = table.rows.slice(0, 50);
  return reply(`${title}${table.rows.length ? '' : ': nothing to report.'}${note}`, {
    blocks:
      table.rows.length && format !== 'csv'
        ? [{ type: 'table', columns: table.columns, rows: [...rows, ...(table.totals ?? [])] }]
        : [],
    files,
    next: [
      ...(format !== 'csv' ? [say('As CSV', askAgain(intent, 'csv', options.about))] : []),
      ...(format !== 'chart' && chart ? [say('As a chart', askAgain(intent, 'a chart', options.about))] : []),
      say('Other reports', 'help'),
    ],
  });
}

export const handleReport: IntentHandler<'report'> = async (turn, intent) => {
  // "Attempts report for GDPR as CSV": per-SCO attempts of one eLearning course.
  if (intent.slots.kind === 'scorm_attempts') return scormAttemptsReply(turn, intent);
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
    return present(turn, intent, `Expiring training for ${whose}`, {
      columns: ['Person', 'Department', 'Requirement', 'Expires'],
      rows,
      totals: [['Total', '', `${rows.length}`, '']],
    });
  }
  const report = await complianceReport(turn.deps, turn.actor, {
    scope,
    detail: intent.slots.format === 'csv' ? 'rows' : 'summary',
  });
  const t = report.totals;
  const detail = (report.rows ?? []).map((r) => [
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
    `Compliance for ${whose}: ${t.compliant} compliant, ${t.expiring} expiring, ${t.due} due, ${t.overdue} overdue of ${t.total}`,
    {
      columns: ['Requirement', 'Compliant', 'Expiring', 'Due', 'Overdue', 'Total'],
      rows: report.summary.map((s) => [
        s.requirementName,
        String(s.compliant),
        String(s.expiring),
        String(s.due),
        String(s.overdue),
        String(s.total),
      ]),
      totals: [
        ['Total', String(t.compliant), String(t.expiring), String(t.due), String(t.overdue), String(t.total)],
      ],
    },
    {
      chart: {
        labels: report.summary.map((s) => s.requirementName),
        series: [
          { name: 'Compliant', values: report.summary.map((s) => s.compliant), colour: '#2f855a' },
          { name: 'Expiring', values: report.summary.map((s) => s.expiring), colour: '#d69e2e' },
          { name: 'Due', values: report.summary.map((s) => s.due), colour: '#dd6b20' },
          { name: 'Overdue', values: report.summary.map((s) => s.overdue), colour: '#c53030' },
        ],
      },
      moreCsv: report.rows
        ? [
            {
              name: 'people',
              table: {
                columns: [
                  'Person',
                  'Email',
                  'Department',
                  'Requirement code',
                  'Requirement',
                  'Status',
                  'Expires',
                  'Due',
                ],
                rows: detail,
                totals: [['Total', '', '', '', `${detail.length}`, '', '', '']],
              },
            },
          ]
        : [],
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
  const costRows: CostRow[] =
    kind === 'cost_per_learner' && programmeId
      ? report.programmes.map((p) => ({ label: p.title, ...p }))
      : [
          ...report.sessions.map((s) => ({ label: `${s.courseTitle} (${day(turn, s.startsAt)})`, ...s })),
          // A cost booked on a programme itself is in the total, so it is a row of its own.
          ...report.programmeOwn.map((p) => ({
            label: `${p.title} (programme costs)`,
            total: p.total,
            registered: 0,
            attended: 0,
            perRegistered: {},
            perAttended: {},
          })),
        ];
  const registered = costRows.reduce((n, r) => n + r.registered, 0);
  const attended = costRows.reduce((n, r) => n + r.attended, 0);
  const first = kind === 'cost_per_learner' && programmeId ? 'Programme' : 'Session';
  const per = (total: string, n: number) => (n > 0 ? (Number(total) / n).toFixed(2) : '');
  const currencies = Object.keys(report.totals);
  return present(
    turn,
    intent,
    `${kind === 'costs' ? 'Training costs' : 'Cost per learner'}${subject}, ${words}: total ${money(report.totals)}`,
    {
      columns: [first, 'Total', 'Registered', 'Attended', 'Per registered', 'Per attended'],
      rows: costRows.map((r) => [
        r.label,
        money(r.total),
        String(r.registered),
        String(r.attended),
        money(r.perRegistered),
        money(r.perAttended),
      ]),
      totals: [['Total', money(report.totals), String(registered), String(attended), '', '']],
    },
    {
      about: programmeId ? 'programme' : 'course',
      // Amounts as numbers, the currency in a column of its own: one row per currency spent.
      csv: {
        columns: [first, 'Currency', 'Total', 'Registered', 'Attended', 'Per registered', 'Per attended'],
        rows: costRows.flatMap((r) => {
          const spent = Object.entries(r.total);
          const lines: [string, string][] = spent.length
            ? spent
            : [[currencies.length === 1 ? currencies[0]! : '', '0.00']];
          return lines.map(([currency, amount]) => [
            r.label,
            currency,
            amount,
            String(r.registered),
            String(r.attended),
            r.perRegistered[currency] ?? '',
            r.perAttended[currency] ?? '',
          ]);
        }),
        totals: currencies.length
          ? currencies.map((c) => [
              'Total',
              c,
              report.totals[c]!,
              String(registered),
              String(attended),
              per(report.totals[c]!, registered),
              per(report.totals[c]!, attended),
            ])
          : [['Total', '', '0.00', String(registered), String(attended), '', '']],
      },
    },
  );
}

interface CostRow {
  label: string;
  total: MoneyByCurrency;
  registered: number;
  attended: number;
  perRegistered: MoneyByCurrency;
  perAttended: MoneyByCurrency;
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
  const sum = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((n, r) => n + pick(r), 0);
  const registered = sum((r) => r.registered);
  const attended = sum((r) => r.attended);
  const partial = sum((r) => r.partial);
  const noShow = sum((r) => r.noShow);
  const rate = (n: number, of: number) => (of > 0 ? `${Math.round((n * 100) / of)}%` : '—');
  // "Attended" means the same in the headline, every row, the totals and the chart: fully
  // attended. Partial attendance is its own column and its own bar.
  return present(
    turn,
    intent,
    `Attendance vs registrations, ${words}: ${attended} of ${registered} attended`,
    {
      columns: ['Session', 'Registered', 'Attended', 'Partial', 'No-show', 'Rate'],
      rows: rows.map((r) => [
        `${r.courseTitle} (${day(turn, r.startsAt)})`,
        String(r.registered),
        String(r.attended),
        String(r.partial),
        String(r.noShow),
        rate(r.attended, r.registered),
      ]),
      totals: [
        [
          'Total',
          String(registered),
          String(attended),
          String(partial),
          String(noShow),
          rate(attended, registered),
        ],
      ],
    },
    {
      chart: {
        labels: rows.map((r) => `${r.courseCode} ${day(turn, r.startsAt)}`),
        series: [
          { name: 'Registered', values: rows.map((r) => r.registered), colour: '#2b6cb0' },
          { name: 'Attended', values: rows.map((r) => r.attended), colour: '#2f855a' },
          { name: 'Partial', values: rows.map((r) => r.partial), colour: '#d69e2e' },
        ],
      },
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
  const total = completions.reduce((n, c) => n + c.completions, 0);
  return present(
    turn,
    intent,
    `Completions${dept ? ` in ${dept.name}` : ''}, ${words}`,
    { columns: ['Course', 'Completions'], rows, totals: [['Total', String(total)]] },
    {
      chart: {
        labels: rows.map((r) => r[0]!),
        series: [{ name: 'Completions', values: rows.map((r) => Number(r[1])), colour: '#2b6cb0' }],
      },
    },
  );
}

/** Attempts at one course's online content: per SCO status, score, time, interactions, objectives. */
async function scormAttemptsReply(turn: Turn, intent: IntentOf<'report'>): Promise<Reply> {
  if (!intent.slots.course)
    return reply('Which course? For example: "attempts report for GDPR as CSV".', {
      next: [say('Other reports', 'help')],
    });
  const match = (await coursesMeant(turn, intent.slots.course))[0];
  if (!match) return reply(`I found no course called "${intent.slots.course}".`);
  let report: Awaited<ReturnType<typeof scormAttemptsReport>>;
  try {
    report = await scormAttemptsReport(turn.deps, turn.actor, { courseId: match.id });
  } catch (error) {
    if (isAppError(error) && error.code === 'FORBIDDEN')
      return reply(error.userMessage, { next: [say('My learning', 'my learning')] });
    throw error;
  }
  const attempts = new Set(report.rows.map((r) => `${r.email}#${r.attemptNumber}`)).size;
  const finished = new Set(
    report.rows.filter((r) => r.finishedAt).map((r) => `${r.email}#${r.attemptNumber}`),
  ).size;
  const minutes = (s: number) => `${Math.round(s / 60)} min`;
  return present(
    turn,
    intent,
    `Attempts at ${report.courseTitle}: ${attempts} attempt${attempts === 1 ? '' : 's'}, ${finished} finished`,
    {
      columns: ['Person', 'Attempt', 'SCO', 'Completion', 'Success', 'Score', 'Time', 'Interactions'],
      rows: report.rows.map((r) => [
        r.personName,
        String(r.attemptNumber),
        r.scoTitle,
        r.completionStatus ?? '',
        r.successStatus ?? '',
        r.scoreRaw ?? r.scoreScaled ?? '',
        minutes(r.timeSeconds),
        `${r.interactionsCorrect}/${r.interactions} correct`,
      ]),
    },
    {
      csv: { columns: [...ATTEMPT_CSV_COLUMNS], rows: report.rows.map(attemptCsvRow) },
      moreCsv: report.interactions.length
        ? [
            {
              name: 'interactions',
              table: {
                columns: [...INTERACTION_CSV_COLUMNS],
                rows: report.interactions.map(interactionCsvRow),
              },
            },
          ]
        : [],
    },
  );
}
