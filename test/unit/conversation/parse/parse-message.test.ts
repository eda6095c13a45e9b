/**
 * The parse result beyond the intent: confidence and runners-up, the finer readings, other
 * languages, follow-ups that point back at the last list or draft, references that are never
 * course names, extractors that keep signs and magnitudes, and the guard that the test set
 * never leaks into training.
 */
import { describe, expect, it } from 'vitest';
import { CORPUS_PER_TEMPLATE } from '../../../../src/conversation/parse/intent-model.ts';
import { INTENT_NAMES, ZIntent } from '../../../../src/conversation/parse/intents.ts';
import { normalise } from '../../../../src/conversation/parse/normalise.ts';
import { parseMessage } from '../../../../src/conversation/parse/parse-message.ts';
import { generateCorpus } from '../../../../src/conversation/parse/training/generate-corpus.ts';
import { findCapacity, findMoney } from '../../../../src/conversation/parse/extract.ts';
import { evaluationCorpus, evaluationTexts, loadUtterances } from '../../../../scripts/lib/parser-eval.ts';

const now = new Date('2026-11-28T09:00:00Z'); // Saturday
const ctx = { now, timeZone: 'Europe/London' };
const parse = (text: string) => parseMessage(text, ctx);
const day = (iso: string | undefined) => iso?.slice(0, 10);

describe('the test set stays out of training', () => {
  it('no test or held-out utterance appears in the evaluated model’s corpus, even after normalising', () => {
    const { corpus, dropped } = evaluationCorpus();
    const trained = new Set(corpus.map((u) => normalise(u.text)));
    expect(evaluationTexts().filter((text) => trained.has(normalise(text)))).toEqual([]);
    // What was dropped is a small part of the corpus, not a hollowed-out one.
    expect(dropped).toBeLessThan(corpus.length / 20);
    expect(generateCorpus(CORPUS_PER_TEMPLATE).length).toBe(corpus.length + dropped);
  });
  it('the test set has at least 400 utterances and the held-out slice its own', () => {
    expect(loadUtterances('test-set.txt').length).toBeGreaterThanOrEqual(400);
    expect(loadUtterances('holdout.txt').length).toBeGreaterThanOrEqual(50);
  });
});

describe('confidence and alternatives', () => {
  it('a clear request is placed with high confidence and no more than three runners-up', () => {
    const p = parse('book me on first aid next tuesday');
    expect(p.intent).toBe('book_session');
    expect(p.confidence).toBeGreaterThan(0.5);
    expect(p.alternatives.length).toBeLessThanOrEqual(3);
    for (const a of p.alternatives) expect(a.confidence).toBeLessThanOrEqual(p.confidence);
  });
  it('an unclear message has lower confidence and offers its likeliest other readings', () => {
    const p = parse('forklift team');
    expect(p.confidence).toBeLessThan(parse('book me on forklift').confidence);
    expect(p.alternatives.length).toBeGreaterThan(0);
  });
  it('no intent schema adds a slot to an empty set, so the parse may skip the schema then', () => {
    // A failure (a required slot missing) also ends in no slots: the parse drops what fails.
    for (const intent of INTENT_NAMES) {
      const checked = ZIntent.safeParse({ intent, slots: {} });
      if (checked.success) expect(checked.data, intent).toEqual({ intent, slots: {} });
    }
  });
  it('the result always validates against the intent schema', () => {
    for (const text of ['hi', 'cancel that', 'the second one', '-£400 for the venue', 'qwerty uiop']) {
      const p = parse(text);
      expect(ZIntent.safeParse({ intent: p.intent, slots: p.slots }).success, text).toBe(true);
    }
  });
});

describe('readings without a handler of their own', () => {
  it('small talk is its own reading and is answered as help', () => {
    for (const text of ['thanks!', 'cheers', 'hello there', 'you are brilliant']) {
      const p = parse(text);
      expect(p.understood, text).toBe('small_talk');
      expect(p.intent, text).toBe('help');
    }
  });
  it('out-of-domain questions are not read as a session search', () => {
    const p = parse("what's the weather in leeds tomorrow");
    expect(p.understood).toBe('out_of_domain');
    expect(p.intent).toBe('unknown');
  });
  it('a word that names a property every object has is read like any other word', () => {
    for (const text of ['constructor', '__proto__']) {
      const p = parse(text);
      expect(p.intent, text).toBe('unknown');
      expect(p.understood, text).toBe('unknown');
    }
  });
  it('a request to open the browser chat is an exact rule', () => {
    expect(parse('open rollcall in my browser').understood).toBe('open_web_chat');
  });
  it('capacity changes keep the exact number asked for', () => {
    const p = parse('set the capacity of first aid to 99999999999 seats');
    expect(p.intent).toBe('change_capacity');
    expect((p.slots as { capacity?: number }).capacity).toBe(99999999999);
  });
});

