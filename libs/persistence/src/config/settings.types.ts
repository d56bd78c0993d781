export const WORKER_ROLES = ['controllers', 'scheduler', 'kubelet', 'dispatcher'] as const;
export type WorkerRole = (typeof WORKER_ROLES)[number];

/** NestJS logger level names, most severe first; `info` is accepted as an alias of `log`. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The environment variable behind each setting, used in error messages and docs. */
export const SETTING_VARIABLES = {
  port: 'FLOTILLA_PORT',
  loopbackHttpPort: 'FLOTILLA_LOOPBACK_HTTP_PORT',
  dataDir: 'FLOTILLA_DATA_DIR',
  databaseUrl: 'DATABASE_URL',
  redisUrl: 'REDIS_URL',
  logLevel: 'FLOTILLA_LOG_LEVEL',
  workerRoles: 'FLOTILLA_WORKER_ROLES',
  compactionWindowEvents: 'FLOTILLA_COMPACTION_WINDOW_EVENTS',
  compactionWindowSeconds: 'FLOTILLA_COMPACTION_WINDOW_SECONDS',
} as const;

export type SettingName = keyof typeof SETTING_VARIABLES;

/** The NestJS logger levels to enable for a configured level: that level and every more severe one. */
export function enabledLogLevels(level: LogLevel): LogLevel[] {
  return LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(level) + 1);
}
