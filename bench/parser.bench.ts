/**
 * The parser on its independent test set (never trained on): intent and slot accuracy, the
 * confusion and per-intent precision/recall; the held-out slice's figures; and parse
 * throughput (utterances/s) against chrono-node alone reading the same texts.
 */
import * as chrono from 'chrono-node';
import { intentModel } from '../src/conversation/parse/intent-model.ts';
import { normalise } from '../src/conversation/parse/normalise.ts';
import { loadUtterances, parseCase, printScore, scoreCases } from '../scripts/lib/parser-eval.ts';
import { REFERENCE_NOW } from '../test/unit/conversation/parser-cases.ts';
import { printComparison } from './lib/report.ts';

export default async function run(): Promise<void> {
  const trainingStarted = performance.now();
  intentModel(normalise);
  console.log(`model trained at start-up in ${(performance.now() - trainingStarted).toFixed(0)} ms`);

  const cases = loadUtterances('test-set.txt');
  console.log('\n## test set (hand-written, never trained on)');
  printScore(scoreCases(cases, 'understood'), { matrix: true });
  console.log('\n## held-out slice');
  printScore(scoreCases(loadUtterances('holdout.txt'), 'understood'), { failures: false });

  const rounds = 20;
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
    { label: 'parseMessage (rules + model + chrono + slots)', value: full, unit: 'utterances/s' },
    { label: 'chrono-node alone', value: chronoOnly, unit: 'utterances/s' },
    true,
  );
}
