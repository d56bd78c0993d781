import { BadRequestError, formatLabelRequirements, isObject, labelSelectorFromObject, type KubeObject, type LabelSelector, type ResourceType } from '@flotilla/domain';

function getPath(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (isObject(o) ? o[k] : undefined), obj);
}

function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let o = obj;
  for (const k of keys.slice(0, -1)) {
    if (!isObject(o[k])) o[k] = {};
    o = o[k] as Record<string, unknown>;
  }
  o[keys[keys.length - 1]] = value;
}

/** The autoscaling/v1 Scale view of an object. */
export function scaleOf(rt: ResourceType, obj: KubeObject): KubeObject {
  const spec = rt.scale!;
  const selector = getPath(obj, spec.labelSelectorPath);
  const m = obj.metadata;
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name: m.name, namespace: m.namespace, uid: m.uid, resourceVersion: m.resourceVersion, creationTimestamp: m.creationTimestamp },
    spec: { replicas: (getPath(obj, spec.specReplicasPath) as number | undefined) ?? 0 },
    status: {
      replicas: (getPath(obj, spec.statusReplicasPath) as number | undefined) ?? 0,
      selector: selectorString(selector),
    },
  };
}

/** Writes a Scale's desired replicas back into the object (a copy). */
export function applyScale(rt: ResourceType, obj: KubeObject, scale: unknown): KubeObject {
  if (!isObject(scale) || !isObject(scale.spec)) throw new BadRequestError('Scale must have a spec');
  const replicas = (scale.spec as { replicas?: unknown }).replicas;
  if (replicas !== undefined && (typeof replicas !== 'number' || !Number.isInteger(replicas))) {
    throw new BadRequestError('json: cannot unmarshal into Go struct field ScaleSpec.spec.replicas of type int32');
  }
  const copy = structuredClone(obj);
  setPath(copy, rt.scale!.specReplicasPath, replicas ?? 0);
  return copy;
}

/** ReplicationControllers keep a plain label map; the others a LabelSelector. Invalid selectors print as empty. */
function selectorString(selector: unknown): string {
  if (!isObject(selector)) return '';
  const sel = 'matchLabels' in selector || 'matchExpressions' in selector ? (selector as LabelSelector) : { matchLabels: selector as Record<string, string> };
  try {
    return formatLabelRequirements(labelSelectorFromObject(sel));
  } catch {
    return '';
  }
}
