import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Harness } from '../../../../test/support/api-harness';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json(): unknown;
}

export interface RawRequest {
  method?: string;
  path: string;
  body?: string | Buffer;
  headers?: Record<string, string>;
  /** Leave out the bearer token. */
  anonymous?: boolean;
}

/** One HTTP(S) request to the harness's API replica (or another replica's `server` URL), trusting its CA, with the admin token unless `anonymous`. */
export function rawRequest(harness: Harness, req: RawRequest, server = harness.server.url): Promise<RawResponse> {
  const url = new URL(req.path, server);
  const headers: Record<string, string | number> = { ...req.headers };
  if (!req.anonymous) headers.Authorization = `Bearer ${harness.token}`;
  if (req.body !== undefined) headers['Content-Length'] = Buffer.byteLength(req.body);
  return new Promise((resolve, reject) => {
    const request = url.protocol === 'http:' ? httpRequest : httpsRequest;
    const r = request(url, { method: req.method ?? 'GET', headers, ca: harness.caCertPem }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json: () => JSON.parse(body) });
      });
      res.on('error', reject);
    });
    r.on('error', reject);
    if (req.body !== undefined) r.write(req.body);
    r.end();
  });
}
