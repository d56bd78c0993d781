import { resolve } from 'node:path';
import { validateSync } from 'class-validator';
import { FlotillaSettings } from './flotilla-settings';
import { SettingsError } from './settings.error';
import { SETTING_VARIABLES, WORKER_ROLES, type LogLevel, type SettingName, type WorkerRole } from './settings.types';

export const SETTING_DEFAULTS = {
  port: 6443,
  dataDir: './.flotilla',
  logLevel: 'log' as LogLevel,
  workerRoles: 'all',
  compactionWindowEvents: 100_000,
  compactionWindowSeconds: 3600,
} as const;

/** An empty variable counts as unset, as in most shells' `VAR= cmd` habit. */
function read(env: NodeJS.ProcessEnv, name: SettingName): string | undefined {
  const value = env[SETTING_VARIABLES[name]]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/** Only plain decimal digits: Number() would accept "1e3", "0x10" and " ". */
function integer(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  return /^\d+$/.test(value) ? Number(value) : Number.NaN;
}

function roles(value: string): WorkerRole[] {
  const names = value.split(',').map((r) => r.trim().toLowerCase()).filter((r) => r !== '');
  if (names.includes('all')) return [...WORKER_ROLES];
  return [...new Set(names)] as WorkerRole[];
}

function logLevel(value: string): LogLevel {
  const level = value.toLowerCase();
  return (level === 'info' ? 'log' : level) as LogLevel;
}

/**
 * Reads and validates every Flotilla setting from the environment. Throws a SettingsError naming each
 * bad variable; callers that own the process should print its message and exit with code 2
 * (see loadSettingsOrExit).
 */
export function loadSettings(env: NodeJS.ProcessEnv, cwd: string = process.cwd()): FlotillaSettings {
  const settings = new FlotillaSettings();
  settings.port = integer(read(env, 'port'), SETTING_DEFAULTS.port);
  const loopback = read(env, 'loopbackHttpPort');
  settings.loopbackHttpPort = loopback === undefined ? undefined : integer(loopback, Number.NaN);
  settings.dataDir = resolve(cwd, read(env, 'dataDir') ?? SETTING_DEFAULTS.dataDir);
  settings.databaseUrl = read(env, 'databaseUrl');
  settings.redisUrl = read(env, 'redisUrl');
  settings.logLevel = logLevel(read(env, 'logLevel') ?? SETTING_DEFAULTS.logLevel);
  settings.workerRoles = roles(read(env, 'workerRoles') ?? SETTING_DEFAULTS.workerRoles);
  settings.compactionWindowEvents = integer(read(env, 'compactionWindowEvents'), SETTING_DEFAULTS.compactionWindowEvents);
  settings.compactionWindowSeconds = integer(
    read(env, 'compactionWindowSeconds'),
    SETTING_DEFAULTS.compactionWindowSeconds,
  );

  const errors = validateSync(settings, { forbidUnknownValues: true });
  if (errors.length > 0) {
    const order = Object.keys(SETTING_VARIABLES);
    errors.sort((a, b) => order.indexOf(a.property) - order.indexOf(b.property));
    throw new SettingsError(
      errors.map((e) => {
        const variable = SETTING_VARIABLES[e.property as SettingName];
        const messages = [...new Set(Object.values(e.constraints ?? {}))];
        return { variable, value: env[variable], message: messages.join('; ') };
      }),
    );
  }
  return Object.freeze(settings);
}

/** For a process entry point: on bad settings, print every problem and exit with code 2. */
export function loadSettingsOrExit(env: NodeJS.ProcessEnv = process.env): FlotillaSettings {
  try {
    return loadSettings(env);
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
}
