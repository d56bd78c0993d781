import type { KubeObject } from '../objects/object-meta';
import { parseQuantity } from '../validation/quantity';
import { asArray, asRecord, ensureRecord, isSet, setIfAbsent, type JsonObject } from '../validation/values';

const VOLUME_DEFAULT_MODE = 420; // 0644
const CONTAINER_LISTS = ['containers', 'initContainers', 'ephemeralContainers'];

/** `Always` for `:latest` or an untagged image without digest, `IfNotPresent` otherwise (SetDefaults_Container). */
export function defaultPullPolicy(image: string): 'Always' | 'IfNotPresent' {
  if (!image) return 'IfNotPresent';
  const at = image.indexOf('@');
  const name = at >= 0 ? image.slice(0, at) : image;
  const lastSegment = name.slice(name.lastIndexOf('/') + 1);
  const colon = lastSegment.indexOf(':');
  const tag = colon >= 0 ? lastSegment.slice(colon + 1) : at >= 0 ? '' : 'latest';
  return tag === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultHttpGet(handler: unknown): void {
  const httpGet = asRecord(asRecord(handler)?.httpGet);
  if (!httpGet) return;
  setIfAbsent(httpGet, 'path', '/');
  setIfAbsent(httpGet, 'scheme', 'HTTP');
}

function defaultProbe(value: unknown): void {
  const probe = asRecord(value);
  if (!probe) return;
  setIfAbsent(probe, 'timeoutSeconds', 1);
  setIfAbsent(probe, 'periodSeconds', 10);
  setIfAbsent(probe, 'successThreshold', 1);
  setIfAbsent(probe, 'failureThreshold', 3);
  defaultHttpGet(probe);
}

function defaultFieldRef(value: unknown): void {
  const fieldRef = asRecord(value);
  if (fieldRef) setIfAbsent(fieldRef, 'apiVersion', 'v1');
}

function defaultContainer(ctr: JsonObject): void {
  setIfAbsent(ctr, 'imagePullPolicy', defaultPullPolicy(typeof ctr.image === 'string' ? ctr.image : ''));
  setIfAbsent(ctr, 'terminationMessagePath', '/dev/termination-log');
  setIfAbsent(ctr, 'terminationMessagePolicy', 'File');
  // ResourceRequirements is a non-pointer struct upstream, so it always serialises, at least as `{}`.
  setIfAbsent(ctr, 'resources', {});
  for (const port of asArray(ctr.ports)) {
    const p = asRecord(port);
    if (p) setIfAbsent(p, 'protocol', 'TCP');
  }
  for (const env of asArray(ctr.env)) defaultFieldRef(asRecord(asRecord(env)?.valueFrom)?.fieldRef);
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) defaultProbe(ctr[probe]);
  const lifecycle = asRecord(ctr.lifecycle);
  if (lifecycle) {
    defaultHttpGet(lifecycle.postStart);
    defaultHttpGet(lifecycle.preStop);
  }
}

function defaultVolume(vol: JsonObject): void {
  const sources = Object.keys(vol).filter((k) => k !== 'name' && isSet(vol[k]));
  if (sources.length === 0) vol.emptyDir = {};
  for (const source of ['secret', 'configMap', 'downwardAPI', 'projected']) {
    const src = asRecord(vol[source]);
    if (src) setIfAbsent(src, 'defaultMode', VOLUME_DEFAULT_MODE);
  }
  const hostPath = asRecord(vol.hostPath);
  if (hostPath) setIfAbsent(hostPath, 'type', '');
  for (const item of asArray(asRecord(vol.downwardAPI)?.items)) defaultFieldRef(asRecord(item)?.fieldRef);
  for (const projection of asArray(asRecord(vol.projected)?.sources)) {
    const p = asRecord(projection);
    const token = asRecord(p?.serviceAccountToken);
    if (token) setIfAbsent(token, 'expirationSeconds', 3600);
    for (const item of asArray(asRecord(p?.downwardAPI)?.items)) defaultFieldRef(asRecord(item)?.fieldRef);
  }
  const ephemeralClaim = asRecord(asRecord(asRecord(vol.ephemeral)?.volumeClaimTemplate)?.spec);
  if (ephemeralClaim) setIfAbsent(ephemeralClaim, 'volumeMode', 'Filesystem');
}

/**
 * SetDefaults_PodSpec and the per-container/volume defaulters: what every pod spec gets, in a Pod or in a workload's
 * template alike.
 */
