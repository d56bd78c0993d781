import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { FlotillaSettings } from '@flotilla/persistence';
import { QueueConnection } from './queue/queue-connection';
import { RoleRegistry } from './roles/role-registry';
import { DEFAULT_START_TIMEOUT_MS, START_TIMEOUT_MS, SystemQueueService } from './system/system-queue.service';

@Module({})
export class WorkersModule implements OnApplicationShutdown {
  constructor(@Inject(QueueConnection) private readonly connection: QueueConnection) {}

  static forRoot(settings: FlotillaSettings, startTimeoutMs = DEFAULT_START_TIMEOUT_MS): DynamicModule {
    return {
      module: WorkersModule,
      global: true,
      providers: [
        { provide: FlotillaSettings, useValue: settings },
        { provide: QueueConnection, useFactory: () => QueueConnection.open(settings) },
        { provide: START_TIMEOUT_MS, useValue: startTimeoutMs },
        RoleRegistry,
        SystemQueueService,
      ],
      exports: [FlotillaSettings, QueueConnection, RoleRegistry],
    };
  }

  /** After every onModuleDestroy hook has closed its own queues and workers. */
  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}
