import type { FieldError } from '../errors';
import type { KubeObject } from '../objects/object-meta';
import { appsResources } from './apps.resources';
import { autoscalingResources } from './autoscaling.resources';
import { batchResources } from './batch.resources';
import { coordinationResources } from './coordination.resources';
import { coreConfigResources } from './core-config.resources';
import { coreWorkloadResources } from './core.resources';
import { discoveryResources, networkingResources } from './networking.resources';
import { policyResources } from './policy.resources';
import { rbacResources } from './rbac.resources';
import { ResourceRegistry } from './resource-registry';
import type { ResourceType, ValidationContext } from './resource-type';
import { schedulingResources } from './scheduling.resources';
import { storageResources } from './storage.resources';

export type KindDefaulter = (obj: KubeObject) => void;
export type KindValidator = (obj: KubeObject, ctx: ValidationContext) => FieldError[];

export interface BuiltinRegistryOptions {
  /** Keyed by `<group>/<Kind>`; the core group's key is `/Pod`. */
  defaulters?: Record<string, KindDefaulter>;
  validators?: Record<string, KindValidator>;
}

/** The `<group>/<Kind>` key under which defaulters and validators are registered. */
export function groupKindKey(rt: Pick<ResourceType, 'group' | 'kind'>): string {
  return `${rt.group}/${rt.kind}`;
}

/** Groups in kube-apiserver's discovery order. */
export function builtinResourceTypes(): ResourceType[] {
  return [
    ...coreWorkloadResources,
    ...coreConfigResources,
    ...appsResources,
    ...autoscalingResources,
    ...batchResources,
    ...networkingResources,
    ...policyResources,
    ...rbacResources,
    ...storageResources,
    ...schedulingResources,
    ...coordinationResources,
    ...discoveryResources,
  ];
}

/** The registry of built-in kinds, with per-kind defaulting and validation attached from the given maps. */
export function createBuiltinRegistry(options: BuiltinRegistryOptions = {}): ResourceRegistry {
  const entries = builtinResourceTypes().map((rt) => {
    const key = groupKindKey(rt);
    const entry: ResourceType = { ...rt };
    const defaulter = options.defaulters?.[key];
    const validator = options.validators?.[key];
    if (defaulter) entry.applyDefaults = defaulter;
    if (validator) entry.validate = validator;
    return entry;
  });
  return new ResourceRegistry(entries);
}