describe('other languages', () => {
  it.each([
    ['quiero reservar el curso de primeros auxilios', 'es'],
    ['je voudrais annuler mon inscription', 'fr'],
  ])('"%s" is marked %s and not guessed at', (text, language) => {
    const p = parse(text);
    expect(p.language).toBe(language);
    expect(p.intent).toBe('unknown');
  });
  it('short English messages are never marked foreign', () => {
    for (const text of ['first aid pls', '🚑 first aid pls 🙏', 'lol', 'gdpr?'])
      expect(parse(text).language).toBeUndefined();
  });
});

describe('references are never course names', () => {
  it.each([
    ['show overdue training for my team', 'team_compliance'],
    ['who in my team is overdue?', 'team_compliance'],
    ['forklift compliance for my lot pls', 'team_compliance'],
  ])('"%s" is %s with no course made of the team words', (text, intent) => {
    const p = parse(text);
    expect(p.intent).toBe(intent);
    const course = (p.slots as { course?: string }).course;
    expect(course ?? '').not.toMatch(/\b(my|team|lot)\b/);
  });
  it('"oops cancel that" cancels what was last shown, with no course "oops"', () => {
    const p = parse('oops cancel that');
    expect(p.intent).toBe('cancel_booking');
    expect(p.slots).toEqual({ ref: 'it' });
    expect(p.followUp).toEqual({ kind: 'that' });
  });
  it('"decline it" is a decision about what was last shown', () => {
    const p = parse('decline it');
    expect(p.intent === 'approve_request' && p.slots.decision).toBe('decline');
    expect(p.followUp).toEqual({ kind: 'that' });
  });
});

describe('follow-ups against the last list or draft', () => {
  // A conversation: a list of sessions was shown, then a draft booking; each reply is read alone.
  it.each([
    ['the second one', { kind: 'ordinal', ordinal: 2 }],
    ['the last one', { kind: 'ordinal', ordinal: -1 }],
    ['that one', { kind: 'that' }],
    ['the Manchester one', { kind: 'attribute', attribute: 'manchester' }],
    ['the afternoon one', { kind: 'attribute', attribute: 'afternoon' }],
    ['same for Sam', { kind: 'same_for', person: { kind: 'name', name: 'sam' } }],
    ['and for my team?', { kind: 'same_for', person: { kind: 'team' } }],
    ['yes but for Priya', { kind: 'correction', person: { kind: 'name', name: 'priya' }, confirms: true }],
    ['the top one', { kind: 'ordinal', ordinal: 1 }],
    ["i'll take the second", { kind: 'ordinal', ordinal: 2 }],
    ['go with the Leeds one', { kind: 'attribute', attribute: 'leeds' }],
    ['and Lily as well?', { kind: 'same_for', person: { kind: 'name', name: 'lily' } }],
    ['now ravi too', { kind: 'same_for', person: { kind: 'name', name: 'ravi' } }],
    ['what about Olivia Grant', { kind: 'same_for', person: { kind: 'name', name: 'olivia grant' } }],
    ['repeat that for avery', { kind: 'same_for', person: { kind: 'name', name: 'avery' } }],
    ['third option looks best', { kind: 'ordinal', ordinal: 3 }],
    ['the one at the bottom', { kind: 'ordinal', ordinal: -1 }],
    ["that's the one", { kind: 'that' }],
    ["no sorry it's for dana not me", { kind: 'correction', person: { kind: 'name', name: 'dana' } }],
    [
      'yes but book kofi instead',
      { kind: 'correction', person: { kind: 'name', name: 'kofi' }, confirms: true },
    ],
  ])('"%s"', (text, expected) => {
    const p = parse(text);
    expect(p.understood).toBe('follow_up');
    expect(p.followUp).toEqual(expected);
  });
  it('"and next month?" carries the new period', () => {
    const p = parse('and next month?');
    expect(p.followUp?.kind).toBe('and_period');
    expect(day(p.followUp?.when?.from)).toBe('2026-12-01');
  });
  it('"no, Thursday" corrects the draft’s date', () => {
    const p = parse('no, Thursday');
    expect(p.followUp?.kind).toBe('correction');
    expect(day(p.followUp?.when?.from)).toBe('2026-12-03');
  });
  it.each([
    ['not that day, wednesday', '2026-12-02'],
    ['scratch that, make it 21 dec', '2026-12-21'],
    ['change that to the 16th', '2026-12-16'],
    ['nope - should be tuesday', '2026-12-01'],
    ['not the 10th, the 11th', '2026-12-11'],
    ['hang on, thursday not tuesday', '2026-12-03'],
    ['correction: the 21st', '2026-12-21'],
    ['actually can we do the 17th instead', '2026-12-17'],
  ])('"%s" corrects the draft’s date', (text, expected) => {
    const p = parse(text);
    expect(p.followUp?.kind).toBe('correction');
    expect(day(p.followUp?.when?.from)).toBe(expected);
  });
  it('"me too" and "that too" name nobody', () => {
    expect(parse('me too').followUp?.person).toBeUndefined();
    expect(parse('that too').followUp?.person).toBeUndefined();
  });
  it('a new request that happens to start with "sorry" is not a correction', () => {
    expect(parse('sorry, I need to cancel my place on friday').intent).toBe('cancel_booking');
  });
});

