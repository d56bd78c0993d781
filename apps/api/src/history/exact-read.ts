import { InvalidError } from '@flotilla/domain';

type Query = Record<string, unknown>;

function param(q: Query, key: string): string | undefined {
  const v = q[key];
  if (Array.isArray(v)) return v.length > 0 ? String(v[0]) : undefined;
  return v === undefined ? undefined : String(v);
}

/**
 * The resourceVersion a single-object GET must be served at exactly, or undefined for an ordinary read.
 *
 * kube-apiserver's GetOptions has no `resourceVersionMatch`: it ignores the parameter on GET and serves
 * `?resourceVersion=N` as "not older than N". Flotilla keeps that meaning and adds one: with
 * `resourceVersionMatch=Exact` the object is read from the log as it was at N (404 if it did not exist then,
 * 410 once N is compacted, 504 while N is ahead of the log). The checks mirror upstream's ListOptions rules.
 */
export function exactReadVersion(q: Query): number | undefined {
  if (param(q, 'resourceVersionMatch') !== 'Exact') return undefined;
  const rv = param(q, 'resourceVersion') ?? '';
  if (rv === '') throw forbidden('resourceVersionMatch is forbidden unless resourceVersion is provided');
  if (rv === '0') throw forbidden('resourceVersionMatch "exact" is forbidden for resourceVersion "0"');
  if (!/^\d+$/.test(rv)) {
    throw new InvalidError('meta.k8s.io', 'GetOptions', '', [
      { type: 'FieldValueInvalid', field: 'resourceVersion', detail: `Invalid value: "${rv}": must be a non-negative integer` },
    ]);
  }
  return Number(rv);
}

function forbidden(detail: string): InvalidError {
  return new InvalidError('meta.k8s.io', 'GetOptions', '', [{ type: 'FieldValueForbidden', field: 'resourceVersionMatch', detail: `Forbidden: ${detail}` }]);
}
