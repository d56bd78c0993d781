import { Module, type DynamicModule } from '@nestjs/common';
import { CoreModule, type CoreDependencies } from './core.module';
import { ResourceController } from './resources/resource.controller';
import { ResourceService } from './resources/resource.service';

/** Root module. Non-resource endpoints (discovery, openapi, system, metrics) come first so their exact paths win. */
@Module({})
export class ApiModule {
  static register(deps: CoreDependencies, endpointModules: DynamicModule['imports'] = []): DynamicModule {
    return {
      module: ApiModule,
      imports: [CoreModule.register(deps), ...(endpointModules ?? [])],
      controllers: [ResourceController],
      providers: [ResourceService],
    };
  }
}
