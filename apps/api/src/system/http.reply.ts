import type { Response } from 'express';
import { StatusError } from '@flotilla/domain';

/**
 * Writes a finished response with exactly the given Content-Type. Express's `res.send` would append
 * `; charset=utf-8` to string bodies and add an ETag; discovery clients compare the type's parameters, so the
 * non-resource endpoints write the bytes themselves.
 */
export function sendBody(
  res: Response,
  code: number,
  contentType: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): void {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.status(code);
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Length', String(bytes.length));
  res.end(res.req.method === 'HEAD' ? undefined : bytes);
}

export function sendJson(res: Response, code: number, value: unknown, headers: Record<string, string> = {}): void {
  sendBody(res, code, 'application/json', JSON.stringify(value), headers);
}

export function sendStatusError(res: Response, error: StatusError, headers: Record<string, string> = {}): void {
  sendJson(res, error.code, error.toStatus(), headers);
}

/** kube-apiserver's answer for a path nothing serves. */
export function notFound(): StatusError {
  return new StatusError(404, 'NotFound', 'the server could not find the requested resource', {});
}

/** True when an `If-None-Match` header names the given quoted entity tag (or `*`). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim().replace(/^W\//, '');
    return t === '*' || t === etag;
  });
}
