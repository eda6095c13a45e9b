/**
 * The parser's answers, pinned: every generated training utterance (per family), the example
 * set and every evaluation set must parse exactly as recorded in expected-parses.txt. A change
 * made for speed that moves any intent, slot, confidence or runner-up fails here. When an
 * answer is meant to change, regenerate the file with
 * `npx vitest run --project unit test/unit/conversation/parse/same-answers.test.ts -u`
 * and read the diff: it lists the utterances whose parse moved.
 */
import { expect, it } from 'vitest';
import { parseFingerprints } from '../../../../scripts/lib/parser-eval.ts';

it('every utterance of the corpus and the evaluation sets parses as recorded', async () => {
  await expect(parseFingerprints()).toMatchFileSnapshot('./expected-parses.txt');
}, 60_000);
