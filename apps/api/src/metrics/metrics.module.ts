import { Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller';
import { RequestMetrics } from './request-metrics.service';

/** `/metrics`, and the `RequestMetrics` service the request pipeline reports to. */
@Module({
  controllers: [MetricsController],
  providers: [RequestMetrics],
  exports: [RequestMetrics],
})
export class MetricsModule {}
