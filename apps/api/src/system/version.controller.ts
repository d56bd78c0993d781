import { Controller, Get, Inject, Optional, Res } from '@nestjs/common';
import type { Response } from 'express';
import { sendBody } from './http.reply';
import { BUILD_INFO, type BuildInfo, versionInfo } from './version.info';

@Controller()
export class VersionController {
  private readonly body: string;

  constructor(@Optional() @Inject(BUILD_INFO) build?: BuildInfo) {
    // kube-apiserver indents this one document.
    this.body = JSON.stringify(versionInfo(build ?? {}), null, 2);
  }

  @Get('version')
  version(@Res() res: Response): void {
    sendBody(res, 200, 'application/json', this.body);
  }
}
