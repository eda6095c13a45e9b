/**
 * `npx tsx scripts/parser-accuracy.ts [test-set.txt|holdout.txt|examples]`: the parser's
 * accuracy with every failure, the confusion and per-intent precision/recall. The test set
 * and the held-out slice are scored by the finer reading with a model trained without them;
 * `examples` is the older example set in test/unit/conversation/parser-cases.ts.
 */
import { loadUtterances, printScore, scoreCases } from './lib/parser-eval.ts';
import { parserCases } from '../test/unit/conversation/parser-cases.ts';

const which = process.argv[2] ?? 'test-set.txt';
const score =
  which === 'examples'
    ? scoreCases(parserCases(), 'intent')
    : scoreCases(loadUtterances(which), 'understood');
printScore(score, { matrix: which !== 'examples' });
process.exit(score.intentCorrect / score.total >= 0.95 ? 0 : 1);
