/**
 * Runs the parser over the test set and scores it: intent accuracy, and slot accuracy over
 * the slots each case names. Shared by the unit test, the accuracy script and the bench.
 */
import { parseMessage } from '../../src/conversation/parse/parse-message.ts';
import type { ParsedMessage } from '../../src/conversation/parse/intents.ts';
import { toLocal } from '../../src/shared/time.ts';
import { REFERENCE_NOW, type ParserCase } from '../../test/unit/conversation/parser-cases.ts';

export interface Failure {
  text: string;
  expected: string;
  got: string;
  kind: 'intent' | 'slot';
}

export interface Score {
  total: number;
  intentCorrect: number;
  slotChecks: number;
  slotCorrect: number;
  failures: Failure[];
}

export function parseCase(c: ParserCase): ParsedMessage {
  return parseMessage(c.text, { now: new Date(c.now ?? REFERENCE_NOW), timeZone: c.tz ?? 'Europe/London' });
}

export function scoreCases(cases: ParserCase[]): Score {
  const score: Score = { total: cases.length, intentCorrect: 0, slotChecks: 0, slotCorrect: 0, failures: [] };
  for (const c of cases) {
    const parsed = parseCase(c);
    if (parsed.intent !== c.intent) {
      score.failures.push({ text: c.text, expected: c.intent, got: parsed.intent, kind: 'intent' });
      continue;
    }
    score.intentCorrect += 1;
    for (const [key, expected, actual] of slotChecks(c, parsed)) {
      score.slotChecks += 1;
      const ok =
        key === 'course'
          ? typeof actual === 'string' && actual.toLowerCase().includes(String(expected).toLowerCase())
          : actual === expected;
      if (ok) score.slotCorrect += 1;
      else
        score.failures.push({
          text: c.text,
          expected: `${key}=${expected}`,
          got: `${key}=${JSON.stringify(actual)}`,
          kind: 'slot',
        });
    }
  }
  return score;
}

function slotChecks(c: ParserCase, parsed: ParsedMessage): [string, unknown, unknown][] {
  const s = parsed.slots as Record<string, any>;
  const checks: [string, unknown, unknown][] = [];
  const check = (key: keyof ParserCase, actual: unknown) => {
    if (c[key] !== undefined) checks.push([key, c[key], actual]);
  };
  check('course', s.course);
  check('person', s.person?.name);
  check('team', s.person?.kind === 'team');
  const range = s.when ?? s.period;
  if (c.day !== undefined) {
    const tz = c.tz ?? 'Europe/London';
    const local = range ? toLocal(new Date(range.from), tz) : undefined;
    const day = local
      ? `${local.year}-${String(local.month).padStart(2, '0')}-${String(local.day).padStart(2, '0')}`
      : undefined;
    checks.push(['day', c.day, day]);
  }
  check('filter', s.filter);
  check('amount', s.money?.amount);
  check('currency', s.money?.currency);
  check('category', s.category);
  check('weekday', s.recurrence?.weekday);
  check('count', s.recurrence?.count);
  check('interval', s.recurrence?.interval);
  check('startTime', s.startTime);
  check('capacity', s.capacity);
  check('kind', s.kind);
  check('format', s.format);
  check('withinDays', s.withinDays);
  check('status', s.status);
  check('decision', s.decision);
  check('audience', s.audience);
  check('ref', s.ref);
  check('ordinal', s.ordinal);
  check('department', s.department);
  return checks;
}

export function printScore(score: Score): void {
  const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;
  console.log(`utterances: ${score.total}`);
  console.log(
    `intent accuracy: ${score.intentCorrect}/${score.total} = ${pct(score.intentCorrect, score.total)}`,
  );
  console.log(
    `slot accuracy (on correctly classified): ${score.slotCorrect}/${score.slotChecks} = ${pct(score.slotCorrect, score.slotChecks)}`,
  );
  if (score.failures.length) {
    console.log(`failures (${score.failures.length}):`);
    for (const f of score.failures)
      console.log(`  [${f.kind}] ${JSON.stringify(f.text)}: expected ${f.expected}, got ${f.got}`);
  }
}
