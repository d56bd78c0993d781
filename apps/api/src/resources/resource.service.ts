import { Inject, Injectable } from '@nestjs/common';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { jsonText, MethodNotAllowedError, StatusError, type ResourceRegistry } from '@flotilla/domain';
import { negotiate } from '../request/content-negotiation';
import { parseRequestInfo, type RequestInfo } from '../request/request-info';
import { RESOURCE_REGISTRY } from '../tokens';
import type { UserInfo, RequestContext } from './request-context';
import { parseFieldValidation } from './field-validation';
import { parseListOptions } from './list-options';
import { renderList, renderListText, renderObject } from './renderer';
import { ResourceReader } from './resource-reader';
import { ResourceWriter } from './resource-writer';
import { WatchStreamer } from './watch-streamer';

export class ResourceNotFoundError extends StatusError {
  constructor() {
    super(404, 'NotFound', 'the server could not find the requested resource', {});
  }
}

const READ_SUBRESOURCES = new Set(['status', 'scale']);

/** What `context` reads of a request: an Express request has it all, and so does the resource route's own parse. */
export interface ResourceRequest {
  method: string;
  /** The URL's path, not decoded. */
  path: string;
  query: Record<string, unknown>;
  headers: IncomingHttpHeaders;
  /** The raw body, when the request has one. */
  body?: unknown;
}

/** Dispatches a resource request by verb to the reader, the writer or the watch streamer. */
@Injectable()
export class ResourceService {
  constructor(
    @Inject(RESOURCE_REGISTRY) private readonly registry: ResourceRegistry,
    private readonly reader: ResourceReader,
    private readonly writer: ResourceWriter,
    private readonly streamer: WatchStreamer,
  ) {}

  /** Parses the request (unless `parsed` already is) into a context; undefined for paths that are not resource requests. */
  context(req: ResourceRequest, user: UserInfo, parsed?: RequestInfo): RequestContext | undefined {
    const query = req.query;
    const info = parsed ?? parseRequestInfo(req.method, req.path, query);
    if (!info) return undefined;
    if (info.subresource?.startsWith('__method:')) throw new MethodNotAllowedError();
    const rt = this.registry.lookup(info.group, info.version, info.resource);
    if (!rt) throw new ResourceNotFoundError();
    this.checkScope(info, rt.namespaced);
    // kube-apiserver registers PUT/PATCH only on object paths and POST only on collections (and subresources).
    if ((info.verb === 'update' || info.verb === 'patch') && info.name === undefined) throw new MethodNotAllowedError();
    if (info.verb === 'create' && info.name !== undefined && !info.subresource) throw new MethodNotAllowedError();
    if (!rt.verbs.includes(info.verb) && !(info.subresource && READ_SUBRESOURCES.has(info.subresource))) throw new MethodNotAllowedError();
    if (info.subresource && !rt.subresources.some((s) => s.name === info.subresource)) throw new ResourceNotFoundError();
    const dryRun = ([] as unknown[]).concat(query.dryRun ?? []).map(String);
    if (dryRun.some((d) => d !== 'All')) throw new StatusError(400, 'BadRequest', `Invalid dry run value: ${dryRun.join(',')}`);
    return {
      info,
      rt,
      query,
      user,
      body: Buffer.isBuffer(req.body) ? req.body : undefined,
      contentType: req.headers['content-type'],
      accept: req.headers.accept,
      userAgent: req.headers['user-agent'],
      dryRun: dryRun.length > 0,
      fieldManager: typeof query.fieldManager === 'string' ? query.fieldManager : undefined,
      fieldValidation: parseFieldValidation(query.fieldValidation),
      warnings: [],
    };
  }

  async handle(ctx: RequestContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { info, rt } = ctx;
    const now = new Date();
    switch (info.verb) {
      case 'get': {
        const obj = await this.reader.get(ctx, this.writer.keyOf(ctx, info.name as string));
        const form = info.subresource === 'scale' ? ({ as: 'object' } as const) : negotiate(ctx.accept, false);
        return send(res, 200, renderObject(rt, obj, form, now, ctx.query.includeObject as string | undefined), ctx.warnings, form.as === 'Table');
      }
      case 'list': {
        const options = parseListOptions(rt, ctx.query);
        const form = negotiate(ctx.accept, true);
        if (form.as === 'object' && !options.selective) {
          const list = await this.reader.listText(ctx, options);
          return send(res, 200, renderListText(rt, list.items, { resourceVersion: list.resourceVersion, continue: list.continue }), ctx.warnings);
        }
        const list = await this.reader.list(ctx, options);
        return send(res, 200, renderList(rt, list.items, { resourceVersion: list.resourceVersion, continue: list.continue }, form, now, options.includeObject), ctx.warnings, form.as === 'Table');
      }
      case 'watch': {
        const options = parseListOptions(rt, ctx.query, info.name);
        return this.streamer.serve(ctx, options, negotiate(ctx.accept, false), req, res);
      }
      case 'create': {
        const { code, object } = await this.writer.create(ctx);
        return send(res, code, object, ctx.warnings);
      }
      case 'update': {
        const { code, object } = await this.writer.update(ctx, info.name as string);
        return send(res, code, object, ctx.warnings);
      }
      case 'patch': {
        const { code, object } = await this.writer.patch(ctx, info.name as string);
        return send(res, code, object, ctx.warnings);
      }
      case 'delete': {
        const { code, object } = await this.writer.delete(ctx, info.name as string);
        return send(res, code, object, ctx.warnings);
      }
      case 'deletecollection': {
        const options = parseListOptions(rt, ctx.query);
        const list = await this.reader.list(ctx, { ...options, limit: 0 });
        const deleted = await this.writer.deleteEach(ctx, list.items);
        return send(res, 200, renderList(rt, deleted, { resourceVersion: list.resourceVersion }, { as: 'object' }, now), ctx.warnings);
      }
    }
  }

  private checkScope(info: RequestInfo, namespaced: boolean): void {
    if (!namespaced && info.namespace !== undefined) throw new ResourceNotFoundError();
    if (namespaced && info.namespace === undefined && !['list', 'watch'].includes(info.verb)) {
      if (info.name !== undefined) throw new ResourceNotFoundError();
      throw new MethodNotAllowedError();
    }
  }
}

/** Writes the answer; a string body is already JSON. */
function send(res: ServerResponse, code: number, body: unknown, warnings: string[], table = false): void {
  if (warnings.length > 0) res.setHeader('Warning', warnings.map((w) => `299 - ${JSON.stringify(w)}`));
  res.statusCode = code;
  res.setHeader('Content-Type', table ? 'application/json;as=Table;v=v1;g=meta.k8s.io' : 'application/json');
  res.end(typeof body === 'string' ? body : jsonText(body));
}

