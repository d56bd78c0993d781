import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { ResourceRegistry } from '@flotilla/domain';
import type { EventStore, WatchHub } from '@flotilla/persistence';
import { ResourceReader } from './resources/resource-reader';
import { ResourceWriter } from './resources/resource-writer';
import { WatchStreamer } from './resources/watch-streamer';
import { READINESS, RESOURCE_REGISTRY } from './tokens';

export interface Readiness {
  isReady(): boolean;
}

export interface CoreDependencies {
  registry: ResourceRegistry;
  store: EventStore;
  hub: WatchHub;
  reader: ResourceReader;
  writer: ResourceWriter;
  streamer: WatchStreamer;
  readiness: Readiness;
}

/** The objects built at start-up (store, tailer, hub…), offered to every module. */
@Global()
@Module({})
export class CoreModule {
  static register(deps: CoreDependencies): DynamicModule {
    const providers = [
      { provide: RESOURCE_REGISTRY, useValue: deps.registry },
      { provide: READINESS, useValue: deps.readiness },
      { provide: ResourceReader, useValue: deps.reader },
      { provide: ResourceWriter, useValue: deps.writer },
      { provide: WatchStreamer, useValue: deps.streamer },
      { provide: 'EVENT_STORE', useValue: deps.store },
      { provide: 'WATCH_HUB', useValue: deps.hub },
    ];
    return { module: CoreModule, providers, exports: providers.map((p) => p.provide) };
  }
}
