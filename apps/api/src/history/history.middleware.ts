import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { HISTORY_GROUP, HISTORY_VERSION, InternalError, isStatusError, MethodNotAllowedError, StatusError } from '@flotilla/domain';
import { DiscoveryService, type DiscoveryReply } from '../discovery';
import { HistoryService } from './history.service';

const GROUP_PATH = `/apis/${HISTORY_GROUP}`;
const VERSION_PATH = `${GROUP_PATH}/${HISTORY_VERSION}`;

/**
 * Answers everything under `/apis/history.flotilla.dev`. A middleware rather than a controller: Nest registers the
 * root module's catch-all resource controller (`apis/*path`) before any imported module's routes, so a controller
 * here would never be reached. The group's legacy discovery documents are answered here for the same reason.
 */
@Injectable()
export class HistoryMiddleware implements NestMiddleware {
  constructor(
    private readonly history: HistoryService,
    private readonly discovery: DiscoveryService,
  ) {}

  async use(req: Request, res: Response, next: NextFunction): Promise<void> {
    const path = req.path.replace(/\/+$/, '');
    if (path !== GROUP_PATH && !path.startsWith(`${GROUP_PATH}/`)) return next();
    try {
      if (path === GROUP_PATH || path === VERSION_PATH) return this.discoveryDocument(req, res, path);
      if (!path.startsWith(`${VERSION_PATH}/`)) throw notFound();
      const reply = await this.history.handle(
        { method: req.method, path: path.slice(VERSION_PATH.length + 1), query: req.query as Record<string, unknown>, accept: req.headers.accept },
        new Date(),
      );
      send(res, 200, reply.table ? 'application/json;as=Table;v=v1;g=meta.k8s.io' : 'application/json', JSON.stringify(reply.body));
    } catch (error) {
      const status = (isStatusError(error) ? error : new InternalError(error instanceof Error ? error.message : String(error))).toStatus();
      send(res, status.code, 'application/json', JSON.stringify(status));
    }
  }

  private discoveryDocument(req: Request, res: Response, path: string): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new MethodNotAllowedError();
    const reply: DiscoveryReply | undefined = path === GROUP_PATH ? this.discovery.apiGroup(HISTORY_GROUP) : this.discovery.apiResourceList(HISTORY_GROUP, HISTORY_VERSION);
    if (!reply) throw notFound();
    send(res, 200, reply.contentType, reply.body);
  }
}

function notFound(): StatusError {
  return new StatusError(404, 'NotFound', 'the server could not find the requested resource', {});
}

function send(res: Response, code: number, contentType: string, body: string): void {
  res.status(code);
  res.setHeader('Content-Type', contentType);
  res.end(body);
}
