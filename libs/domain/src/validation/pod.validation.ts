import type { FieldError } from '../errors';
import type { KubeObject } from '../objects/object-meta';
import { child, duplicate, forbidden, index, invalid, key, notFound, notSupported, required } from './field-errors';
import { isDns1123Label, isDns1123Subdomain, isValidPortName, isValidPortNum, inclusiveRangeError } from './names';
import { validateLabels, validateTemplateMeta } from './object-meta.validation';
import { parseQuantity } from './quantity';
import { asArray, asRecord, asString, deepCloneJson, isSet, jsonEqual } from './values';

export const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const MAX_INT32 = 2147483647;

export const POD_UPDATE_FORBIDDEN =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,' +
  '`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

export interface PodSpecOptions {
  /** Restart policies the owner accepts; pods take all three, Deployments only Always, Jobs OnFailure/Never. */
  restartPolicies?: string[];
}

function validateVolumes(volumes: unknown[], path: string): { errs: FieldError[]; names: Set<string> } {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  volumes.forEach((raw, i) => {
    const vol = asRecord(raw) ?? {};
    const p = index(path, i);
    const name = asString(vol.name);
    if (!name) errs.push(required(child(p, 'name')));
    else {
      for (const msg of isDns1123Label(name)) errs.push(invalid(child(p, 'name'), name, msg));
      if (names.has(name)) errs.push(duplicate(child(p, 'name'), name));
      names.add(name);
    }
    const sources = Object.keys(vol).filter((k) => k !== 'name' && isSet(vol[k]));
    if (sources.length > 1) errs.push(forbidden(child(p, sources[1]), 'may not specify more than 1 volume type'));
    const src = (k: string) => asRecord(vol[k]);
    if (src('configMap') && !asString(src('configMap')?.name)) errs.push(required(child(p, 'configMap', 'name')));
    if (src('secret') && !asString(src('secret')?.secretName)) errs.push(required(child(p, 'secret', 'secretName')));
    if (src('persistentVolumeClaim') && !asString(src('persistentVolumeClaim')?.claimName)) {
      errs.push(required(child(p, 'persistentVolumeClaim', 'claimName')));
    }
    if (src('hostPath') && !asString(src('hostPath')?.path)) errs.push(required(child(p, 'hostPath', 'path')));
  });
  return { errs, names };
}

