import { Module, type DynamicModule } from '@nestjs/common';
import { CoreModule, type CoreDependencies } from './core.module';
import { ResourcesModule } from './resources/resources.module';

/** Root module. Non-resource endpoints (discovery, openapi, system, metrics) come first so their exact paths win. */
@Module({})
export class ApiModule {
  static register(deps: CoreDependencies, endpointModules: DynamicModule['imports'] = []): DynamicModule {
    return {
      module: ApiModule,
      imports: [CoreModule.register(deps), ...(endpointModules ?? []), ResourcesModule],
    };
  }
}
