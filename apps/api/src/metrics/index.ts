export { MetricsModule } from './metrics.module';
export { RequestMetrics, REQUEST_DURATION_BUCKETS, type InflightKind, type RequestObservation } from './request-metrics.service';
export { EXPOSITION_CONTENT_TYPE } from './metrics.controller';
export { requestMetricsMiddleware, trackRequest } from './request-metrics.middleware';
