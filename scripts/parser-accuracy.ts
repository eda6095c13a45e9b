/**
 * `npx tsx scripts/parser-accuracy.ts [fresh-test-4.txt|fresh-test-3.txt|fresh-test.txt|fresh-test-2.txt|fresh-dev.txt|test-set.txt|holdout.txt|examples]`:
 * the parser's accuracy with every failure, the confusion and per-intent precision/recall.
 * The never-read test set (fresh-test-4.txt) prints its summary only. The labelled sets are scored by the finer reading with a model trained without them;
 * `examples` is the older example set in test/unit/conversation/parser-cases.ts.
 */
import { isNeverRead, loadUtterances, printScore, scoreCases } from './lib/parser-eval.ts';
import { parserCases } from '../test/unit/conversation/parser-cases.ts';

const which = process.argv[2] ?? 'fresh-test.txt';
// The never-read test set prints its figures, confusion and per-intent recall, never its lines.
const hideLines = isNeverRead(which) || process.argv.includes('--summary');
const score =
  which === 'examples'
    ? scoreCases(parserCases(), 'intent')
    : scoreCases(loadUtterances(which), 'understood');
printScore(score, { matrix: which !== 'examples', failures: !hideLines });
process.exit(score.intentCorrect / score.total >= 0.95 ? 0 : 1);
