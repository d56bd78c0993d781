import type { FieldError } from '../errors';
import type { KubeObject } from '../objects/object-meta';
import type { ValidationContext } from '../registry/resource-type';
import { child, duplicate, forbidden, index, invalid, notSupported, required } from './field-errors';
import { isDns1035Label, isDns1123Label, isDns1123Subdomain, isValidPortName, isValidPortNum } from './names';
import { validateLabels } from './object-meta.validation';
import { asArray, asRecord, asString, isSet } from './values';

const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const AFFINITIES = ['ClientIP', 'None'];
const TRAFFIC_POLICIES = ['Cluster', 'Local'];
const IP_FAMILY_POLICIES = ['PreferDualStack', 'RequireDualStack', 'SingleStack'];
const IP_FAMILIES = ['IPv4', 'IPv6'];

function isIp(value: string): boolean {
  const v4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
  return v4.test(value) || (value.includes(':') && /^[0-9a-fA-F:.]+$/.test(value));
}

function validatePorts(spec: Record<string, unknown>, type: string): FieldError[] {
  const errs: FieldError[] = [];
  const ports = asArray(spec.ports);
  const names = new Set<string>();
  const seen = new Set<string>();
  ports.forEach((raw, i) => {
    const port = asRecord(raw) ?? {};
    const p = index('spec.ports', i);
    const name = asString(port.name);
    if (ports.length > 1 && !name) errs.push(required(child(p, 'name')));
    if (name) {
      for (const msg of isDns1123Label(name)) errs.push(invalid(child(p, 'name'), name, msg));
      if (names.has(name)) errs.push(duplicate(child(p, 'name'), name));
      names.add(name);
    }
    const number = typeof port.port === 'number' ? port.port : 0;
    for (const msg of isValidPortNum(number)) errs.push(invalid(child(p, 'port'), number, msg));
    const protocol = asString(port.protocol);
    if (!protocol) errs.push(required(child(p, 'protocol')));
    else if (!PROTOCOLS.includes(protocol)) errs.push(notSupported(child(p, 'protocol'), protocol, PROTOCOLS));
    const target = port.targetPort;
    if (typeof target === 'number') for (const msg of isValidPortNum(target)) errs.push(invalid(child(p, 'targetPort'), target, msg));
    else if (typeof target === 'string') for (const msg of isValidPortName(target)) errs.push(invalid(child(p, 'targetPort'), target, msg));
    if (isSet(port.nodePort) && port.nodePort !== 0) {
      for (const msg of isValidPortNum(Number(port.nodePort))) errs.push(invalid(child(p, 'nodePort'), port.nodePort, msg));
      if (type === 'ClusterIP') errs.push(forbidden(child(p, 'nodePort'), "may not be used when `type` is 'ClusterIP'"));
    }
    const dedupe = `${protocol}/${number}`;
    // Upstream reports the internal ServicePort key, JSON-encoded with Go field names.
    if (seen.has(dedupe)) {
      errs.push(duplicate(p, { Name: '', Protocol: protocol, AppProtocol: null, Port: number, TargetPort: 0, NodePort: 0 }));
    }
    seen.add(dedupe);
  });
  return errs;
}

