import type { ResourceType } from '@flotilla/domain';
import type { RequestInfo } from '../request/request-info';
import type { FieldValidation } from './field-validation';

export interface UserInfo {
  username: string;
  groups: string[];
}

/** Everything a resource handler needs to know about one request, parsed once by the controller. */
export interface RequestContext {
  info: RequestInfo;
  rt: ResourceType;
  query: Record<string, unknown>;
  user: UserInfo;
  body?: Buffer;
  contentType?: string;
  accept?: string;
  userAgent?: string;
  dryRun: boolean;
  fieldManager?: string;
  fieldValidation: FieldValidation;
  /** Collected `Warning` headers (already formatted texts, without the `299 - ` prefix). */
  warnings: string[];
}

/** The field manager of a request: the query parameter, else the user agent's command name as upstream derives it. */
export function fieldManagerOf(ctx: RequestContext): string {
  if (ctx.fieldManager) return ctx.fieldManager;
  const agent = ctx.userAgent ?? 'unknown';
  return agent.split('/')[0].slice(0, 128) || 'unknown';
}
