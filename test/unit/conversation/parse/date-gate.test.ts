/**
 * `mayHoldDate` decides whether a message is worth giving to chrono-node, the slowest step of
 * a parse. Over every text the parser is trained or measured on, in two zones, a message it
 * turns away must be one `findDate` reads nothing in — except the few readings listed here,
 * which the parser has always left out (a bare "now" is no session date; "the next 30 days"
 * and "within 30 days" are read as a compliance window, not a date). A narrower gate that
 * drops a real date fails.
 */
import { expect, it } from 'vitest';
import { EVALUATION_SETS, isNeverRead, loadUtterances } from '../../../../scripts/lib/parser-eval.ts';
import { findDate, mayHoldDate } from '../../../../src/conversation/parse/dates.ts';
import { CORPUS_PER_TEMPLATE } from '../../../../src/conversation/parse/intent-model.ts';
import { normalise } from '../../../../src/conversation/parse/normalise.ts';
import { generateCorpus } from '../../../../src/conversation/parse/training/generate-corpus.ts';
import { parserCases } from '../parser-cases.ts';

/** What findDate would read in a turned-away message today: the gate has always skipped these. */
const LEFT_OUT = /^(now|(last )?night|(the next|within) \d+ days|an hour|a day|\d+ mins|the hr|\d+ to \d+)$/;

it('the date gate turns away no message findDate would read a date in', () => {
  // Text → how a failure names it: a never-read set's lines by number only, so none is read here.
  const texts = new Map<string, string>();
  for (const u of generateCorpus(CORPUS_PER_TEMPLATE)) texts.set(normalise(u.text), `"${u.text}"`);
  for (const c of parserCases()) texts.set(normalise(c.text), `"${c.text}"`);
  for (const file of EVALUATION_SETS)
    for (const [i, c] of loadUtterances(file).entries())
      texts.set(normalise(c.text), isNeverRead(file) ? `${file}:${i + 1}` : `"${c.text}"`);
  const now = new Date('2026-11-28T09:00:00Z');
  const skippedDates: string[] = [];
  let turnedAway = 0;
  for (const [text, name] of texts) {
    if (mayHoldDate(text)) continue;
    turnedAway += 1;
    for (const timeZone of ['Europe/London', 'America/New_York']) {
      const found = findDate(text, { now, timeZone });
      if (found && !LEFT_OUT.test(found.range.text ?? ''))
        skippedDates.push(name.startsWith('"') ? `${name} → ${found.range.text}` : name);
    }
  }
  expect(skippedDates).toEqual([]);
  // The gate does turn most messages away (it is what keeps chrono off the common path).
  expect(turnedAway).toBeGreaterThan(texts.size / 2);
}, 60_000);
