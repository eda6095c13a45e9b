/**
 * `npx tsx scripts/parser-accuracy.ts [fresh-test.txt|fresh-test-2.txt|fresh-dev.txt|test-set.txt|holdout.txt|examples]`: the parser's
 * accuracy with every failure, the confusion and per-intent precision/recall. The test set
 * and the held-out slice are scored by the finer reading with a model trained without them;
 * `examples` is the older example set in test/unit/conversation/parser-cases.ts.
 */
import { loadUtterances, printScore, scoreCases } from './lib/parser-eval.ts';
import { parserCases } from '../test/unit/conversation/parser-cases.ts';

const which = process.argv[2] ?? 'fresh-test.txt';
// The never-read test sets print its figures, confusion and per-intent recall, never its lines.
const hideLines = which.startsWith('fresh-test') || process.argv.includes('--summary');
const score =
  which === 'examples'
    ? scoreCases(parserCases(), 'intent')
    : scoreCases(loadUtterances(which), 'understood');
printScore(score, { matrix: which !== 'examples', failures: !hideLines });
process.exit(score.intentCorrect / score.total >= 0.95 ? 0 : 1);
