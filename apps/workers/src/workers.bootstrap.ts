import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { enabledLogLevels, type FlotillaSettings } from '@flotilla/persistence';
import { RoleRegistry } from './roles/role-registry';
import { SystemQueueService } from './system/system-queue.service';
import { WorkersModule } from './workers.module';

/**
 * Builds the workers' application context, proves the queue backend with a round trip, then starts the
 * enabled roles. These steps run here rather than in lifecycle hooks so that a failure can still close
 * what was opened (a hook failure leaves no context to close).
 */
export async function startWorkers(
  settings: FlotillaSettings,
  options: { startTimeoutMs?: number } = {},
): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkersModule.forRoot(settings, options.startTimeoutMs), {
    logger: enabledLogLevels(settings.logLevel),
    abortOnError: false,
  });
  try {
    await app.get(SystemQueueService).start();
    await app.get(RoleRegistry).startAll();
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
  return app;
}
