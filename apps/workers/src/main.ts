import 'reflect-metadata';
import { Logger, type INestApplicationContext } from '@nestjs/common';
import { loadSettingsOrExit } from '@flotilla/persistence';
import { startWorkers } from './workers.bootstrap';

const SHUTDOWN_TIMEOUT_MS = 20_000;

async function main(): Promise<void> {
  const settings = loadSettingsOrExit();
  const logger = new Logger('Workers');
  let app: INestApplicationContext;
  try {
    app = await startWorkers(settings);
  } catch (error) {
    logger.error(`Start failed: ${(error as Error).message}`);
    process.exit(1);
  }
  logger.log(`Flotilla workers ready (pid ${process.pid}, roles ${settings.workerRoles.join(',')})`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    // Ctrl-C reaches this process both from the terminal and from the launcher: one shutdown is enough.
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: stopping`);
    setTimeout(() => {
      logger.error(`Shutdown took longer than ${SHUTDOWN_TIMEOUT_MS / 1000} s; exiting`);
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS).unref();
    app.close().then(
      () => process.exit(0),
      (error: Error) => {
        logger.error(`Shutdown failed: ${error.message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
