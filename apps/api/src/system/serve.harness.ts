import { Global, type INestApplication, Module, type ModuleMetadata, type Provider } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Harness {
  app: INestApplication;
  /** `http://127.0.0.1:<port>` */
  url: string;
  close(): Promise<void>;
}

export interface HarnessReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * Serves the given modules on a random loopback port, with `providers` made global the way the application's
 * root provides RESOURCE_REGISTRY and READINESS. For tests of the non-resource endpoints.
 */
export async function serveModules(imports: ModuleMetadata['imports'], providers: Provider[] = []): Promise<Harness> {
  @Global()
  @Module({ providers, exports: providers.map((p) => (typeof p === 'function' ? p : p.provide)) })
  class HarnessInputsModule {}

  @Module({ imports: [HarnessInputsModule, ...(imports ?? [])] })
  class HarnessModule {}

  const app = await NestFactory.create(HarnessModule, { logger: false });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${port}`, close: () => app.close() };
}

export function fetchText(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<HarnessReply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}
