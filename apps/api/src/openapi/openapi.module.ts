import { Module } from '@nestjs/common';
import { OpenApiController } from './openapi.controller';
import { OpenApiService } from './openapi.service';

/** `/openapi/v3` generated from the registry; `/openapi/v2` answers 404. Needs `RESOURCE_REGISTRY` from a global module. */
@Module({
  controllers: [OpenApiController],
  providers: [OpenApiService],
  exports: [OpenApiService],
})
export class OpenApiModule {}
