/**
 * Parser accuracy on the test set, and parse throughput (utterances/s) against chrono-node
 * alone reading the same texts: the cost of the rules, normalisation and slot extraction on
 * top of the date parsing every message needs anyway.
 */
import * as chrono from 'chrono-node';
import { parserCases, REFERENCE_NOW } from '../test/unit/conversation/parser-cases.ts';
import { parseCase, printScore, scoreCases } from '../scripts/lib/parser-eval.ts';
import { printComparison } from './lib/report.ts';

export default async function run(): Promise<void> {
  const cases = parserCases();
  printScore(scoreCases(cases));
  const rounds = 10;
  const reference = new Date(REFERENCE_NOW);
  const measure = (work: () => void) => {
    work(); // warm-up
    const started = performance.now();
    for (let i = 0; i < rounds; i++) work();
    return (rounds * cases.length) / ((performance.now() - started) / 1000);
  };
  const full = measure(() => {
    for (const c of cases) parseCase(c);
  });
  const chronoOnly = measure(() => {
    for (const c of cases) chrono.en.GB.parse(c.text, reference, { forwardDate: true });
  });
  printComparison(
    `parse throughput (${cases.length} utterances × ${rounds})`,
    { label: 'parseMessage (rules + chrono + slots)', value: full, unit: 'utterances/s' },
    { label: 'chrono-node alone', value: chronoOnly, unit: 'utterances/s' },
    true,
  );
}
