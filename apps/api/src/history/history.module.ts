import { Module, RequestMethod, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import type { HistoryRepository } from '@flotilla/persistence';
import { DiscoveryModule } from '../discovery';
import { HistoryMiddleware } from './history.middleware';
import { HISTORY_REPOSITORY, HistoryService } from './history.service';

/**
 * The `history.flotilla.dev/v1` API group. Needs `RESOURCE_REGISTRY` and `EVENT_STORE` from the core module, and
 * the registry must include `revisionResourceType` (see `withHistoryResources`) so that discovery and OpenAPI list it.
 */
@Module({})
export class HistoryModule implements NestModule {
  static register(repository: HistoryRepository): DynamicModule {
    return {
      module: HistoryModule,
      imports: [DiscoveryModule],
      providers: [{ provide: HISTORY_REPOSITORY, useValue: repository }, HistoryService, HistoryMiddleware],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HistoryMiddleware).forRoutes({ path: 'apis/*path', method: RequestMethod.ALL });
  }
}
