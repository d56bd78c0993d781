import type { FieldError } from '../errors';
import type { KubeObject } from '../objects/object-meta';
import { child, index, invalid, notSupported, required } from './field-errors';
import { isDns1123Label, isDns1123Subdomain, isValidPortName, isValidPortNum } from './names';
import { asArray, asRecord, asString, isSet } from './values';

const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'];
const ADDRESS_TYPES = ['FQDN', 'IPv4', 'IPv6'];

function validateBackend(raw: unknown, path: string): FieldError[] {
  const backend = asRecord(raw) ?? {};
  const service = asRecord(backend.service);
  const resource = asRecord(backend.resource);
  if (service && resource) return [invalid(path, '', 'cannot set both resource and service backends')];
  if (!service && !resource) return [invalid(path, '', 'resource or service backend is required')];
  if (!service) return [];
  const errs: FieldError[] = [];
  const name = asString(service.name);
  if (!name) errs.push(required(child(path, 'service', 'name')));
  else for (const msg of isDns1123Label(name)) errs.push(invalid(child(path, 'service', 'name'), name, msg));
  const port = asRecord(service.port) ?? {};
  const p = child(path, 'service', 'port');
  if (isSet(port.name) && isSet(port.number)) errs.push(invalid(p, port, 'cannot set both port name & port number'));
  else if (isSet(port.name)) for (const msg of isValidPortName(asString(port.name))) errs.push(invalid(child(p, 'name'), port.name, msg));
  else if (isSet(port.number)) for (const msg of isValidPortNum(Number(port.number))) errs.push(invalid(child(p, 'number'), port.number, msg));
  else errs.push(required(p, 'port name or number is required'));
  return errs;
}

export function validateIngress(obj: KubeObject): FieldError[] {
  const spec = asRecord(obj.spec) ?? {};
  const errs: FieldError[] = [];
  const rules = asArray(spec.rules);
  if (!isSet(spec.defaultBackend) && rules.length === 0) errs.push(invalid('spec', spec, 'either `defaultBackend` or `rules` must be specified'));
  if (isSet(spec.defaultBackend)) errs.push(...validateBackend(spec.defaultBackend, 'spec.defaultBackend'));
  rules.forEach((raw, i) => {
    const rule = asRecord(raw) ?? {};
    const p = index('spec.rules', i);
    const host = asString(rule.host);
    if (host) {
      const bare = host.startsWith('*.') ? host.slice(2) : host;
      for (const msg of isDns1123Subdomain(bare)) errs.push(invalid(child(p, 'host'), host, msg));
    }
    asArray(asRecord(rule.http)?.paths).forEach((rawPath, j) => {
      const entry = asRecord(rawPath) ?? {};
      const pp = index(child(p, 'http', 'paths'), j);
      const pathType = asString(entry.pathType);
      const value = asString(entry.path);
      if (!pathType) errs.push(required(child(pp, 'pathType'), 'pathType must be specified'));
      else if (!PATH_TYPES.includes(pathType)) errs.push(notSupported(child(pp, 'pathType'), pathType, PATH_TYPES));
      else if (pathType !== 'ImplementationSpecific' && !value.startsWith('/')) {
        errs.push(invalid(child(pp, 'path'), value, 'must be an absolute path'));
      }
      errs.push(...validateBackend(entry.backend, child(pp, 'backend')));
    });
  });
  return errs;
}

export function validateEndpointSlice(obj: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const addressType = asString(obj.addressType);
  if (!addressType) errs.push(required('addressType'));
  else if (!ADDRESS_TYPES.includes(addressType)) errs.push(notSupported('addressType', addressType, ADDRESS_TYPES));
  asArray(obj.endpoints).forEach((raw, i) => {
    const addresses = asArray(asRecord(raw)?.addresses);
    if (addresses.length === 0) errs.push(required(child(index('endpoints', i), 'addresses'), 'must contain at least 1 address'));
  });
  asArray(obj.ports).forEach((raw, i) => {
    const port = asRecord(raw) ?? {};
    const name = asString(port.name);
    if (name) for (const msg of isDns1123Label(name)) errs.push(invalid(child(index('ports', i), 'name'), name, msg));
  });
  return errs;
}
