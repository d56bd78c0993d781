import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import { StatusError, UnauthorizedError } from '@flotilla/domain';
import type { Authenticator } from '../auth/authenticator';
import { writeStatus } from '../errors/status-exception.filter';
import { trackRequest, type RequestMetrics } from '../metrics';
import { parseRequestInfo, type RequestInfo } from '../request/request-info';
import { ResourceNotFoundError, type ResourceRequest, type ResourceService } from './resource.service';

export interface ResourceRouteOptions {
  resources: ResourceService;
  authenticator: Authenticator;
  metrics: RequestMetrics;
  /** Largest body served here; a larger one is left to Express's body parser, which answers 413. */
  bodyLimit: number;
  /** Path prefixes left to the usual route: every prefix a Nest module middleware answers. */
  skip: string[];
}

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resource requests (every verb but watch) served on Node's request event, before Express: the same stages as the
 * Express pipeline (request metrics, bearer authentication, the raw body) and the same `ResourceService` calls as
 * `ResourceController`, with errors answered by the global filter's `writeStatus`. Express's router, its request
 * and response decorations and its body parser cost about a third of a create's API CPU (docs/decisions.md D16).
 * Anything this route does not recognise as plainly its own — watches, discovery paths, bodies that are chunked,
 * compressed or over the limit, undecodable paths — goes to Express unchanged.
 */
export function installResourceRoute(server: Server, options: ResourceRouteOptions): void {
  const route = resourceRoute(options);
  const usual = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!route(req, res)) for (const listener of usual) listener.call(server, req, res);
  });
}

/** The route as a function: true when it took the request. */
function resourceRoute(options: ResourceRouteOptions): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    const target = routable(req, options);
    if (!target) return false;
    const { info, request } = target;
    trackRequest(options.metrics, req, res, () => ({ info, dryRun: request.query.dryRun !== undefined }));
    const user = options.authenticator.authenticate(req.headers.authorization);
    if (!user) {
      writeStatus(res, new UnauthorizedError());
      req.resume();
      return true;
    }
    readBody(req, request)
      .then(() => {
        const ctx = options.resources.context(request, user, info);
        if (!ctx) throw new ResourceNotFoundError();
        return options.resources.handle(ctx, req, res);
      })
      .catch((error: unknown) => writeStatus(res, error));
    return true;
  };
}

/** The request as `ResourceService` reads it, if it is one this route serves. */
function routable(req: IncomingMessage, options: ResourceRouteOptions): { info: RequestInfo; request: ResourceRequest } | undefined {
  const url = req.url ?? '';
  const method = req.method ?? '';
  if (!METHODS.has(method) || !(url.startsWith('/api/') || url.startsWith('/apis/'))) return undefined;
  if (options.skip.some((prefix) => url.startsWith(prefix))) return undefined;
  const { headers } = req;
  if (headers['transfer-encoding'] !== undefined || headers['content-encoding'] !== undefined) return undefined;
  if (headers['content-length'] !== undefined && !(Number(headers['content-length']) <= options.bodyLimit)) return undefined;
  const at = url.indexOf('?');
  const path = at < 0 ? url : url.slice(0, at);
  // Express's default ("simple") query parser is node:querystring too.
  const query = (at < 0 ? {} : parseQuery(url.slice(at + 1))) as Record<string, unknown>;
  let info: RequestInfo | undefined;
  try {
    info = parseRequestInfo(method, path, query);
  } catch {
    return undefined; // an undecodable path: the usual route answers it
  }
  if (!info || info.verb === 'watch' || info.subresource?.startsWith('__method:')) return undefined;
  return { info, request: { method, path, query, headers } };
}

/** Reads the body (its length is known and within the limit) into `request.body`; no Content-Length, no body. */
function readBody(req: IncomingMessage, request: ResourceRequest): Promise<void> {
  if (req.headers['content-length'] === undefined) {
    req.resume();
    return Promise.resolve();
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('end', () => {
      request.body = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
      resolve();
    });
    req.once('error', reject);
    req.once('close', () => {
      if (!req.complete) reject(new StatusError(400, 'BadRequest', 'the request was aborted'));
    });
  });
}