function validateClusterIps(spec: Record<string, unknown>, type: string): FieldError[] {
  const errs: FieldError[] = [];
  const ips = asArray(spec.clusterIPs).map(asString);
  const primary = asString(spec.clusterIP);
  if (type === 'ExternalName') return errs;
  if (primary && ips.length && ips[0] !== primary) {
    errs.push(invalid('spec.clusterIPs', ips, 'first value must match `clusterIP`'));
  }
  ips.forEach((ip, i) => {
    if (ip === 'None') {
      if (i > 0) errs.push(invalid(index('spec.clusterIPs', i), ip, "may only be set to 'None' as the only value"));
      else if (type === 'NodePort' || type === 'LoadBalancer') {
        errs.push(invalid(index('spec.clusterIPs', 0), ip, `may not be set to 'None' for ${type} services`));
      }
    } else if (!isIp(ip)) {
      errs.push(invalid(index('spec.clusterIPs', i), ip, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'));
    }
  });
  return errs;
}

/** ValidateService / ValidateServiceUpdate, without the allocator's range checks (the API allocates and checks those). */
export function validateService(obj: KubeObject, ctx: ValidationContext): FieldError[] {
  const spec = asRecord(obj.spec) ?? {};
  const errs: FieldError[] = [];
  const name = asString(obj.metadata?.name);
  // Service names are DNS-1035 labels upstream; the generic check covers DNS-1123 labels, this adds the rest.
  if (ctx.operation === 'CREATE' && name && isDns1123Label(name).length === 0) {
    for (const msg of isDns1035Label(name)) errs.push(invalid('metadata.name', name, msg));
  }
  const type = asString(spec.type);
  if (!type) errs.push(required('spec.type'));
  else if (!SERVICE_TYPES.includes(type)) errs.push(notSupported('spec.type', type, SERVICE_TYPES));
  const headless = asString(spec.clusterIP) === 'None';
  if (type === 'ExternalName') {
    const external = asString(spec.externalName);
    if (!external) errs.push(required('spec.externalName'));
    else for (const msg of isDns1123Subdomain(external.replace(/\.$/, ''))) errs.push(invalid('spec.externalName', external, msg));
  } else if (asArray(spec.ports).length === 0 && !headless) {
    errs.push(required('spec.ports'));
  }
  errs.push(...validatePorts(spec, type));
  errs.push(...validateLabels(spec.selector, 'spec.selector'));
  const affinity = asString(spec.sessionAffinity);
  if (!affinity) errs.push(required('spec.sessionAffinity'));
  else if (!AFFINITIES.includes(affinity)) errs.push(notSupported('spec.sessionAffinity', affinity, AFFINITIES));
  errs.push(...validateClusterIps(spec, type));
  const etp = asString(spec.externalTrafficPolicy);
  if (etp) {
    if (type !== 'NodePort' && type !== 'LoadBalancer') {
      errs.push(invalid('spec.externalTrafficPolicy', etp, "may only be set when `type` is 'NodePort' or 'LoadBalancer'"));
    } else if (!TRAFFIC_POLICIES.includes(etp)) errs.push(notSupported('spec.externalTrafficPolicy', etp, TRAFFIC_POLICIES));
  }
  const itp = asString(spec.internalTrafficPolicy);
  if (itp && !TRAFFIC_POLICIES.includes(itp)) errs.push(notSupported('spec.internalTrafficPolicy', itp, TRAFFIC_POLICIES));
  const familyPolicy = asString(spec.ipFamilyPolicy);
  if (familyPolicy && !IP_FAMILY_POLICIES.includes(familyPolicy)) {
    errs.push(notSupported('spec.ipFamilyPolicy', familyPolicy, IP_FAMILY_POLICIES));
  }
  asArray(spec.ipFamilies).forEach((f, i) => {
    if (!IP_FAMILIES.includes(asString(f))) errs.push(notSupported(index('spec.ipFamilies', i), f, IP_FAMILIES));
  });
  if (ctx.operation === 'UPDATE' && ctx.old) errs.push(...validateServiceUpdate(spec, asRecord(ctx.old.spec) ?? {}));
  return errs;
}

/** The primary cluster IP may not change once allocated; an absent one means "keep" (the API copies it over). */
function validateServiceUpdate(spec: Record<string, unknown>, old: Record<string, unknown>): FieldError[] {
  if (spec.type === 'ExternalName' || old.type === 'ExternalName') return [];
  const oldIps = asArray(old.clusterIPs).map(asString);
  const newIps = asArray(spec.clusterIPs).map(asString);
  if (oldIps.length && newIps.length && oldIps[0] !== newIps[0]) {
    return [invalid(index('spec.clusterIPs', 0), newIps, 'may not change once set')];
  }
  return [];
}