export function defaultPodSpec(spec: JsonObject): void {
  setIfAbsent(spec, 'dnsPolicy', 'ClusterFirst');
  setIfAbsent(spec, 'restartPolicy', 'Always');
  setIfAbsent(spec, 'securityContext', {});
  setIfAbsent(spec, 'terminationGracePeriodSeconds', 30);
  setIfAbsent(spec, 'schedulerName', 'default-scheduler');
  // The deprecated `serviceAccount` mirrors `serviceAccountName` through conversion, in both directions.
  if (!spec.serviceAccountName && typeof spec.serviceAccount === 'string' && spec.serviceAccount) spec.serviceAccountName = spec.serviceAccount;
  if (typeof spec.serviceAccountName === 'string' && spec.serviceAccountName) spec.serviceAccount = spec.serviceAccountName;
  for (const list of CONTAINER_LISTS) for (const c of asArray(spec[list])) {
    const ctr = asRecord(c);
    if (ctr) defaultContainer(ctr);
  }
  for (const v of asArray(spec.volumes)) {
    const vol = asRecord(v);
    if (vol) defaultVolume(vol);
  }
}

/** A PodTemplateSpec inside a workload: only the pod-spec defaults, never the Pod-only ones. */
export function defaultPodTemplate(template: unknown): void {
  const tpl = asRecord(template);
  if (tpl) defaultPodSpec(ensureRecord(tpl, 'spec'));
}

function defaultRequestsFromLimits(ctr: JsonObject): void {
  const resources = asRecord(ctr.resources);
  const limits = asRecord(resources?.limits);
  if (!resources || !limits) return;
  const requests = ensureRecord(resources, 'requests');
  for (const [name, value] of Object.entries(limits)) setIfAbsent(requests, name, value);
}

type QosClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

/** GetPodQOS over cpu and memory of regular and init containers. */
export function podQosClass(spec: JsonObject): QosClass {
  const requests: Record<string, number> = {};
  const limits: Record<string, number> = {};
  let guaranteed = true;
  for (const list of ['containers', 'initContainers']) for (const c of asArray(spec[list])) {
    const resources = asRecord(asRecord(c)?.resources) ?? {};
    for (const [target, source] of [[requests, asRecord(resources.requests)], [limits, asRecord(resources.limits)]] as const) {
      for (const name of ['cpu', 'memory']) {
        const q = parseQuantity(source?.[name]);
        if (q !== undefined && q !== 0) target[name] = (target[name] ?? 0) + q;
      }
    }
    const lim = asRecord(resources.limits) ?? {};
    if (!isSet(lim.cpu) || !isSet(lim.memory)) guaranteed = false;
  }
  if (Object.keys(requests).length === 0 && Object.keys(limits).length === 0) return 'BestEffort';
  if (guaranteed && Object.keys(requests).length === Object.keys(limits).length) {
    if (Object.entries(requests).every(([name, q]) => Math.abs((limits[name] ?? NaN) - q) < 1e-9 * Math.max(1, q))) return 'Guaranteed';
  }
  return 'Burstable';
}

/**
 * A Pod: pod-spec defaults, SetDefaults_Pod (requests from limits, enableServiceLinks, host-network ports), what
 * admission adds on every cluster (service account `default`, priority 0) and the status the registry sets on create.
 */
export function defaultPod(pod: KubeObject): void {
  const spec = ensureRecord(pod, 'spec');
  for (const list of ['containers', 'initContainers']) for (const c of asArray(spec[list])) {
    const ctr = asRecord(c);
    if (ctr) defaultRequestsFromLimits(ctr);
  }
  setIfAbsent(spec, 'enableServiceLinks', true);
  if (spec.hostNetwork === true) {
    for (const list of ['containers', 'initContainers']) for (const c of asArray(spec[list])) {
      for (const port of asArray(asRecord(c)?.ports)) {
        const p = asRecord(port);
        if (p && !p.hostPort) p.hostPort = p.containerPort;
      }
    }
  }
  if (!spec.serviceAccountName && !spec.serviceAccount) spec.serviceAccountName = 'default';
  defaultPodSpec(spec);
  if (!spec.priorityClassName) {
    setIfAbsent(spec, 'priority', 0);
    setIfAbsent(spec, 'preemptionPolicy', 'PreemptLowerPriority');
  }
  const status = ensureRecord(pod, 'status');
  setIfAbsent(status, 'phase', 'Pending');
  setIfAbsent(status, 'qosClass', podQosClass(spec));
}
