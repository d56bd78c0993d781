import { All, Controller, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { UserInfo } from './request-context';
import { ResourceNotFoundError, ResourceService } from './resource.service';

/** Every resource URL under /api/v1 and /apis/<group>/<version>; discovery documents are served by their own module. */
@Controller()
export class ResourceController {
  constructor(private readonly resources: ResourceService) {}

  @All(['api/*path', 'apis/*path'])
  async handle(@Req() req: Request & { user?: UserInfo }, @Res() res: Response): Promise<void> {
    const ctx = this.resources.context(req, req.user ?? { username: 'system:anonymous', groups: [] });
    if (!ctx) throw new ResourceNotFoundError();
    await this.resources.handle(ctx, req, res);
  }
}
