import type { KubeObject } from '../objects/object-meta';
import { asArray, asRecord, ensureRecord, setIfAbsent } from '../validation/values';

/** `stringData` is write-only: conversion merges it into `data` (base64), overriding keys, and drops it. */
export function defaultSecret(secret: KubeObject): void {
  setIfAbsent(secret, 'type', 'Opaque');
  const stringData = asRecord(secret.stringData);
  if (stringData) {
    const data = ensureRecord(secret, 'data');
    for (const [k, v] of Object.entries(stringData)) data[k] = Buffer.from(String(v), 'utf8').toString('base64');
    delete secret.stringData;
  }
}

/** The name label (SetDefaults_Namespace), the `kubernetes` finalizer the registry adds, and phase Active. */
export function defaultNamespace(ns: KubeObject): void {
  if (ns.metadata.name) ns.metadata.labels = { ...(ns.metadata.labels ?? {}), 'kubernetes.io/metadata.name': ns.metadata.name };
  const spec = ensureRecord(ns, 'spec');
  if (!Array.isArray(spec.finalizers)) spec.finalizers = ['kubernetes'];
  setIfAbsent(ensureRecord(ns, 'status'), 'phase', 'Active');
}

export function defaultNode(node: KubeObject): void {
  const status = asRecord(node.status);
  if (status && asRecord(status.capacity) && !asRecord(status.allocatable)) status.allocatable = { ...asRecord(status.capacity) };
}

export function defaultPersistentVolumeClaim(pvc: KubeObject): void {
  setIfAbsent(ensureRecord(pvc, 'spec'), 'volumeMode', 'Filesystem');
  setIfAbsent(ensureRecord(pvc, 'status'), 'phase', 'Pending');
}

export function defaultPersistentVolume(pv: KubeObject): void {
  const spec = ensureRecord(pv, 'spec');
  setIfAbsent(spec, 'persistentVolumeReclaimPolicy', 'Retain');
  setIfAbsent(spec, 'volumeMode', 'Filesystem');
  setIfAbsent(ensureRecord(pv, 'status'), 'phase', 'Pending');
}

export function defaultEndpoints(ep: KubeObject): void {
  for (const subset of asArray(ep.subsets)) {
    for (const port of asArray(asRecord(subset)?.ports)) {
      const p = asRecord(port);
      if (p) setIfAbsent(p, 'protocol', 'TCP');
    }
  }
}

/** Container limit ranges: default limit from max, default request from the default limit, then from min. */
export function defaultLimitRange(lr: KubeObject): void {
  for (const raw of asArray(asRecord(lr.spec)?.limits)) {
    const item = asRecord(raw);
    if (!item || item.type !== 'Container') continue;
    const def = ensureRecord(item, 'default');
    const defRequest = ensureRecord(item, 'defaultRequest');
    for (const [k, v] of Object.entries(asRecord(item.max) ?? {})) setIfAbsent(def, k, v);
    for (const [k, v] of Object.entries(def)) setIfAbsent(defRequest, k, v);
    for (const [k, v] of Object.entries(asRecord(item.min) ?? {})) setIfAbsent(defRequest, k, v);
  }
}
