import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { type HealthEndpoint, type HealthQuery, type HealthReport, HealthService } from './health.service';
import { notFound, sendBody, sendStatusError } from './http.reply';

type RawQuery = Record<string, string | string[] | undefined>;

@Controller()
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get('healthz')
  healthz(@Query() query: RawQuery, @Res() res: Response): void {
    send(res, this.health.report('healthz', healthQuery(query)));
  }

  @Get('livez')
  livez(@Query() query: RawQuery, @Res() res: Response): void {
    send(res, this.health.report('livez', healthQuery(query)));
  }

  @Get('readyz')
  readyz(@Query() query: RawQuery, @Res() res: Response): void {
    send(res, this.health.report('readyz', healthQuery(query)));
  }

  @Get('healthz/:check')
  healthzCheck(@Param('check') name: string, @Res() res: Response): void {
    this.single(res, 'healthz', name);
  }

  @Get('livez/:check')
  livezCheck(@Param('check') name: string, @Res() res: Response): void {
    this.single(res, 'livez', name);
  }

  @Get('readyz/:check')
  readyzCheck(@Param('check') name: string, @Res() res: Response): void {
    this.single(res, 'readyz', name);
  }

  private single(res: Response, endpoint: HealthEndpoint, name: string): void {
    const report = this.health.single(endpoint, name);
    if (report) send(res, report);
    else sendStatusError(res, notFound());
  }
}

function send(res: Response, report: HealthReport): void {
  sendBody(res, report.code, 'text/plain; charset=utf-8', report.body, { 'X-Content-Type-Options': 'nosniff' });
}

function healthQuery(query: RawQuery): HealthQuery {
  const exclude = query.exclude === undefined ? [] : ([] as string[]).concat(query.exclude);
  return { verbose: query.verbose !== undefined, exclude };
}
