import { describe, expect, it } from 'vitest';
import {
  parseIsoDuration,
  parseScorm12Time,
  percentOf,
  readSnapshot,
} from '../../../../src/features/scorm/cmi-snapshot.ts';
import { earnsCompletion, rollUp, type ScoResult } from '../../../../src/features/scorm/rollup.ts';
import { createLaunchToken, verifyLaunchToken } from '../../../../src/features/scorm/launch-token.ts';

const none = { masteryScore: null, scaledPassingScore: null, completionThreshold: null };

describe('reading commits', () => {
  it('SCORM 1.2 passed and failed count as completed', () => {
    expect(readSnapshot('scorm12', { core: { lesson_status: 'passed' } }, none)).toMatchObject({
      completion: 'completed',
      success: 'passed',
    });
    expect(readSnapshot('scorm12', { core: { lesson_status: 'failed' } }, none)).toMatchObject({
      completion: 'completed',
      success: 'failed',
    });
  });

  it('SCORM 1.2 mastery score decides pass where the content does not', () => {
    const t = { ...none, masteryScore: 80 };
    expect(
      readSnapshot('scorm12', { core: { lesson_status: 'completed', score: { raw: '85' } } }, t).success,
    ).toBe('passed');
    expect(
      readSnapshot('scorm12', { core: { lesson_status: 'completed', score: { raw: '79' } } }, t).success,
    ).toBe('failed');
    expect(
      readSnapshot('scorm12', { core: { lesson_status: 'passed', score: { raw: '10' } } }, t).success,
    ).toBe('passed');
  });

  it('SCORM 2004 thresholds decide completion and success', () => {
    const t = { masteryScore: null, scaledPassingScore: 0.7, completionThreshold: 0.9 };
    expect(
      readSnapshot(
        'scorm2004',
        { completion_status: 'completed', progress_measure: '0.5', score: { scaled: '0.69' } },
        t,
      ),
    ).toMatchObject({
      completion: 'incomplete',
      success: 'failed',
    });
    expect(
      readSnapshot(
        'scorm2004',
        { completion_status: 'incomplete', progress_measure: '0.95', score: { scaled: '0.7' } },
        t,
      ),
    ).toMatchObject({
      completion: 'completed',
      success: 'passed',
    });
  });

  it('parses session times and percentages', () => {
    expect(parseScorm12Time('0001:02:03.50')).toBe(3723.5);
    expect(parseIsoDuration('PT1H2M3.5S')).toBe(3723.5);
    expect(parseIsoDuration('P1DT1S')).toBe(86401);
    expect(parseIsoDuration('garbage')).toBe(0);
    expect(percentOf({ scoreRaw: 46, scoreMin: 0, scoreMax: 50, scoreScaled: null })).toBe(92);
    expect(percentOf({ scoreRaw: 92, scoreMin: null, scoreMax: null, scoreScaled: null })).toBe(92);
    expect(percentOf({ scoreRaw: 3, scoreMin: 0, scoreMax: 10, scoreScaled: 0.925 })).toBe(92.5);
  });
});

const sco = (over: Partial<ScoResult>): ScoResult => ({
  scormType: 'sco',
  started: true,
  completion: 'completed',
  success: 'unknown',
  scoreRaw: null,
  scoreScaled: null,
  percent: null,
  progress: null,
  totalTimeSeconds: 0,
  ...over,
});

describe('roll-up', () => {
  it('is completed only when every SCO is, and averages scores', () => {
    const partial = rollUp([sco({ percent: 80 }), sco({ completion: 'incomplete', started: true })], false);
    expect(partial).toMatchObject({ completed: false, status: 'incomplete', progress: 0.5 });
    const whole = rollUp(
      [sco({ percent: 80, scoreRaw: 80 }), sco({ percent: 100, scoreRaw: 100, totalTimeSeconds: 30 })],
      false,
    );
    expect(whole).toMatchObject({
      completed: true,
      status: 'completed',
      percent: 90,
      scoreRaw: 90,
      progress: 1,
      totalTimeSeconds: 30,
    });
    expect(earnsCompletion(whole, false)).toBe(true);
    expect(earnsCompletion(whole, true)).toBe(false);
  });

  it('fails when any SCO failed', () => {
    const r = rollUp([sco({ success: 'passed' }), sco({ success: 'failed' })], true);
    expect(r.status).toBe('failed');
    expect(earnsCompletion(r, true)).toBe(false);
  });
});

describe('launch tokens', () => {
  const config = { LAUNCH_TOKEN_SECRET: 'x'.repeat(32) };
  const claims = { personId: 'p', courseId: 'c', attemptId: 'a' };
  const now = new Date('2026-11-28T09:00:00Z');

  it('round-trips, and refuses expired, forged and tampered tokens', () => {
    const { token } = createLaunchToken(config, claims, now, 60);
    expect(verifyLaunchToken(config, token, now)).toMatchObject(claims);
    expect(() => verifyLaunchToken(config, token, new Date(now.getTime() + 61_000))).toThrow(/expired/);
    expect(() => verifyLaunchToken({ LAUNCH_TOKEN_SECRET: 'y'.repeat(32) }, token, now)).toThrow(/not valid/);
    const [payload, sig] = token.split('.') as [string, string];
    const other = Buffer.from(JSON.stringify({ p: 'p', c: 'c', a: 'someone-else', e: 9e9 })).toString(
      'base64url',
    );
    expect(() => verifyLaunchToken(config, `${other}.${sig}`, now)).toThrow(/not valid/);
    expect(() => verifyLaunchToken(config, `${payload}.${sig.slice(0, -1)}A`, now)).toThrow();
    expect(() => verifyLaunchToken(config, 'garbage', now)).toThrow(/not valid/);
  });
});
