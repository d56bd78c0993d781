import type { NextFunction, Request, Response } from 'express';
import { PATCH_CONTENT_TYPES, mediaType } from '../request/body-decoder';
import { parseRequestInfo } from '../request/request-info';
import type { RequestMetrics } from './request-metrics.service';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Counts every request by verb/resource/code and times it, as kube-apiserver's request metrics do. */
export function requestMetricsMiddleware(metrics: RequestMetrics) {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    const kind = MUTATING.has(req.method) ? 'mutating' : 'readOnly';
    metrics.inflight(1, kind);
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      metrics.inflight(-1, kind);
      const info = parseRequestInfo(req.method, req.path, req.query as Record<string, unknown>);
      const isApply = req.method === 'PATCH' && PATCH_CONTENT_TYPES[mediaType(req.headers['content-type'])] === 'apply';
      metrics.observe({
        verb: info ? (isApply ? 'apply' : info.verb) : req.method,
        group: info?.group ?? '',
        version: info?.version ?? '',
        resource: info?.resource ?? '',
        subresource: info?.subresource ?? '',
        scope: !info ? '' : info.name !== undefined ? 'resource' : info.namespace !== undefined ? 'namespace' : 'cluster',
        code: res.statusCode,
        seconds: Number(process.hrtime.bigint() - started) / 1e9,
        dryRun: req.query.dryRun !== undefined,
      });
    };
    res.on('finish', finish);
    res.on('close', finish);
    next();
  };
}
