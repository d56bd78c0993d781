import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { BadRequestError } from '@flotilla/domain';
import { resourceFastRoute } from './resource.fast-route';
import type { ResourceService } from './resource.service';

function request(method: string, url: string): Request {
  const [path, search] = url.split('?');
  const query = Object.fromEntries(new URLSearchParams(search ?? ''));
  return { method, url, path, query } as unknown as Request;
}

function setup(handle: () => Promise<void> = () => Promise.resolve()) {
  const calls: string[] = [];
  const resources = {
    context: jest.fn(() => ({ info: {} })),
    handle: jest.fn(async () => {
      calls.push('handle');
      await handle();
    }),
  };
  const layer =
    (name: string): RequestHandler =>
    (_req, _res, next) => {
      calls.push(name);
      next();
    };
  const sut = resourceFastRoute(resources as unknown as ResourceService, [layer('metrics'), layer('auth'), layer('body')], ['/apis/history.flotilla.dev/']);
  const run = (req: Request) =>
    new Promise<unknown>((resolve) => {
      const next: NextFunction = (error?: unknown) => resolve(error ?? 'next');
      sut(req, {} as Response, next);
      void Promise.resolve().then(() => setImmediate(() => resolve('served')));
    });
  return { sut, calls, resources, run };
}

describe(resourceFastRoute.name, () => {
  it('serves a resource request through the pipeline in order, then the resource service', async () => {
    const { calls, resources, run } = setup();
    expect(await run(request('POST', '/api/v1/namespaces/default/configmaps'))).toBe('served');
    expect(calls).toEqual(['metrics', 'auth', 'body', 'handle']);
    expect(resources.context).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['GET', '/api/v1'],
    ['GET', '/apis/apps/v1'],
    ['GET', '/openapi/v2'],
    ['GET', '/api/v1/namespaces/default/pods?watch=true'],
    ['GET', '/api/v1/watch/namespaces/default/pods'],
    ['OPTIONS', '/api/v1/namespaces/default/pods'],
    ['GET', '/apis/history.flotilla.dev/v1/namespaces/default/revisions'],
    ['GET', '/api/v1/namespaces/%E0%A4%A/pods'],
  ])('leaves %s %s to the usual route', async (method, url) => {
    const { calls, run } = setup();
    expect(await run(request(method, url))).toBe('next');
    expect(calls).toEqual([]);
  });

  it('passes errors of the service to next, for the global exception filter', async () => {
    const error = new BadRequestError('bad');
    const { run } = setup(() => Promise.reject(error));
    expect(await run(request('PUT', '/api/v1/namespaces/default/configmaps/a'))).toBe(error);
  });

  it('stops at a pipeline layer that answers or fails', async () => {
    const failing = new Error('entity.too.large');
    const resources = { context: jest.fn(), handle: jest.fn() };
    const sut = resourceFastRoute(resources as unknown as ResourceService, [(_req, _res, next) => next(failing)], []);
    const next = jest.fn();
    sut(request('POST', '/api/v1/namespaces/default/configmaps'), {} as Response, next);
    expect(next).toHaveBeenCalledWith(failing);
    expect(resources.handle).not.toHaveBeenCalled();
  });
});
