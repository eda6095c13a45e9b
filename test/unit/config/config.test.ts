import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config.ts';

describe('loadConfig', () => {
  it('defaults to the embedded database and port 3000; demo mode only when asked for', () => {
    const config = loadConfig({});
    expect(config.dbKind).toBe('pglite');
    expect(config.PORT).toBe(3000);
    expect(config.demoMode).toBe(false);
    expect(loadConfig({ DEMO_MODE: 'true' })).toMatchObject({ demoMode: true, HOST: '127.0.0.1' });
    expect(loadConfig({ DEMO_MODE: 'true', HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
    expect(() => loadConfig({ TEAMS_EMULATOR: 'true' })).toThrow(/loopback/);
    expect(loadConfig({ TEAMS_EMULATOR: 'true', HOST: '127.0.0.1' }).TEAMS_EMULATOR).toBe(true);
    expect(config.publicUrl).toBe('http://localhost:3000');
  });

  it('selects PostgreSQL for a postgres URL and leaves demo mode off', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@127.0.0.1:5432/db' });
    expect(config.dbKind).toBe('postgres');
    expect(config.demoMode).toBe(false);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ DEFAULT_TIME_ZONE: 'Mars/Olympus' }, 'DEFAULT_TIME_ZONE'],
    [{ ADMIN_API_TOKEN: 'short' }, 'ADMIN_API_TOKEN'],
    [{ SEED_DEMO: 'perhaps' }, 'SEED_DEMO'],
  ])('names the variable when %o is invalid', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`Invalid environment variable ${name}:`));
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', OPENAI_API_KEY: '' }).dbKind).toBe('pglite');
  });
});
