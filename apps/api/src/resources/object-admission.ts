import {
  BadRequestError,
  findTypeErrors,
  firstDecodeError,
  findUnknownFields,
  InvalidError,
  isObject,
  schemaFor,
  validateObjectMeta,
  type KubeObject,
  type ResourceType,
  type ValidationContext,
} from '@flotilla/domain';
import { pruneUnknownFields } from './field-validation';
import type { RequestContext } from './request-context';

/** `apps/v1` for apps, `v1` for core. */
export function apiVersionOf(rt: ResourceType): string {
  return rt.group ? `${rt.group}/${rt.version}` : rt.version;
}

/**
 * Checks the body's type meta against the URL, as kube-apiserver does: a missing kind/apiVersion is filled in, a
 * different one is rejected.
 */
export function checkTypeMeta(rt: ResourceType, obj: Record<string, unknown>): void {
  const apiVersion = apiVersionOf(rt);
  if (obj.apiVersion !== undefined && obj.apiVersion !== apiVersion) {
    throw new BadRequestError(`the API version in the data (${String(obj.apiVersion)}) does not match the expected API version (${apiVersion})`);
  }
  if (obj.kind !== undefined && obj.kind !== rt.kind) {
    throw new BadRequestError(`the kind in the data (${String(obj.kind)}) does not match the expected kind (${rt.kind})`);
  }
  if (obj.metadata !== undefined && obj.metadata !== null && !isObject(obj.metadata)) {
    throw new BadRequestError(`${rt.kind} in version "${rt.version}" cannot be handled as a ${rt.kind}: json: cannot unmarshal ${typeof obj.metadata} into Go struct field ${rt.kind}.metadata of type v1.ObjectMeta`);
  }
}

/**
 * Decoding as typed structs does it: values of the wrong type are rejected; unknown fields are dropped, and reported
 * per `fieldValidation` (Strict: 400, Warn: a Warning header, Ignore: silently).
 */
export function decodeFields(ctx: RequestContext, obj: Record<string, unknown>): void {
  const { rt } = ctx;
  const schema = schemaFor(rt.group, rt.kind);
  if (!schema) return;
  const typeError = firstDecodeError(findTypeErrors(obj, schema));
  if (typeError) {
    throw new BadRequestError(`${rt.kind} in version "${rt.version}" cannot be handled as a ${rt.kind}: ${typeError.message}`);
  }
  const unknown = findUnknownFields(obj, schema);
  if (unknown.length > 0) {
    if (ctx.fieldValidation === 'Strict') {
      throw new BadRequestError(
        `${rt.kind} in version "${rt.version}" cannot be handled as a ${rt.kind}: strict decoding error: ${unknown.map((p) => `unknown field "${p}"`).join(', ')}`,
      );
    }
    if (ctx.fieldValidation === 'Warn') ctx.warnings.push(...unknown.map((p) => `unknown field "${p}"`));
    pruneUnknownFields(obj, schema);
  }
}

/** Defaulting then validation; throws 422 Invalid with every field error. */
export function defaultAndValidate(rt: ResourceType, obj: KubeObject, vctx: ValidationContext): void {
  rt.applyDefaults?.(obj);
  const errors = [
    ...validateObjectMeta(obj, { namespaced: rt.namespaced, nameFormat: rt.nameFormat, operation: vctx.operation, old: vctx.old }),
    ...(rt.validate?.(obj, vctx) ?? []),
  ];
  if (errors.length > 0) throw new InvalidError(rt.group, rt.kind, obj.metadata.name ?? '', errors);
}
