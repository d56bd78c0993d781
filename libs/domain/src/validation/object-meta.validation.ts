import type { FieldError } from '../errors';
import type { KubeObject, ObjectMeta } from '../objects/object-meta';
import { child, forbidden, invalid, required, tooLong } from './field-errors';
import { isQualifiedName, isValidLabelValue, nameIsDnsLabel, nameIsDnsSubdomain, validatePathSegmentName } from './names';
import { asArray, asRecord, asString, byteLength, isSet, jsonEqual } from './values';

export const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;
export const FIELD_IMMUTABLE = 'field is immutable';
export const IS_NEGATIVE = 'must be greater than or equal to 0';

export type NameFormat = 'subdomain' | 'label' | 'path-segment';
export type NameValidator = (name: string, prefix: boolean) => string[];

export interface ObjectMetaOptions {
  namespaced: boolean;
  nameFormat?: NameFormat;
  operation: 'CREATE' | 'UPDATE';
  old?: KubeObject;
}

const nameValidators: Record<NameFormat, NameValidator> = {
  subdomain: nameIsDnsSubdomain,
  label: nameIsDnsLabel,
  'path-segment': validatePathSegmentName,
};

export function validateLabels(labels: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const rec = asRecord(labels);
  if (!rec) return errs;
  for (const [k, v] of Object.entries(rec)) {
    for (const msg of isQualifiedName(k)) errs.push(invalid(path, k, msg));
    const value = asString(v);
    for (const msg of isValidLabelValue(value)) errs.push(invalid(path, value, msg));
  }
  return errs;
}

export function validateAnnotations(annotations: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const rec = asRecord(annotations);
  if (!rec) return errs;
  let size = 0;
  for (const [k, v] of Object.entries(rec)) {
    for (const msg of isQualifiedName(k.toLowerCase())) errs.push(invalid(path, k, msg));
    size += byteLength(k) + byteLength(asString(v));
  }
  if (size > TOTAL_ANNOTATION_SIZE_LIMIT) errs.push(tooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT));
  return errs;
}

function validateOwnerReferences(refs: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let firstController = '';
  for (const raw of asArray(refs)) {
    const ref = asRecord(raw) ?? {};
    const apiVersion = asString(ref.apiVersion);
    const version = apiVersion.includes('/') ? apiVersion.slice(apiVersion.indexOf('/') + 1) : apiVersion;
    if (!version) errs.push(invalid(child(path, 'apiVersion'), apiVersion, 'version must not be empty'));
    if (!asString(ref.kind)) errs.push(invalid(child(path, 'kind'), asString(ref.kind), 'must not be empty'));
    if (!asString(ref.name)) errs.push(invalid(child(path, 'name'), asString(ref.name), 'must not be empty'));
    if (!asString(ref.uid)) errs.push(invalid(child(path, 'uid'), asString(ref.uid), 'must not be empty'));
    if (apiVersion === 'v1' && ref.kind === 'Event') errs.push(invalid(path, ref, '/v1, Kind=Event is disallowed from being an owner'));
    if (ref.controller === true) {
      const current = `${asString(ref.kind)}/${asString(ref.name)}`;
      if (firstController) {
        errs.push(
          invalid(path, refs, `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${current}`),
        );
      } else firstController = current;
    }
  }
  return errs;
}

function validateFinalizers(finalizers: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const list = asArray(finalizers).map(asString);
  for (const f of list) for (const msg of isQualifiedName(f)) errs.push(invalid(path, f, msg));
  if (list.includes('orphan') && list.includes('foregroundDeletion')) {
    errs.push(invalid(path, list, 'finalizer orphan and foregroundDeletion cannot be both set'));
  }
  return errs;
}

function validateNamespaceField(meta: ObjectMeta, namespaced: boolean, path: string): FieldError[] {
  const namespace = asString(meta.namespace);
  if (!namespaced) return namespace ? [forbidden(child(path, 'namespace'), 'not allowed on this type')] : [];
  if (!namespace) return [required(child(path, 'namespace'))];
  return nameIsDnsLabel(namespace, false).map((msg) => invalid(child(path, 'namespace'), namespace, msg));
}

