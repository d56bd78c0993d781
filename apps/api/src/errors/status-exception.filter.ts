import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { InternalError, isStatusError, MethodNotAllowedError, RequestEntityTooLargeError, StatusError, type Status } from '@flotilla/domain';

const logger = new Logger('api');

function notFound(): Status {
  return new StatusError(404, 'NotFound', 'the server could not find the requested resource', {}).toStatus();
}

/** Maps every error to a Kubernetes `Status`: domain errors as they are, framework errors by code, the rest as 500 (logged). */
export function statusOf(error: unknown): Status {
  if (isStatusError(error)) return error.toStatus();
  const e = error as { type?: string; status?: number; statusCode?: number; message?: string };
  if (e?.type === 'entity.too.large') return new RequestEntityTooLargeError().toStatus();
  if (e?.type === 'request.aborted') return new StatusError(400, 'BadRequest', 'the request was aborted').toStatus();
  if (error instanceof HttpException) {
    const code = error.getStatus();
    if (code === 404) return notFound();
    if (code === 405) return new MethodNotAllowedError().toStatus();
    return new StatusError(code, code >= 500 ? 'InternalError' : 'BadRequest', error.message).toStatus();
  }
  logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return new InternalError(e?.message ?? String(error)).toStatus();
}

/** Answers `error` as a `Status`; a response already under way can only be ended. */
export function writeStatus(res: ServerResponse, error: unknown): void {
  const status = statusOf(error);
  if (res.headersSent) {
    res.end();
    return;
  }
  res.statusCode = status.code;
  res.setHeader('Content-Type', 'application/json');
  res.end(JSON.stringify(status));
}

/** The global filter: every error a Nest route or Express layer throws reaches the client as a `Status`. */
@Catch()
export class StatusExceptionFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void {
    writeStatus(host.switchToHttp().getResponse<ServerResponse>(), error);
  }
}