describe('extractors keep signs and magnitudes', () => {
  it('money keeps its sign as a decimal string', () => {
    expect(findMoney('-£400 for the venue')).toMatchObject({ amount: '-400.00', currency: 'GBP' });
    expect(findMoney('minus 50 quid')).toMatchObject({ amount: '-50.00', currency: 'GBP' });
    expect(findMoney('the room hire was 300 pounds')).toMatchObject({ amount: '300.00', currency: 'GBP' });
  });
  it('capacity keeps the exact number, however large', () => {
    expect(findCapacity('99999999999 seats')).toBe(99999999999);
    expect(findCapacity('-3 places')).toBe(-3);
  });
  it('a negative cost reaches the use case instead of being dropped by validation', () => {
    const p = parse('add -£400 venue cost to first aid');
    expect(p.intent === 'add_cost' && p.slots.money).toEqual({ amount: '-400.00', currency: 'GBP' });
  });
});

describe('dates beside course names and times', () => {
  it('"19 dec first aid" is the 19th, and "first aid" stays the course', () => {
    const p = parse('take the 19 dec first aid off the schedule');
    expect(p.intent === 'cancel_session' && p.slots.course).toBe('first aid');
    expect(day(p.intent === 'cancel_session' ? p.slots.when?.from : undefined)).toBe('2026-12-19');
  });
  it('"monday the 7th" is the 7th', () => {
    const p = parse('i want to go on the excel course on monday the 7th');
    expect(day(p.intent === 'book_session' ? p.slots.when?.from : undefined)).toBe('2026-12-07');
  });
  it('"14 december 10-12" is that day from ten to twelve', () => {
    const p = parse('new excel session, online, monday 14 december 10-12');
    expect(p.intent === 'schedule_sessions' && [p.slots.startTime, p.slots.endTime]).toEqual([
      '10:00',
      '12:00',
    ]);
    expect(day(p.intent === 'schedule_sessions' ? p.slots.when?.from : undefined)).toBe('2026-12-14');
  });
  it('a size said without "seats" is the capacity, not a date', () => {
    const p = parse('fire safety on the 1st can take eighteen people now');
    expect(p.intent === 'change_capacity' && p.slots.capacity).toBe(18);
    expect(parse('open up a few more seats on first aid - make it 16')).toMatchObject({
      intent: 'change_capacity',
      slots: { capacity: 16, course: 'first aid' },
    });
  });
});

describe('people named the ways people write them', () => {
  it.each([
    ['add grace liu to coaching', 'grace liu'],
    ["can you cancel hannah kim's place on gdpr basics", 'hannah kim'],
    ["Cancel Omar's registration for inclusive workplace on Dec 8", 'omar'],
    ['kofi mensah attended', 'kofi mensah'],
    ['send ben a reminder', 'ben'],
    ['secure a spot for rosa on leadership', 'rosa'],
    ['enrol avery on negotiation skills', 'avery'],
    ['approve the request from chloe martin', 'chloe martin'],
    ['put kofi on the forklift waitlist', 'kofi'],
  ])('"%s" names %s', (text, name) => {
    const slots = parseMessage(text, ctx).slots as { person?: { name?: string } };
    expect(slots.person?.name).toBe(name);
  });
  it('"first aid at work" keeps its "at", and "&" reads as "and"', () => {
    expect(parse('when is the next first aid at work course').slots).toMatchObject({
      course: 'first aid at work',
    });
    expect(parse('is there a health & safety course on the 11th').slots).toMatchObject({
      course: 'health and safety',
    });
  });
});
