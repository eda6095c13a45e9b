/** `npx tsx scripts/parser-accuracy.ts`: the parser's accuracy on its test set, with every failure. */
import { parserCases } from '../test/unit/conversation/parser-cases.ts';
import { printScore, scoreCases } from './lib/parser-eval.ts';

const score = scoreCases(parserCases());
printScore(score);
process.exit(score.intentCorrect / score.total >= 0.95 ? 0 : 1);
