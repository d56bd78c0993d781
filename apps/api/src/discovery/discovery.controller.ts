import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { NotAcceptableError, type StatusError } from '@flotilla/domain';
import { matchesEtag, notFound, sendBody, sendStatusError } from '../system/http.reply';
import { negotiateDiscovery } from './discovery-accept';
import { type DiscoveryReply, type DiscoveryRoot, DiscoveryService } from './discovery.service';

const VARY = { Vary: 'Accept' };

/**
 * The exact discovery paths. Longer paths under /api/v1 and /apis/<g>/<v> are resource requests and belong to
 * the resource handler; this controller must be registered before it.
 */
@Controller()
export class DiscoveryController {
  constructor(private readonly discovery: DiscoveryService) {}

  @Get('api')
  api(@Req() req: Request, @Res() res: Response): void {
    this.root('api', req, res);
  }

  @Get('apis')
  apis(@Req() req: Request, @Res() res: Response): void {
    this.root('apis', req, res);
  }

  @Get('api/v1')
  coreResources(@Res() res: Response): void {
    reply(res, this.discovery.apiResourceList('', 'v1'));
  }

  @Get('apis/:group')
  group(@Param('group') group: string, @Res() res: Response): void {
    reply(res, this.discovery.apiGroup(group));
  }

  @Get('apis/:group/:version')
  groupResources(@Param('group') group: string, @Param('version') version: string, @Res() res: Response): void {
    reply(res, this.discovery.apiResourceList(group, version));
  }

  private root(root: DiscoveryRoot, req: Request, res: Response): void {
    const form = negotiateDiscovery(req.headers.accept);
    if (form === undefined) {
      fail(res, new NotAcceptableError('only the following media types are accepted: application/json, application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList, application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList'));
      return;
    }
    if (form !== 'legacy') {
      const aggregated = this.discovery.aggregated(root, form);
      if (aggregated.etag && matchesEtag(req.headers['if-none-match'], aggregated.etag)) {
        res.status(304).setHeader('Vary', 'Accept');
        res.setHeader('ETag', aggregated.etag);
        res.end();
        return;
      }
      reply(res, aggregated);
      return;
    }
    reply(res, root === 'api' ? this.discovery.apiVersions(serverAddress(req)) : this.discovery.apiGroupList());
  }
}

function reply(res: Response, answer: DiscoveryReply | undefined): void {
  if (!answer) {
    fail(res, notFound());
    return;
  }
  const headers: Record<string, string> = { ...VARY };
  if (answer.etag) headers.ETag = answer.etag;
  sendBody(res, 200, answer.contentType, answer.body, headers);
}

function fail(res: Response, error: StatusError): void {
  sendStatusError(res, error, VARY);
}

/** host:port as the client addressed us; the Host header may leave out the port. */
export function serverAddress(req: Pick<Request, 'headers' | 'socket'>): string {
  const host = req.headers.host;
  const port = req.socket.localPort;
  if (!host) return `${req.socket.localAddress ?? '127.0.0.1'}:${port}`;
  const hasPort = host.startsWith('[') ? /\]:\d+$/.test(host) : host.includes(':');
  return hasPort ? host : `${host}:${port}`;
}
