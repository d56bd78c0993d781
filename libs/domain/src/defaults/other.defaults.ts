import type { KubeObject } from '../objects/object-meta';
import { asArray, asRecord, ensureRecord, setIfAbsent, type JsonObject } from '../validation/values';

const SCALE_UP_DEFAULTS = {
  stabilizationWindowSeconds: 0,
  selectPolicy: 'Max',
  policies: [
    { type: 'Pods', value: 4, periodSeconds: 15 },
    { type: 'Percent', value: 100, periodSeconds: 15 },
  ],
};
// The scale-down window stays unset: the controller's --horizontal-pod-autoscaler-downscale-stabilization applies.
const SCALE_DOWN_DEFAULTS = { selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] };

function fillRules(behavior: JsonObject, key: string, defaults: JsonObject): void {
  const rules = ensureRecord(behavior, key);
  for (const [k, v] of Object.entries(defaults)) setIfAbsent(rules, k, structuredClone(v));
}

/** autoscaling/v2 (minReplicas 1, 80% CPU when no metrics, behavior rules completed when behavior is present). */
export function defaultHorizontalPodAutoscaler(hpa: KubeObject): void {
  const spec = ensureRecord(hpa, 'spec');
  setIfAbsent(spec, 'minReplicas', 1);
  if (hpa.apiVersion === 'autoscaling/v1') return;
  if (asArray(spec.metrics).length === 0) {
    spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }];
  }
  const behavior = asRecord(spec.behavior);
  if (behavior) {
    fillRules(behavior, 'scaleUp', SCALE_UP_DEFAULTS);
    fillRules(behavior, 'scaleDown', SCALE_DOWN_DEFAULTS);
  }
}

export function defaultEndpointSlice(slice: KubeObject): void {
  for (const raw of asArray(slice.ports)) {
    const port = asRecord(raw);
    if (!port) continue;
    setIfAbsent(port, 'name', '');
    setIfAbsent(port, 'protocol', 'TCP');
  }
}

const RBAC_GROUP = 'rbac.authorization.k8s.io';

/** RoleBinding/ClusterRoleBinding: roleRef.apiGroup and the subjects' apiGroup by kind (SetDefaults_Subject). */
export function defaultRoleBinding(binding: KubeObject): void {
  const roleRef = ensureRecord(binding, 'roleRef');
  if (!roleRef.apiGroup) roleRef.apiGroup = RBAC_GROUP;
  for (const raw of asArray(binding.subjects)) {
    const subject = asRecord(raw);
    if (!subject || subject.apiGroup) continue;
    if (subject.kind === 'ServiceAccount') subject.apiGroup = '';
    else if (subject.kind === 'User' || subject.kind === 'Group') subject.apiGroup = RBAC_GROUP;
  }
}

export function defaultStorageClass(sc: KubeObject): void {
  setIfAbsent(sc, 'reclaimPolicy', 'Delete');
  setIfAbsent(sc, 'volumeBindingMode', 'Immediate');
}

export function defaultPriorityClass(pc: KubeObject): void {
  setIfAbsent(pc, 'preemptionPolicy', 'PreemptLowerPriority');
}

/**
 * The registry resets a new PDB's status; its counters are non-omitempty int32s upstream, so they always print.
 * Only filled when no status is present, which is the create case.
 */
export function defaultPodDisruptionBudget(pdb: KubeObject): void {
  const status = ensureRecord(pdb, 'status');
  for (const field of ['disruptionsAllowed', 'currentHealthy', 'desiredHealthy', 'expectedPods']) setIfAbsent(status, field, 0);
}

/** policyTypes: Ingress always, plus Egress when egress rules are given; rule ports default to TCP. */
export function defaultNetworkPolicy(np: KubeObject): void {
  const spec = ensureRecord(np, 'spec');
  if (asArray(spec.policyTypes).length === 0) spec.policyTypes = asArray(spec.egress).length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
  for (const direction of ['ingress', 'egress']) {
    for (const rule of asArray(spec[direction])) {
      for (const port of asArray(asRecord(rule)?.ports)) {
        const p = asRecord(port);
        if (p) setIfAbsent(p, 'protocol', 'TCP');
      }
    }
  }
}
