/**
 * Imports external/imported certificates ("Anti-bribery, done with the provider") from a
 * CSV or parsed rows. Good rows are recorded; every other row gets its own clear answer and
 * nothing is silently dropped: unknown person or course, bad or future dates, expiry before
 * completion, a row repeated within the file, or a certificate already imported. Re-importing
 * the same file is harmless (the external reference makes each row idempotent).
 *
 * CSV columns (header row, any order): email, course_code, completed_at, expires_at?,
 * certificate_ref?, score?
 */
import type { Deps } from '../../deps.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError, isAppError } from '../../shared/app-error.ts';
import { actorIdOf, type Actor } from '../people/actor.ts';
import { assertAdmin } from '../people/authorize.ts';
import { parseCsv } from './parse-csv.ts';
import { EARLIEST_COMPLETION, isValidScore, recordCompletion } from './record-completion.ts';

export interface ImportRow {
  email: string;
  courseCode: string;
  /** ISO date or date-time; a bare date means midnight UTC. */
  completedAt: string;
  expiresAt?: string;
  certificateRef?: string;
  score?: string;
}

export type ImportRowOutcome =
  | { line: number; status: 'imported'; completionId: string }
  | { line: number; status: 'already_imported'; completionId: string }
  /** Dry run only: the row is valid and would be imported. */
  | { line: number; status: 'would_import' }
  | { line: number; status: 'duplicate_in_file'; duplicateOfLine: number }
  | { line: number; status: 'rejected'; reason: string };

export interface ImportCompletionsResult {
  kind: 'imported' | 'dry_run';
  imported: number;
  alreadyImported: number;
  duplicates: number;
  rejected: number;
  rows: ImportRowOutcome[];
}

const MAX_ROWS = 20_000;
const HEADERS: Record<string, keyof ImportRow> = {
  email: 'email',
  course_code: 'courseCode',
  course: 'courseCode',
  completed_at: 'completedAt',
  completed: 'completedAt',
  expires_at: 'expiresAt',
  expires: 'expiresAt',
  certificate_ref: 'certificateRef',
  certificate: 'certificateRef',
  score: 'score',
};

export function rowsFromCsv(csv: string): ImportRow[] {
  const [header, ...body] = parseCsv(csv);
  if (!header) throw new AppError('VALIDATION', 'The file is empty.');
  const keys = header.map(
    (h) =>
      HEADERS[
        h
          .trim()
          .toLowerCase()
          .replace(/[\s-]+/g, '_')
      ],
  );
  for (const required of ['email', 'courseCode', 'completedAt'] as const) {
    if (!keys.includes(required))
      throw new AppError(
        'VALIDATION',
        `The CSV needs a ${required === 'courseCode' ? 'course_code' : required === 'completedAt' ? 'completed_at' : 'email'} column.`,
      );
  }
  return body.map((cells) => {
    const row: Partial<ImportRow> = {};
    keys.forEach((key, i) => {
      if (key && cells[i]?.trim()) row[key] = cells[i]!.trim();
    });
    return {
      email: row.email ?? '',
      courseCode: row.courseCode ?? '',
      completedAt: row.completedAt ?? '',
      ...row,
    };
  });
}

