import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { PATCH_CONTENT_TYPES, mediaType } from '../request/body-decoder';
import { parseRequestInfo, type RequestInfo } from '../request/request-info';
import type { RequestMetrics } from './request-metrics.service';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Counts every request by verb/resource/code and times it, as kube-apiserver's request metrics do. */
export function requestMetricsMiddleware(metrics: RequestMetrics) {
  return (req: Request, res: Response, next: NextFunction) => {
    trackRequest(metrics, req, res, () => ({
      info: parseRequestInfo(req.method, req.path, req.query as Record<string, unknown>),
      dryRun: req.query.dryRun !== undefined,
    }));
    next();
  };
}

/**
 * Counts `req` as in flight until its response finishes or its connection closes, then observes it under the labels
 * `describe` gives (called once, at the end).
 */
export function trackRequest(
  metrics: RequestMetrics,
  req: IncomingMessage,
  res: ServerResponse,
  describe: () => { info: RequestInfo | undefined; dryRun: boolean },
): void {
  const started = process.hrtime.bigint();
  const method = req.method ?? '';
  const kind = MUTATING.has(method) ? 'mutating' : 'readOnly';
  metrics.inflight(1, kind);
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    metrics.inflight(-1, kind);
    const { info, dryRun } = describe();
    const isApply = method === 'PATCH' && PATCH_CONTENT_TYPES[mediaType(req.headers['content-type'])] === 'apply';
    metrics.observe({
      verb: info ? (isApply ? 'apply' : info.verb) : method,
      group: info?.group ?? '',
      version: info?.version ?? '',
      resource: info?.resource ?? '',
      subresource: info?.subresource ?? '',
      scope: !info ? '' : info.name !== undefined ? 'resource' : info.namespace !== undefined ? 'namespace' : 'cluster',
      code: res.statusCode,
      seconds: Number(process.hrtime.bigint() - started) / 1e9,
      dryRun,
    });
  };
  res.once('finish', finish);
  res.once('close', finish);
}
