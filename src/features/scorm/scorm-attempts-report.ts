/**
 * Attempts at a course's online content, for admins: one row per attempt and SCO with its
 * status, score and time, the interactions and objectives the SCO recorded summarised beside
 * them, and one row per interaction for those who analyse questions. The same rows feed the
 * API's JSON and CSV and the chat report.
 */
import type { Deps } from '../../deps.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Actor } from '../people/actor.ts';
import { assertAdmin } from '../people/authorize.ts';
import { isUuid } from '../registrations/seat-store.ts';

export interface ScormAttemptsReportInput {
  courseId: string;
}

export interface AttemptScoRow {
  personName: string;
  email: string;
  attemptNumber: number;
  packageId: string;
  packageTitle: string;
  /** The attempt as a whole (its roll-up). */
  attemptStatus: string;
  attemptSuccess: string | null;
  attemptScoreScaled: string | null;
  startedAt: Date;
  lastActivityAt: Date;
  finishedAt: Date | null;
  scoIdentifier: string;
  scoTitle: string;
  /** Empty fields: the learner never opened this SCO in this attempt. */
  completionStatus: string | null;
  successStatus: string | null;
  scoreRaw: string | null;
  scoreScaled: string | null;
  timeSeconds: number;
  interactions: number;
  interactionsCorrect: number;
  /** "id=result" per interaction, in the order recorded. */
  interactionResults: string;
  /** "id: success/completion (scaled)" per objective. */
  objectives: string;
}

export interface InteractionRow {
  email: string;
  attemptNumber: number;
  scoIdentifier: string;
  id: string;
  type: string;
  result: string;
  response: string;
  weighting: string;
  latency: string;
  time: string;
  description: string;
}

export interface ScormAttemptsReport {
  courseId: string;
  courseCode: string;
  courseTitle: string;
  rows: AttemptScoRow[];
  interactions: InteractionRow[];
}

type Cmi = Record<string, unknown>;
const listOf = (value: unknown): Cmi[] => {
  if (Array.isArray(value)) return value.filter((v): v is Cmi => !!v && typeof v === 'object');
  if (!value || typeof value !== 'object') return [];
  const v = value as Cmi;
  // scorm-again serialises lists as { childArray: [...] } in some builds, keyed objects in others.
  if (Array.isArray(v.childArray)) return listOf(v.childArray);
  return Object.keys(v)
    .filter((k) => /^\d+$/.test(k))
    .sort((a, b) => Number(a) - Number(b))
    .map((k) => v[k])
    .filter((x): x is Cmi => !!x && typeof x === 'object');
};
const text = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
const dec = (value: { toString(): string } | null) => (value == null ? null : value.toString());

function objectiveWords(objective: Cmi): string {
  const success = text(objective.success_status) || text(objective.status);
  const completion = text(objective.completion_status);
  const score = (objective.score ?? {}) as Cmi;
  const scaled = text(score.scaled) || text(score.raw);
  const states = [success, completion].filter((s) => s && s !== 'unknown').join('/') || 'unknown';
  return `${text(objective.id)}: ${states}${scaled ? ` (${scaled})` : ''}`;
}

