import { completionSettingsOf } from '../../../../src/features/scorm/completion-settings.ts';
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
  hasPassMark: false,
  scoreRaw: null,
  scoreScaled: null,
  percent: null,
  progress: null,
  totalTimeSeconds: 0,
  ...over,
});

describe('roll-up', () => {
  it('is completed only when every SCO is, and averages scores', () => {
    const partial = rollUp([sco({ percent: 80 }), sco({ completion: 'incomplete', started: true })]);
    expect(partial).toMatchObject({
      completed: false,
      satisfied: false,
      status: 'incomplete',
      progress: 0.5,
    });
    const whole = rollUp([
      sco({ percent: 80, scoreRaw: 80 }),
      sco({ percent: 100, scoreRaw: 100, totalTimeSeconds: 30 }),
    ]);
    expect(whole).toMatchObject({
      completed: true,
      status: 'completed',
      percent: 90,
      scoreRaw: 90,
      progress: 1,
      totalTimeSeconds: 30,
    });
    expect(earnsCompletion(whole)).toBe(true);
  });

  it('asks a pass only of the SCOs with a pass mark: one marked quiz passed and two plain modules completed earn the course', () => {
    const r = rollUp([sco({}), sco({}), sco({ hasPassMark: true, success: 'passed', percent: 85 })]);
    expect(r).toMatchObject({ satisfied: true, status: 'passed', success: 'passed', percent: 85 });
    const notYet = rollUp([sco({}), sco({ hasPassMark: true, success: 'unknown' })]);
    expect(notYet.satisfied).toBe(false);
  });

  it('fails when a SCO with a pass mark failed', () => {
    const r = rollUp([sco({ success: 'passed' }), sco({ hasPassMark: true, success: 'failed' })]);
    expect(r.status).toBe('failed');
    expect(earnsCompletion(r)).toBe(false);
  });

  it('score rule and grading methods', () => {
    const scos = [sco({ percent: 40, completion: 'incomplete' }), sco({ percent: 90 })];
    const settings = (grading: 'highest' | 'average' | 'sum' | 'last') =>
      completionSettingsOf({ rule: 'score', minPercent: 80, grading });
    expect(rollUp(scos, settings('highest'))).toMatchObject({ satisfied: true, percent: 90 });
    expect(rollUp(scos, settings('average'))).toMatchObject({ satisfied: false, percent: 65 });
    expect(rollUp(scos, settings('sum'))).toMatchObject({ satisfied: true, percent: 100 });
    const timed = [
      sco({ percent: 95, updatedAt: new Date(1000) }),
      sco({ percent: 50, updatedAt: new Date(2000) }),
    ];
    expect(rollUp(timed, settings('last'))).toMatchObject({ satisfied: false, percent: 50 });
    expect(completionSettingsOf({ rule: 'score' })).toEqual(completionSettingsOf(null));
  });

  it('a 1.2 SCO that set no status is completed on LMSFinish, and judged by its mastery score', () => {
    const t = { masteryScore: 80, scaledPassingScore: null, completionThreshold: null };
    expect(readSnapshot('scorm12', { core: {} }, t, true).completion).toBe('completed');
    expect(readSnapshot('scorm12', { core: { lesson_status: 'not attempted' } }, t, false).completion).toBe(
      'not_attempted',
    );
    expect(
      readSnapshot('scorm12', { core: { lesson_status: 'incomplete', score: { raw: '85' } } }, t, true),
    ).toMatchObject({ completion: 'completed', success: 'passed' });
    expect(readSnapshot('scorm2004', { completion_status: 'not attempted' }, t, true).completion).toBe(
      'incomplete',
    );
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

  it('a token already checked is taken again only under the secrets it was checked with, and still expires', () => {
    const { token } = createLaunchToken(config, claims, now, 60);
    const first = verifyLaunchToken(config, token, now);
    // What a caller does with the claims does not change what the next commit is told.
    first.attemptId = 'changed';
    expect(verifyLaunchToken(config, token, now)).toMatchObject(claims);
    const rotated = {
      LAUNCH_TOKEN_SECRET: 'z'.repeat(32),
      LAUNCH_TOKEN_SECRET_PREVIOUS: config.LAUNCH_TOKEN_SECRET,
    };
    expect(verifyLaunchToken(rotated, token, now)).toMatchObject(claims);
    expect(() => verifyLaunchToken({ LAUNCH_TOKEN_SECRET: 'z'.repeat(32) }, token, now)).toThrow(/not valid/);
    expect(verifyLaunchToken(config, token, new Date(now.getTime() + 59_000))).toMatchObject(claims);
    expect(() => verifyLaunchToken(config, token, new Date(now.getTime() + 60_000))).toThrow(/expired/);
    expect(() => verifyLaunchToken(rotated, token, new Date(now.getTime() + 60_000))).toThrow(/expired/);
  });
});