export async function importCompletions(
  deps: Deps,
  actor: Actor,
  input: { rows?: ImportRow[]; csv?: string; dryRun?: boolean },
): Promise<ImportCompletionsResult> {
  assertAdmin(actor, 'import completions');
  const rows = input.rows ?? (input.csv !== undefined ? rowsFromCsv(input.csv) : []);
  if (rows.length === 0) throw new AppError('VALIDATION', 'There are no rows to import.');
  if (rows.length > MAX_ROWS)
    throw new AppError('VALIDATION', `Import at most ${MAX_ROWS.toLocaleString('en-GB')} rows at a time.`);
  const now = deps.clock.now();
  const db = deps.db.prisma;
  // Line numbers as a person sees them in the file: the header is line 1.
  const lineOf = (i: number) => i + 2;

  const emails = [...new Set(rows.map((r) => r.email.trim().toLowerCase()))];
  const codes = [...new Set(rows.map((r) => r.courseCode.trim().toUpperCase()))];
  const [people, courses] = await Promise.all([
    db.person.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } }),
    db.course.findMany({ where: { code: { in: codes } }, select: { id: true, code: true } }),
  ]);
  const personBy = new Map(people.map((p) => [p.email, p.id]));
  const courseBy = new Map(courses.map((c) => [c.code.toUpperCase(), c.id]));

  const outcomes: ImportRowOutcome[] = [];
  const accepted: {
    line: number;
    personId: string;
    courseId: string;
    completedAt: Date;
    expiresAt: Date | null;
    ref: string;
    score: number | null;
  }[] = [];
  const seen = new Map<string, number>();
  rows.forEach((row, i) => {
    const line = lineOf(i);
    const reject = (reason: string) => outcomes.push({ line, status: 'rejected', reason });
    const email = row.email.trim().toLowerCase();
    const code = row.courseCode.trim().toUpperCase();
    const personId = personBy.get(email);
    const courseId = courseBy.get(code);
    if (!email) return reject('The e-mail is missing.');
    if (!personId) return reject(`Nobody with the e-mail ${email} is known to Rollcall.`);
    if (!code) return reject('The course code is missing.');
    if (!courseId) return reject(`There is no course with the code ${code}.`);
    const completedAt = parseDate(row.completedAt);
    if (!completedAt) return reject(`"${row.completedAt}" is not a date (use YYYY-MM-DD).`);
    if (completedAt > now) return reject('The completion date is in the future.');
    if (completedAt < EARLIEST_COMPLETION) return reject('The completion date is before 1970.');
    const expiresAt = row.expiresAt ? parseDate(row.expiresAt) : null;
    if (row.expiresAt && !expiresAt) return reject(`"${row.expiresAt}" is not a date (use YYYY-MM-DD).`);
    if (expiresAt && expiresAt <= completedAt)
      return reject('The expiry date is not after the completion date.');
    const score = row.score ? Number(row.score) : null;
    if (score !== null && !isValidScore(score)) return reject(`"${row.score}" is not a score.`);
    // Without a certificate reference, person + course + date identify the row.
    const ref = row.certificateRef?.trim() || `import:${completedAt.toISOString().slice(0, 10)}`;
    const key = `${personId}|${courseId}|${ref}`;
    const earlier = seen.get(key);
    if (earlier) return outcomes.push({ line, status: 'duplicate_in_file', duplicateOfLine: earlier });
    seen.set(key, line);
    accepted.push({ line, personId, courseId, completedAt, expiresAt, ref, score });
  });

  if (!input.dryRun && accepted.length > 0) {
    // One transaction: an import either lands whole (its accepted rows) or not at all.
    await inTransaction(db, async (tx) => {
      for (const row of accepted) {
        try {
          const result = await recordCompletion(tx, deps.clock, {
            personId: row.personId,
            courseId: row.courseId,
            source: 'external',
            completedAt: row.completedAt,
            expiresAt: row.expiresAt ?? undefined,
            score: row.score,
            externalRef: row.ref,
            recordedById: actorIdOf(actor),
          });
          outcomes.push({
            line: row.line,
            status: result.kind === 'recorded' ? 'imported' : 'already_imported',
            completionId: result.completionId,
          });
        } catch (error) {
          // Validation is repeated inside recordCompletion; anything it still refuses is a row answer.
          if (isAppError(error) && error.code === 'VALIDATION')
            outcomes.push({ line: row.line, status: 'rejected', reason: error.userMessage });
          else throw error;
        }
      }
    });
  }
  outcomes.sort((a, b) => a.line - b.line);
  const count = (status: ImportRowOutcome['status']) => outcomes.filter((o) => o.status === status).length;
  return {
    kind: input.dryRun ? 'dry_run' : 'imported',
    imported: count('imported'),
    alreadyImported: count('already_imported'),
    duplicates: count('duplicate_in_file'),
    rejected: count('rejected'),
    rows: input.dryRun
      ? [...outcomes, ...accepted.map((a) => ({ line: a.line, status: 'would_import' as const }))].sort(
          (a, b) => a.line - b.line,
        )
      : outcomes,
  };
}

function parseDate(text: string): Date | null {
  const t = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(t)) return null;
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(t) ? `${t}T00:00:00Z` : t.replace(' ', 'T'));
  return Number.isNaN(d.getTime()) ? null : d;
}
