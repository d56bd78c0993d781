import { type DynamicModule, Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';
import { VersionController } from './version.controller';
import { BUILD_INFO, type BuildInfo } from './version.info';

/**
 * `/version`, `/healthz`, `/livez`, `/readyz`. Needs `READINESS` from the importing application; `forRoot`
 * adds what the build knows about itself (commit, date).
 */
@Module({
  controllers: [VersionController, HealthController],
  providers: [HealthService],
})
export class SystemModule {
  static forRoot(build: BuildInfo): DynamicModule {
    return { module: SystemModule, providers: [{ provide: BUILD_INFO, useValue: build }] };
  }
}