function validateMetaUpdate(meta: ObjectMeta, old: ObjectMeta, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (isSet(old.deletionTimestamp)) {
    const before = new Set(asArray(old.finalizers).map(asString));
    const added = [...new Set(asArray(meta.finalizers).map(asString))].filter((f) => !before.has(f)).sort();
    if (added.length) {
      const list = `[]string{${added.map((f) => JSON.stringify(f)).join(', ')}}`;
      errs.push(forbidden(child(path, 'finalizers'), `no new finalizers can be added if the object is being deleted, found new finalizers ${list}`));
    }
  }
  // The API carries generation over from the stored object, so an absent one is not a decrement.
  const generation = meta.generation;
  if (typeof generation === 'number' && generation < (typeof old.generation === 'number' ? old.generation : 0)) {
    errs.push(invalid(child(path, 'generation'), generation, 'must not be decremented'));
  }
  const immutable = (field: keyof ObjectMeta, absentMeansUnchanged: boolean) => {
    const now = meta[field];
    if (absentMeansUnchanged && !isSet(now)) return;
    if (!jsonEqual(now ?? '', old[field] ?? '')) errs.push(invalid(child(path, field as string), now ?? '', FIELD_IMMUTABLE));
  };
  immutable('name', false);
  immutable('namespace', false);
  // The API copies uid, creationTimestamp and deletion fields from the stored object when a request omits them.
  immutable('uid', true);
  immutable('creationTimestamp', true);
  immutable('deletionTimestamp', true);
  immutable('deletionGracePeriodSeconds', true);
  return errs;
}

/**
 * The checks every kind gets on its metadata (ValidateObjectMeta / ValidateObjectMetaUpdate). On UPDATE the name and
 * namespace are not re-validated, only compared with the stored object.
 */
export function validateObjectMeta(obj: KubeObject, opts: ObjectMetaOptions): FieldError[] {
  const path = 'metadata';
  const meta: ObjectMeta = obj.metadata ?? {};
  const errs: FieldError[] = [];
  if (opts.operation === 'UPDATE' && opts.old) {
    errs.push(...validateMetaUpdate(meta, opts.old.metadata ?? {}, path));
  } else {
    const nameFn = nameValidators[opts.nameFormat ?? 'subdomain'];
    const generateName = asString(meta.generateName);
    if (generateName) for (const msg of nameFn(generateName, true)) errs.push(invalid(child(path, 'generateName'), generateName, msg));
    const name = asString(meta.name);
    if (!name) errs.push(required(child(path, 'name'), 'name or generateName is required'));
    else for (const msg of nameFn(name, false)) errs.push(invalid(child(path, 'name'), name, msg));
    errs.push(...validateNamespaceField(meta, opts.namespaced, path));
    if (typeof meta.generation === 'number' && meta.generation < 0) errs.push(invalid(child(path, 'generation'), meta.generation, IS_NEGATIVE));
  }
  errs.push(...validateLabels(meta.labels, child(path, 'labels')));
  errs.push(...validateAnnotations(meta.annotations, child(path, 'annotations')));
  errs.push(...validateOwnerReferences(meta.ownerReferences, child(path, 'ownerReferences')));
  if (opts.operation === 'CREATE') errs.push(...validateFinalizers(meta.finalizers, child(path, 'finalizers')));
  return errs;
}

/** Labels and annotations of an embedded template (`spec.template.metadata`). */
export function validateTemplateMeta(meta: unknown, path: string): FieldError[] {
  const rec = asRecord(meta) ?? {};
  return [...validateLabels(rec.labels, child(path, 'labels')), ...validateAnnotations(rec.annotations, child(path, 'annotations'))];
}

export function validateNonNegative(value: unknown, path: string): FieldError[] {
  return typeof value === 'number' && value < 0 ? [invalid(path, value, IS_NEGATIVE)] : [];
}

export function validateImmutable(now: unknown, old: unknown, path: string): FieldError[] {
  return jsonEqual(now, old) ? [] : [invalid(path, now ?? null, FIELD_IMMUTABLE)];
}
