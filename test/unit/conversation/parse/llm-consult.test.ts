/**
 * The optional LLM is asked only below the confidence threshold, and what it answers goes
 * through the same intent schemas: checked against a fake OpenAI-compatible server that
 * records every request, so nothing leaves the machine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../../src/features/people/actor.ts';
import { consultBelowThreshold, shouldConsult } from '../../../../src/conversation/llm/consult.ts';
import { OpenAiInterpreter } from '../../../../src/conversation/llm/openai-interpreter.ts';
import { loadPrompts } from '../../../../src/conversation/llm/prompts.ts';
import { parseMessage } from '../../../../src/conversation/parse/parse-message.ts';
import { createLogger } from '../../../../src/shared/logger.ts';
import { type FakeAnswer, type FakeOpenAi, startFakeOpenAi } from '../../../helpers/fake-openai.ts';

const now = new Date('2026-11-28T09:00:00Z');
const actor = { timeZone: 'Europe/London' } as Actor;
const answers: Record<string, FakeAnswer> = {
  'qwerty forklift zzz': { toolCall: { name: 'find_sessions', arguments: '{"course":"forklift"}' } },
  'zzz gdpr qwerty': { toolCall: { name: 'book_session', arguments: '{"when":"later"}' } },
};
let fake: FakeOpenAi;
let interpreter: OpenAiInterpreter;

beforeAll(async () => {
  fake = await startFakeOpenAi((text) => answers[text] ?? { status: 500 });
  interpreter = new OpenAiInterpreter(
    { apiKey: 'test', baseURL: fake.baseURL, model: 'recorded', timeoutMs: 2000 },
    loadPrompts(),
    createLogger('silent'),
  );
});
afterAll(() => fake.close());

const consult = (text: string) =>
  consultBelowThreshold(
    parseMessage(text, { now, timeZone: 'Europe/London' }),
    text,
    actor,
    now,
    interpreter,
  );

describe('the LLM below the confidence threshold', () => {
  it('is not asked about a message the parser placed with confidence', async () => {
    const before = fake.requests.length;
    const result = await consult('book me on first aid next tuesday');
    expect(result.source).toBe('parser');
    expect(fake.requests.length).toBe(before);
  });
  it('is not asked about a message in another language', () => {
    expect(
      shouldConsult(parseMessage('quiero reservar el curso de primeros auxilios', { now, timeZone: 'UTC' })),
    ).toBe(false);
  });
  it('is asked below the threshold, and a valid tool call replaces the guess', async () => {
    const parsed = parseMessage('qwerty forklift zzz', { now, timeZone: 'Europe/London' });
    expect(shouldConsult(parsed)).toBe(true);
    const before = fake.requests.length;
    const result = await consult('qwerty forklift zzz');
    expect(fake.requests.length).toBe(before + 1);
    expect(result).toMatchObject({
      source: 'llm',
      intent: { intent: 'find_sessions', slots: { course: 'forklift' } },
    });
  });
  it('a tool call the schemas reject is dropped and the parse stands', async () => {
    const result = await consult('zzz gdpr qwerty');
    expect(result.source).toBe('parser');
  });
});
