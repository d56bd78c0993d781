import { Module } from '@nestjs/common';
import { DiscoveryController } from './discovery.controller';
import { DiscoveryService } from './discovery.service';

/** `/api`, `/apis`, `/api/v1`, `/apis/<g>`, `/apis/<g>/<v>`. Needs `RESOURCE_REGISTRY` from a global module. */
@Module({
  controllers: [DiscoveryController],
  providers: [DiscoveryService],
  exports: [DiscoveryService],
})
export class DiscoveryModule {}
