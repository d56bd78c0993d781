import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { NotAcceptableError } from '@flotilla/domain';
import { matchesEtag, notFound, sendBody, sendStatusError } from '../system/http.reply';
import { type OpenApiBody, OpenApiService, serverRelativeUrl } from './openapi.service';
import { negotiateSwagger } from './swagger.negotiation';
import { SWAGGER_PROTOBUF } from './swagger.protobuf';
import { SwaggerService } from './swagger.service';

const YEAR_MS = 365 * 24 * 3600 * 1000;

/**
 * `/openapi/v3` and its group version documents, with kube-openapi's caching rules: a request naming the current
 * hash may cache forever, a stale hash is redirected to the current one. `/openapi/v2` serves the whole Swagger
 * document as JSON or as gnostic protobuf (kubectl ≤1.28 validates and computes patches from the latter).
 */
@Controller('openapi')
export class OpenApiController {
  constructor(
    private readonly openapi: OpenApiService,
    private readonly swagger: SwaggerService,
  ) {}

  @Get('v3')
  index(@Req() req: Request, @Res() res: Response): void {
    serve(req, res, this.openapi.index(), {});
  }

  @Get('v3/api/:version')
  core(@Param('version') version: string, @Query('hash') hash: string | undefined, @Req() req: Request, @Res() res: Response): void {
    this.groupVersion(`api/${version}`, hash, req, res);
  }

  @Get('v3/apis/:group/:version')
  group(
    @Param('group') group: string,
    @Param('version') version: string,
    @Query('hash') hash: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): void {
    this.groupVersion(`apis/${group}/${version}`, hash, req, res);
  }

  @Get('v2')
  v2(@Req() req: Request, @Res() res: Response): void {
    const encoding = negotiateSwagger(req.headers.accept);
    res.setHeader('Vary', 'Accept');
    if (!encoding) {
      res.status(406).end();
      return;
    }
    const doc = this.swagger.current();
    const etag = `"${doc.hash}"`;
    const headers = { ETag: etag, 'Last-Modified': doc.lastModified.toUTCString() };
    if (notModified(req, etag, doc.lastModified)) {
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
      res.status(304).end();
      return;
    }
    if (encoding === 'json') sendBody(res, 200, 'application/json', doc.json, headers);
    else sendBody(res, 200, SWAGGER_PROTOBUF, doc.protobuf, headers);
  }

  private groupVersion(key: string, hash: string | undefined, req: Request, res: Response): void {
    const doc = this.openapi.document(key);
    if (!doc) {
      sendStatusError(res, notFound());
      return;
    }
    if (!acceptsJson(req.headers.accept)) {
      sendStatusError(res, new NotAcceptableError('only the following media types are accepted: application/json'), { Vary: 'Accept' });
      return;
    }
    const headers: Record<string, string> = { Vary: 'Accept' };
    if (hash) {
      if (hash !== doc.hash) {
        res.status(301).setHeader('Location', serverRelativeUrl(key, doc.hash));
        res.setHeader('Vary', 'Accept');
        res.end();
        return;
      }
      headers['Cache-Control'] = 'public, immutable';
      headers.Expires = new Date(Date.now() + YEAR_MS).toUTCString();
    }
    serve(req, res, doc, headers);
  }
}

function serve(req: Request, res: Response, doc: OpenApiBody, headers: Record<string, string>): void {
  const etag = `"${doc.hash}"`;
  if (matchesEtag(req.headers['if-none-match'], etag)) {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    res.status(304).setHeader('ETag', etag);
    res.end();
    return;
  }
  sendBody(res, 200, 'application/json', doc.body, { ...headers, ETag: etag });
}

/** Go's ServeContent rules: If-None-Match decides when present, otherwise If-Modified-Since (second precision). */
function notModified(req: Request, etag: string, lastModified: Date): boolean {
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch) return matchesEtag(ifNoneMatch, etag);
  const since = Date.parse(req.headers['if-modified-since'] ?? '');
  return Number.isFinite(since) && lastModified.getTime() <= since;
}

/** JSON is the only encoding served; an absent Accept means anything. */
export function acceptsJson(accept: string | undefined): boolean {
  if (!accept || !accept.trim()) return true;
  return accept.split(',').some((part) => {
    const [mime, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    if (params.some((p) => /^q=0(\.0*)?$/.test(p))) return false;
    return mime === 'application/json' || mime === 'application/*' || mime === '*/*';
  });
}