export async function scormAttemptsReport(
  deps: Deps,
  actor: Actor,
  input: ScormAttemptsReportInput,
): Promise<ScormAttemptsReport> {
  assertAdmin(actor, 'see attempt reports');
  const course = isUuid(input.courseId)
    ? await deps.db.prisma.course.findUnique({
        where: { id: input.courseId },
        select: { id: true, code: true, title: true },
      })
    : null;
  if (!course) throw new AppError('NOT_FOUND', 'That course does not exist.');
  const attempts = await deps.db.prisma.attempt.findMany({
    where: { courseId: course.id },
    orderBy: [{ person: { name: 'asc' } }, { personId: 'asc' }, { number: 'asc' }],
    include: {
      person: { select: { name: true, email: true } },
      package: {
        select: { id: true, title: true, scos: { orderBy: { position: 'asc' } } },
      },
      scoStates: true,
    },
  });
  const rows: AttemptScoRow[] = [];
  const interactions: InteractionRow[] = [];
  for (const attempt of attempts) {
    const states = new Map(attempt.scoStates.map((s) => [s.scoId, s]));
    for (const sco of attempt.package.scos) {
      const state = states.get(sco.id);
      const cmi = (state?.cmi ?? {}) as Cmi;
      const recorded = listOf(cmi.interactions);
      for (const i of recorded) {
        interactions.push({
          email: attempt.person.email,
          attemptNumber: attempt.number,
          scoIdentifier: sco.identifier,
          id: text(i.id),
          type: text(i.type),
          result: text(i.result),
          response: text(i.learner_response) || text(i.student_response),
          weighting: text(i.weighting),
          latency: text(i.latency),
          time: text(i.timestamp) || text(i.time),
          description: text(i.description),
        });
      }
      rows.push({
        personName: attempt.person.name,
        email: attempt.person.email,
        attemptNumber: attempt.number,
        packageId: attempt.package.id,
        packageTitle: attempt.package.title,
        attemptStatus: attempt.status,
        attemptSuccess: attempt.successStatus,
        attemptScoreScaled: dec(attempt.scoreScaled),
        startedAt: attempt.startedAt,
        lastActivityAt: attempt.lastActivityAt,
        finishedAt: attempt.finishedAt,
        scoIdentifier: sco.identifier,
        scoTitle: sco.title,
        completionStatus: state?.completionStatus ?? null,
        successStatus: state?.successStatus ?? null,
        scoreRaw: dec(state?.scoreRaw ?? null),
        scoreScaled: dec(state?.scoreScaled ?? null),
        timeSeconds: state?.totalTimeSeconds ?? 0,
        interactions: recorded.length,
        interactionsCorrect: recorded.filter((i) => i.result === 'correct').length,
        interactionResults: recorded.map((i) => `${text(i.id)}=${text(i.result) || '?'}`).join('; '),
        objectives: listOf(cmi.objectives).map(objectiveWords).join('; '),
      });
    }
  }
  return { courseId: course.id, courseCode: course.code, courseTitle: course.title, rows, interactions };
}

/** The columns of the per-SCO CSV, shared by the API and chat so both files read the same. */
export const ATTEMPT_CSV_COLUMNS = [
  'Person',
  'Email',
  'Attempt',
  'Package',
  'Attempt status',
  'Attempt success',
  'Attempt score (scaled)',
  'Started',
  'Last activity',
  'Finished',
  'SCO',
  'SCO title',
  'Completion',
  'Success',
  'Score (raw)',
  'Score (scaled)',
  'Time (s)',
  'Interactions',
  'Correct',
  'Interaction results',
  'Objectives',
] as const;

export function attemptCsvRow(r: AttemptScoRow): string[] {
  return [
    r.personName,
    r.email,
    String(r.attemptNumber),
    r.packageTitle,
    r.attemptStatus,
    r.attemptSuccess ?? '',
    r.attemptScoreScaled ?? '',
    r.startedAt.toISOString(),
    r.lastActivityAt.toISOString(),
    r.finishedAt?.toISOString() ?? '',
    r.scoIdentifier,
    r.scoTitle,
    r.completionStatus ?? '',
    r.successStatus ?? '',
    r.scoreRaw ?? '',
    r.scoreScaled ?? '',
    String(r.timeSeconds),
    String(r.interactions),
    String(r.interactionsCorrect),
    r.interactionResults,
    r.objectives,
  ];
}

export const INTERACTION_CSV_COLUMNS = [
  'Email',
  'Attempt',
  'SCO',
  'Interaction',
  'Type',
  'Result',
  'Response',
  'Weighting',
  'Latency',
  'Time',
  'Description',
] as const;

export function interactionCsvRow(i: InteractionRow): string[] {
  return [
    i.email,
    String(i.attemptNumber),
    i.scoIdentifier,
    i.id,
    i.type,
    i.result,
    i.response,
    i.weighting,
    i.latency,
    i.time,
    i.description,
  ];
}

/**
 * RFC 4180 text. Cells a spreadsheet would run as a formula (= + - @) are prefixed with a
 * quote: learner responses are free text. A plain negative number stays a number.
 */
export function csvText(columns: readonly string[], rows: string[][]): string {
  const cell = (value: string) => {
    const safe = /^[=+\-@\t\r]/.test(value) && !/^-\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
    return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return `${[columns, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
