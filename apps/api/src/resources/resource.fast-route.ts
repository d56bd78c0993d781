import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { parseRequestInfo, type RequestInfo } from '../request/request-info';
import type { UserInfo } from './request-context';
import { ResourceNotFoundError, type ResourceService } from './resource.service';

/**
 * Resource requests (every verb but watch) served straight from Express's first layer: the same middleware
 * (`pipeline`, in order), then the same `ResourceService` calls as `ResourceController`, skipping the walk over the
 * router's other layers and Nest's per-route execution context. Errors go to `next(error)`, where Nest's exception
 * handler applies the same global filter as on its routes. Everything else falls through unchanged, and so do paths
 * under `skip`: every prefix that a Nest module middleware answers (it would never see requests served here).
 */
export function resourceFastRoute(resources: ResourceService, pipeline: RequestHandler[], skip: string[]): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const info = fastResourceRequest(req);
    if (!info || skip.some((prefix) => req.path.startsWith(prefix))) return next();
    let i = 0;
    const step = (error?: unknown): void => {
      if (error) return next(error);
      const layer = pipeline[i++];
      if (layer) {
        try {
          void layer(req, res, step);
        } catch (e) {
          next(e);
        }
        return;
      }
      serve(resources, req as Request & { user?: UserInfo }, res, info).catch(next);
    };
    step();
  };
}

async function serve(resources: ResourceService, req: Request & { user?: UserInfo }, res: Response, info: RequestInfo): Promise<void> {
  const ctx = resources.context(req, req.user ?? { username: 'system:anonymous', groups: [] }, info);
  if (!ctx) throw new ResourceNotFoundError();
  await resources.handle(ctx, req, res);
}

/** What the request addresses, if `ResourceController` would serve it with a verb other than watch; anything doubtful takes the usual route. */
function fastResourceRequest(req: Request): RequestInfo | undefined {
  const url = req.url;
  if (!url.startsWith('/api/') && !url.startsWith('/apis/')) return undefined;
  try {
    const info = parseRequestInfo(req.method, req.path, req.query as Record<string, unknown>);
    return info !== undefined && info.verb !== 'watch' && !info.subresource?.startsWith('__method:') ? info : undefined;
  } catch {
    return undefined;
  }
}
