import type { FieldError } from '../errors';
import type { KubeObject } from '../objects/object-meta';
import type { ValidationContext } from '../registry/resource-type';
import { forbidden, invalid, key, required, tooLong } from './field-errors';
import { isConfigMapKey } from './names';
import { asRecord, asString, byteLength, jsonEqual } from './values';

export const MAX_SECRET_SIZE = 1024 * 1024;
const IMMUTABLE_SET = 'field is immutable when `immutable` is set';

/** Decoded size of a base64 string, without decoding it. */
function base64Size(value: string): number {
  const clean = value.replace(/\s/g, '');
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.floor((clean.length * 3) / 4) - padding;
}

function validateKeys(map: Record<string, unknown>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const k of Object.keys(map)) for (const msg of isConfigMapKey(k)) errs.push(invalid(key(path, k), k, msg));
  return errs;
}

function immutableUpdate(obj: KubeObject, old: KubeObject, fields: string[]): FieldError[] {
  if (old.immutable !== true) return [];
  const errs: FieldError[] = [];
  if (obj.immutable !== true) errs.push(forbidden('immutable', IMMUTABLE_SET));
  for (const f of fields) if (!jsonEqual(obj[f], old[f])) errs.push(forbidden(f, IMMUTABLE_SET));
  return errs;
}

export function validateConfigMap(obj: KubeObject, ctx: ValidationContext): FieldError[] {
  const data = asRecord(obj.data) ?? {};
  const binary = asRecord(obj.binaryData) ?? {};
  const errs = validateKeys(data, 'data');
  let size = 0;
  for (const [k, v] of Object.entries(data)) {
    size += byteLength(asString(v));
    if (k in binary) errs.push(invalid(key('data', k), k, 'duplicate of key present in binaryData'));
  }
  errs.push(...validateKeys(binary, 'binaryData'));
  for (const v of Object.values(binary)) size += base64Size(asString(v));
  // Upstream reports the size against the whole object: an empty field path.
  if (size > MAX_SECRET_SIZE) errs.push(tooLong('', MAX_SECRET_SIZE));
  if (ctx.operation === 'UPDATE' && ctx.old) errs.push(...immutableUpdate(obj, ctx.old, ['data', 'binaryData']));
  return errs;
}

const TYPE_REQUIRED_KEYS: Record<string, string[]> = {
  'kubernetes.io/dockercfg': ['.dockercfg'],
  'kubernetes.io/dockerconfigjson': ['.dockerconfigjson'],
  'kubernetes.io/ssh-auth': ['ssh-privatekey'],
  'kubernetes.io/tls': ['tls.crt', 'tls.key'],
};

export function validateSecret(obj: KubeObject, ctx: ValidationContext): FieldError[] {
  const data = asRecord(obj.data) ?? {};
  const errs = validateKeys(data, 'data');
  let size = 0;
  for (const v of Object.values(data)) size += base64Size(asString(v));
  if (size > MAX_SECRET_SIZE) errs.push(tooLong('data', MAX_SECRET_SIZE));
  const type = asString(obj.type);
  for (const k of TYPE_REQUIRED_KEYS[type] ?? []) if (!(k in data)) errs.push(required(key('data', k)));
  if (type === 'kubernetes.io/service-account-token') {
    const annotation = 'kubernetes.io/service-account.name';
    if (!asString(obj.metadata?.annotations?.[annotation])) errs.push(required(key('metadata.annotations', annotation)));
  }
  if (type === 'kubernetes.io/basic-auth' && !('username' in data) && !('password' in data)) {
    errs.push(required(key('data', 'username')), required(key('data', 'password')));
  }
  if (ctx.operation === 'UPDATE' && ctx.old) {
    if (asString(ctx.old.type) !== type) errs.push(invalid('type', type, 'field is immutable'));
    errs.push(...immutableUpdate(obj, ctx.old, ['data']));
  }
  return errs;
}
