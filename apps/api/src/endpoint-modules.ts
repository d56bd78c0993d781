import type { DynamicModule } from '@nestjs/common';
import { DiscoveryModule } from './discovery';
import { MetricsModule } from './metrics';
import { OpenApiModule } from './openapi';
import { SystemModule } from './system';

/** The non-resource endpoint modules, imported before the resource controller so their exact routes win. */
export function endpointModules(): NonNullable<DynamicModule['imports']> {
  return [SystemModule, DiscoveryModule, OpenApiModule, MetricsModule];
}