function validatePorts(ports: unknown[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  ports.forEach((raw, i) => {
    const port = asRecord(raw) ?? {};
    const p = index(path, i);
    const name = asString(port.name);
    if (name) {
      for (const msg of isValidPortName(name)) errs.push(invalid(child(p, 'name'), name, msg));
      if (names.has(name)) errs.push(duplicate(child(p, 'name'), name));
      names.add(name);
    }
    if (!isSet(port.containerPort) || port.containerPort === 0) errs.push(required(child(p, 'containerPort')));
    else for (const msg of isValidPortNum(Number(port.containerPort))) errs.push(invalid(child(p, 'containerPort'), port.containerPort, msg));
    if (isSet(port.hostPort) && port.hostPort !== 0) {
      for (const msg of isValidPortNum(Number(port.hostPort))) errs.push(invalid(child(p, 'hostPort'), port.hostPort, msg));
    }
    const protocol = asString(port.protocol);
    if (!protocol) errs.push(required(child(p, 'protocol')));
    else if (!PROTOCOLS.includes(protocol)) errs.push(notSupported(child(p, 'protocol'), protocol, PROTOCOLS));
  });
  return errs;
}

function validateResources(resources: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const res = asRecord(resources) ?? {};
  const limits = asRecord(res.limits) ?? {};
  const requests = asRecord(res.requests) ?? {};
  for (const [name, value] of Object.entries(requests)) {
    const limit = limits[name];
    if (!isSet(limit)) continue;
    const req = parseQuantity(value);
    const lim = parseQuantity(limit);
    if (req !== undefined && lim !== undefined && req > lim) {
      errs.push(invalid(key(child(path, 'requests'), name), String(value), `must be less than or equal to ${name} limit of ${String(limit)}`));
    }
  }
  return errs;
}

function validateContainer(ctr: Record<string, unknown>, path: string, volumes: Set<string>): FieldError[] {
  const errs: FieldError[] = [];
  const image = asString(ctr.image);
  if (!image) errs.push(required(child(path, 'image')));
  else if (image !== image.trim()) errs.push(invalid(child(path, 'image'), image, 'must not have leading or trailing whitespace'));
  const policy = asString(ctr.imagePullPolicy);
  if (policy && !PULL_POLICIES.includes(policy)) errs.push(notSupported(child(path, 'imagePullPolicy'), policy, PULL_POLICIES));
  errs.push(...validatePorts(asArray(ctr.ports), child(path, 'ports')));
  asArray(ctr.env).forEach((raw, i) => {
    if (!asString(asRecord(raw)?.name)) errs.push(required(child(index(child(path, 'env'), i), 'name')));
  });
  const mountPaths = new Set<string>();
  asArray(ctr.volumeMounts).forEach((raw, i) => {
    const mount = asRecord(raw) ?? {};
    const p = index(child(path, 'volumeMounts'), i);
    const name = asString(mount.name);
    if (!name) errs.push(required(child(p, 'name')));
    else if (!volumes.has(name)) errs.push(notFound(child(p, 'name'), name));
    const mountPath = asString(mount.mountPath);
    if (!mountPath) errs.push(required(child(p, 'mountPath')));
    else if (mountPaths.has(mountPath)) errs.push(invalid(child(p, 'mountPath'), mountPath, 'must be unique'));
    mountPaths.add(mountPath);
  });
  errs.push(...validateResources(ctr.resources, child(path, 'resources')));
  return errs;
}

function validateContainers(list: unknown[], path: string, volumes: Set<string>, seen: Set<string>): FieldError[] {
  const errs: FieldError[] = [];
  list.forEach((raw, i) => {
    const ctr = asRecord(raw) ?? {};
    const p = index(path, i);
    const name = asString(ctr.name);
    if (!name) errs.push(required(child(p, 'name')));
    else {
      for (const msg of isDns1123Label(name)) errs.push(invalid(child(p, 'name'), name, msg));
      if (seen.has(name)) errs.push(duplicate(child(p, 'name'), name));
      seen.add(name);
    }
    errs.push(...validateContainer(ctr, p, volumes));
  });
  return errs;
}

/** ValidatePodSpec: the checks users hit, with upstream field paths and messages. */
export function validatePodSpec(specValue: unknown, path: string, opts: PodSpecOptions = {}): FieldError[] {
  const spec = asRecord(specValue) ?? {};
  const { errs, names: volumes } = validateVolumes(asArray(spec.volumes), child(path, 'volumes'));
  const containers = asArray(spec.containers);
  const seen = new Set<string>();
  if (containers.length === 0) errs.push(required(child(path, 'containers')));
  errs.push(...validateContainers(containers, child(path, 'containers'), volumes, seen));
  errs.push(...validateContainers(asArray(spec.initContainers), child(path, 'initContainers'), volumes, seen));

  const restartPolicy = asString(spec.restartPolicy);
  const allowed = opts.restartPolicies ?? RESTART_POLICIES;
  if (!restartPolicy) errs.push(required(child(path, 'restartPolicy')));
  else if (!allowed.includes(restartPolicy)) errs.push(notSupported(child(path, 'restartPolicy'), restartPolicy, allowed));
  const dnsPolicy = asString(spec.dnsPolicy);
  if (!dnsPolicy) errs.push(required(child(path, 'dnsPolicy')));
  else if (!DNS_POLICIES.includes(dnsPolicy)) errs.push(notSupported(child(path, 'dnsPolicy'), dnsPolicy, DNS_POLICIES));

  errs.push(...validateLabels(spec.nodeSelector, child(path, 'nodeSelector')));
  const sa = asString(spec.serviceAccountName);
  if (sa) for (const msg of isDns1123Subdomain(sa)) errs.push(invalid(child(path, 'serviceAccountName'), sa, msg));
  for (const field of ['hostname', 'subdomain']) {
    const value = asString(spec[field]);
    if (value) for (const msg of isDns1123Label(value)) errs.push(invalid(child(path, field), value, msg));
  }
  const deadline = spec.activeDeadlineSeconds;
  if (typeof deadline === 'number' && (deadline < 1 || deadline > MAX_INT32)) {
    errs.push(invalid(child(path, 'activeDeadlineSeconds'), deadline, inclusiveRangeError(1, MAX_INT32)));
  }
  return errs;
}

/** A PodTemplateSpec embedded in a workload: its labels, annotations and pod spec. */
export function validatePodTemplate(template: unknown, path: string, opts: PodSpecOptions = {}): FieldError[] {
  const tpl = asRecord(template) ?? {};
  return [...validateTemplateMeta(tpl.metadata, child(path, 'metadata')), ...validatePodSpec(tpl.spec, child(path, 'spec'), opts)];
}

/**
 * ValidatePodUpdate: the spec is immutable except container images, activeDeadlineSeconds (set or shortened),
 * added tolerations and a negative terminationGracePeriodSeconds turned into 1.
 */
function validatePodSpecUpdate(specValue: unknown, oldValue: unknown): FieldError[] {
  const spec = asRecord(specValue) ?? {};
  const old = asRecord(oldValue) ?? {};
  const errs: FieldError[] = [];
  const munged = deepCloneJson(spec);
  for (const list of ['containers', 'initContainers']) {
    const now = asArray(munged[list]);
    const before = asArray(old[list]);
    if (now.length !== before.length) continue;
    now.forEach((c, i) => {
      const ctr = asRecord(c);
      const prev = asRecord(before[i]);
      if (ctr && prev) ctr.image = prev.image;
    });
  }
  const newDeadline = spec.activeDeadlineSeconds;
  const oldDeadline = old.activeDeadlineSeconds;
  if (typeof oldDeadline === 'number') {
    if (typeof newDeadline !== 'number') {
      errs.push(invalid(child('spec', 'activeDeadlineSeconds'), null, 'must not update from a positive integer to nil value'));
    } else if (newDeadline > oldDeadline) {
      errs.push(invalid(child('spec', 'activeDeadlineSeconds'), newDeadline, 'must be less than or equal to previous value'));
    }
  }
  munged.activeDeadlineSeconds = oldDeadline;
  const oldTolerations = asArray(old.tolerations);
  const newTolerations = asArray(spec.tolerations);
  if (oldTolerations.every((t) => newTolerations.some((n) => jsonEqual(n, t)))) munged.tolerations = old.tolerations;
  const oldGrace = old.terminationGracePeriodSeconds;
  if (typeof oldGrace === 'number' && oldGrace < 0 && spec.terminationGracePeriodSeconds === 1) {
    munged.terminationGracePeriodSeconds = oldGrace;
  }
  if (!jsonEqual(munged, old)) errs.push(forbidden('spec', POD_UPDATE_FORBIDDEN));
  return errs;
}

export function validatePod(pod: KubeObject, ctx: { operation: 'CREATE' | 'UPDATE'; old?: KubeObject }): FieldError[] {
  const errs = validatePodSpec(pod.spec, 'spec');
  if (ctx.operation === 'UPDATE' && ctx.old) errs.push(...validatePodSpecUpdate(pod.spec, ctx.old.spec));
  return errs;
}
