import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { UnauthorizedError } from '@flotilla/domain';
import { writeStatus } from '../errors/status-exception.filter';
import type { UserInfo } from '../resources/request-context';

/** Paths served without credentials, as kube-apiserver's default RBAC lets anyone read them. */
const OPEN_PATHS = new Set(['/healthz', '/livez', '/readyz', '/version']);

export interface TokenEntry {
  token: string;
  user: UserInfo;
}

/**
 * Bearer-token authentication: the first stage of the pipeline (authn → authz → admission → store). Unknown or
 * missing credentials get 401 before any handler runs.
 */
export class Authenticator {
  private readonly tokens: { token: Buffer; user: UserInfo }[];

  constructor(entries: TokenEntry[]) {
    this.tokens = entries.map((e) => ({ token: Buffer.from(e.token), user: e.user }));
  }

  authenticate(header: string | undefined): UserInfo | undefined {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
    if (!m) return undefined;
    const given = Buffer.from(m[1]);
    return this.tokens.find((t) => t.token.length === given.length && timingSafeEqual(t.token, given))?.user;
  }

  middleware() {
    return (req: Request & { user?: UserInfo }, res: Response, next: NextFunction) => {
      const path = req.path.replace(/\/+$/, '') || '/';
      const user = this.authenticate(req.headers.authorization);
      if (user) {
        req.user = user;
        return next();
      }
      if (OPEN_PATHS.has(path) || path.startsWith('/healthz/') || path.startsWith('/livez/') || path.startsWith('/readyz/')) return next();
      writeStatus(res, new UnauthorizedError());
    };
  }
}

export function adminUser(): UserInfo {
  return { username: 'flotilla-admin', groups: ['system:masters', 'system:authenticated'] };
}
