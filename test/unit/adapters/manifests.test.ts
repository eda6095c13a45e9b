/** The app manifests in the repo are complete enough to upload. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const read = (p: string) => readFileSync(path.join(root, p));

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('Teams manifest', () => {
  const manifest = JSON.parse(read('adapters/teams/manifest/manifest.json').toString('utf8')) as {
    manifestVersion: string;
    icons: { color: string; outline: string };
    bots: { scopes: string[] }[];
  };

  it('names icons of the sizes Teams requires', () => {
    expect(pngSize(read(`adapters/teams/manifest/${manifest.icons.color}`))).toEqual({
      width: 192,
      height: 192,
    });
    expect(pngSize(read(`adapters/teams/manifest/${manifest.icons.outline}`))).toEqual({
      width: 32,
      height: 32,
    });
  });

  it('declares a bot for personal chats and channels', () => {
    expect(manifest.bots[0]!.scopes).toEqual(expect.arrayContaining(['personal', 'team']));
  });
});

describe('Slack manifest', () => {
  const yaml = read('adapters/slack/manifest.yaml').toString('utf8');
  const botScopes = [...yaml.slice(yaml.indexOf('bot:')).matchAll(/^\s+- ([a-z_:.]+)\s*#/gm)].map(
    (m) => m[1],
  );

  it('asks for exactly the scopes the adapter uses', () => {
    expect(botScopes.sort()).toEqual(
      [
        'app_mentions:read',
        'chat:write',
        'commands',
        'files:read',
        'files:write',
        'im:history',
        'im:write',
        'users:read',
        'users:read.email',
      ].sort(),
    );
  });

  it('points events, the command and interactivity at /slack/events', () => {
    expect(yaml.match(/https:\/\/[^\s]+\/slack\/events/g)).toHaveLength(3);
    for (const event of ['app_home_opened', 'app_mention', 'message.im'])
      expect(yaml).toContain(`- ${event}`);
  });
});
