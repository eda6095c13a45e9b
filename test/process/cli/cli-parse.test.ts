/** `parse` as a script would call it: a real process, stable JSON on stdout, errors on stderr. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const cli = (args: string[]) =>
  run('npx', ['tsx', 'src/cli/main.ts', ...args], {
    cwd: process.cwd(),
    env: { ...process.env, LOG_LEVEL: 'silent' },
  });

describe('parse command', () => {
  it('prints {intent, slots} read in the given zone and clock', async () => {
    const { stdout } = await cli([
      'parse',
      '--now',
      '2026-11-28T09:00:00Z',
      '--tz',
      'America/New_York',
      'book me on first aid on 12/3',
    ]);
    expect(JSON.parse(stdout)).toEqual({
      intent: 'book_session',
      slots: {
        course: 'first aid',
        when: {
          from: '2026-12-03T05:00:00.000Z',
          to: '2026-12-04T05:00:00.000Z',
          hasTime: false,
          text: '12/3',
        },
      },
    });
  });

  it('rejects a bad zone with a clear message and a non-zero exit', async () => {
    await expect(cli(['parse', '--tz', 'Mars/Olympus', 'help'])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/--tz must be an IANA time zone/),
    });
  });
});
