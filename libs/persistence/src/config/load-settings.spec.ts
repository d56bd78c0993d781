import { FlotillaSettings } from './flotilla-settings';
import { loadSettings } from './load-settings';
import { SettingsError } from './settings.error';
import { enabledLogLevels } from './settings.types';

function problems(env: NodeJS.ProcessEnv): Record<string, string> {
  try {
    loadSettings(env, '/srv');
  } catch (error) {
    expect(error).toBeInstanceOf(SettingsError);
    return Object.fromEntries((error as SettingsError).problems.map((p) => [p.variable, p.message]));
  }
  throw new Error('expected a SettingsError');
}

describe(loadSettings.name, () => {
  it('applies the documented defaults to an empty environment', () => {
    const settings = loadSettings({}, '/srv/flotilla');
    expect(settings).toBeInstanceOf(FlotillaSettings);
    expect({ ...settings }).toEqual({
      port: 6443,
      loopbackHttpPort: undefined,
      dataDir: '/srv/flotilla/.flotilla',
      databaseUrl: undefined,
      redisUrl: undefined,
      logLevel: 'log',
      workerRoles: ['controllers', 'scheduler', 'kubelet', 'dispatcher'],
      compactionWindowEvents: 100000,
      compactionWindowSeconds: 3600,
    });
  });

  it('reads every variable', () => {
    const settings = loadSettings(
      {
        FLOTILLA_PORT: '8443',
        FLOTILLA_LOOPBACK_HTTP_PORT: '8080',
        FLOTILLA_DATA_DIR: 'state',
        DATABASE_URL: 'postgres://flotilla:secret@db:5432/flotilla',
        REDIS_URL: 'redis://cache:6379/2',
        FLOTILLA_LOG_LEVEL: 'DEBUG',
        FLOTILLA_WORKER_ROLES: ' scheduler , kubelet,scheduler',
        FLOTILLA_COMPACTION_WINDOW_EVENTS: '500',
        FLOTILLA_COMPACTION_WINDOW_SECONDS: '60',
      },
      '/srv',
    );
    expect({ ...settings }).toEqual({
      port: 8443,
      loopbackHttpPort: 8080,
      dataDir: '/srv/state',
      databaseUrl: 'postgres://flotilla:secret@db:5432/flotilla',
      redisUrl: 'redis://cache:6379/2',
      logLevel: 'debug',
      workerRoles: ['scheduler', 'kubelet'],
      compactionWindowEvents: 500,
      compactionWindowSeconds: 60,
    });
  });

  it('keeps an absolute data dir and accepts postgresql:// and rediss://', () => {
    const settings = loadSettings(
      { FLOTILLA_DATA_DIR: '/var/lib/flotilla', DATABASE_URL: 'postgresql://h/db', REDIS_URL: 'rediss://h:6380' },
      '/srv',
    );
    expect(settings.dataDir).toBe('/var/lib/flotilla');
    expect(settings.databaseUrl).toBe('postgresql://h/db');
    expect(settings.redisUrl).toBe('rediss://h:6380');
  });

  it('treats empty variables as unset', () => {
    const settings = loadSettings({ FLOTILLA_PORT: '', DATABASE_URL: '  ', FLOTILLA_WORKER_ROLES: '' }, '/srv');
    expect(settings.port).toBe(6443);
    expect(settings.databaseUrl).toBeUndefined();
    expect(settings.workerRoles).toHaveLength(4);
  });

  it('expands all, alone or in a list, and maps info to log', () => {
    expect(loadSettings({ FLOTILLA_WORKER_ROLES: 'kubelet,all' }, '/').workerRoles).toEqual([
      'controllers',
      'scheduler',
      'kubelet',
      'dispatcher',
    ]);
    expect(loadSettings({ FLOTILLA_LOG_LEVEL: 'info' }, '/').logLevel).toBe('log');
  });

  it('rejects ports outside 1..65535 and non-decimal numbers', () => {
    for (const port of ['0', '65536', '-1', '1e3', '0x10', 'https', '443.5']) {
      expect(problems({ FLOTILLA_PORT: port })).toEqual({ FLOTILLA_PORT: 'must be an integer from 1 to 65535' });
      expect(problems({ FLOTILLA_LOOPBACK_HTTP_PORT: port })).toEqual({ FLOTILLA_LOOPBACK_HTTP_PORT: 'must be an integer from 1 to 65535' });
    }
    expect(loadSettings({ FLOTILLA_PORT: '1' }, '/').port).toBe(1);
    expect(loadSettings({ FLOTILLA_PORT: '65535' }, '/').port).toBe(65535);
  });

  it('rejects URLs of the wrong kind', () => {
    expect(problems({ DATABASE_URL: 'mysql://h/db', REDIS_URL: 'localhost:6379' })).toEqual({
      DATABASE_URL: 'must be a URL starting with postgres:// or postgresql://',
      REDIS_URL: 'must be a URL starting with redis:// or rediss://',
    });
  });

  it('rejects unknown roles, log levels and non-positive windows', () => {
    expect(
      problems({
        FLOTILLA_WORKER_ROLES: 'scheduler,etcd',
        FLOTILLA_LOG_LEVEL: 'loud',
        FLOTILLA_COMPACTION_WINDOW_EVENTS: '0',
        FLOTILLA_COMPACTION_WINDOW_SECONDS: 'an hour',
      }),
    ).toEqual({
      FLOTILLA_LOG_LEVEL: 'must be one of fatal, error, warn, log, debug, verbose (or info)',
      FLOTILLA_WORKER_ROLES: 'must be a comma list of controllers, scheduler, kubelet, dispatcher, or all',
      FLOTILLA_COMPACTION_WINDOW_EVENTS: 'must be a positive integer',
      FLOTILLA_COMPACTION_WINDOW_SECONDS: 'must be a positive integer',
    });
    expect(problems({ FLOTILLA_WORKER_ROLES: ',,' })).toEqual({
      FLOTILLA_WORKER_ROLES: 'must list at least one of controllers, scheduler, kubelet, dispatcher, or all',
    });
  });

  it('lists every bad variable, in declaration order, with its value, in one message', () => {
    try {
      loadSettings({ REDIS_URL: 'nope', FLOTILLA_PORT: '99999' }, '/');
      throw new Error('expected a SettingsError');
    } catch (error) {
      expect((error as Error).message).toBe(
        [
          'Invalid Flotilla configuration:',
          '  FLOTILLA_PORT="99999": must be an integer from 1 to 65535',
          '  REDIS_URL="nope": must be a URL starting with redis:// or rediss://',
        ].join('\n'),
      );
    }
  });
});

describe(enabledLogLevels.name, () => {
  it('enables the level and every more severe one', () => {
    expect(enabledLogLevels('warn')).toEqual(['fatal', 'error', 'warn']);
    expect(enabledLogLevels('log')).toEqual(['fatal', 'error', 'warn', 'log']);
    expect(enabledLogLevels('verbose')).toEqual(['fatal', 'error', 'warn', 'log', 'debug', 'verbose']);
  });
});
