import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { InternalError, isStatusError, MethodNotAllowedError, RequestEntityTooLargeError, StatusError, type Status } from '@flotilla/domain';

function notFound(): Status {
  return new StatusError(404, 'NotFound', 'the server could not find the requested resource', {}).toStatus();
}

/** Maps every error to a Kubernetes `Status`: domain errors as they are, framework errors by code, the rest as 500. */
@Catch()
export class StatusExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('api');

  catch(error: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const status = this.toStatus(error);
    if (res.headersSent) {
      res.end();
      return;
    }
    res.status(status.code).setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify(status));
  }

  private toStatus(error: unknown): Status {
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
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return new InternalError(e?.message ?? String(error)).toStatus();
  }
}
