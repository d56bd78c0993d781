import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { sendBody } from '../system/http.reply';
import { RequestMetrics } from './request-metrics.service';

export const EXPOSITION_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

@Controller()
export class MetricsController {
  constructor(private readonly metrics: RequestMetrics) {}

  @Get('metrics')
  metricsText(@Res() res: Response): void {
    sendBody(res, 200, EXPOSITION_CONTENT_TYPE, this.metrics.render());
  }
}
