import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../src/config';

describe('configuration', () => {
  test('embedded defaults: SQLite file under ./data, port 3000, shipped models', () => {
    const config = loadConfig({}, '/srv/shop');
    expect(config.databaseProvider).toBe('sqlite');
    expect(config.databaseUrl).toBe('file:/srv/shop/data/shopdesk.db');
    expect(config.port).toBe(3000);
    expect(config.modelsDir).toBe('/srv/shop/models');
  });

  test('a postgresql:// URL selects PostgreSQL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql://u@localhost:5432/shop' }).databaseProvider).toBe('postgresql');
  });

  test.each([
    ['SHOPDESK_PORT', 'eighty'],
    ['SHOPDESK_PORT', '70000'],
    ['DATABASE_URL', 'mysql://localhost/shop'],
    ['SHOPDESK_LOG_LEVEL', 'loud'],
    ['SHOPDESK_SESSION_SECRET', 'short'],
  ])('invalid %s=%s names the setting', (setting, value) => {
    expect(() => loadConfig({ [setting]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [setting]: value })).toThrow(new RegExp(setting));
  });

  test('the CLI exits non-zero with the setting named on invalid config', () => {
    const result = spawnSync(process.execPath, [path.resolve(__dirname, '../../bin/shopdesk.js'), 'db', 'migrate'], {
      env: { ...process.env, SHOPDESK_PORT: 'not-a-port' },
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Invalid setting SHOPDESK_PORT/);
  });
});
