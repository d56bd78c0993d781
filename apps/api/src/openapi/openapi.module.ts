import { Module } from '@nestjs/common';
import { OpenApiController } from './openapi.controller';
import { OpenApiService } from './openapi.service';
import { SwaggerService } from './swagger.service';

/** `/openapi/v3` and `/openapi/v2` generated from the registry. Needs `RESOURCE_REGISTRY` from a global module. */
@Module({
  controllers: [OpenApiController],
  providers: [OpenApiService, SwaggerService],
  exports: [OpenApiService, SwaggerService],
})
export class OpenApiModule {}
