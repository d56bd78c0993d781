import { deepClone, isObject, KubeObject, ManagedFieldsEntry, withoutKey } from '../objects/object-meta';
import { TypeSchema } from '../schema/type-schema';
import { differenceFieldSets, isEmptyFieldSet, toFieldsV1, unionFieldSets } from './field-set';
import { compareValues, createdFields } from './field-set.of-value';
import {
  capUpdateManagers,
  decodeManagedFields,
  dropEmptyManagers,
  encodeManagedFields,
  identityKey,
  isResetManagedFields,
  limitToScope,
  managerIdentity,
  Managers,
  stripMetaFields,
  trackingScope,
} from './managed-fields';

export interface UpdateManagedFieldsOptions {
  manager: string;
  /** The group/version of the endpoint the write came through (`apps/v1`). */
  apiVersion: string;
  now: string;
  schema: TypeSchema | undefined;
  subresource?: string;
  /** The kind has a status subresource: main-resource writes then do not own `status`. */
  hasStatusSubresource?: boolean;
}

/**
 * managedFields bookkeeping for every write that is not an apply (create, update, the three patch types):
 * the manager (operation `Update`) takes every field the write changed, away from whoever owned it; fields the
 * write removed leave every manager. Updates never conflict. Returns `updated` with its managedFields set.
 */
export function updateManagedFields(old: KubeObject | null, updated: KubeObject, opts: UpdateManagedFieldsOptions): KubeObject {
  return trackUpdated(old, deepClone(updated), opts);
}

/**
 * `updateManagedFields` for an object the caller owns (say, fresh from `prepareForUpdate`): sets its managedFields in
 * place, without copying it first, and returns it.
 */
export function trackUpdated(old: KubeObject | null, result: KubeObject, opts: UpdateManagedFieldsOptions): KubeObject {
  const managers = startingManagers(old, result, opts.subresource);
  result.metadata = isObject(result.metadata) ? withoutKey(result.metadata, 'managedFields') : {};
  // Upstream only starts tracking on create: an existing object without managedFields stays untracked.
  if (old !== null && managers.size === 0) return result;

  const scope = trackingScope(opts.subresource, opts.hasStatusSubresource);
  const comparison = compareValues(withoutManagedFields(old), result, opts.schema);
  const changed = limitToScope(unionFieldSets(comparison.modified, comparison.added), scope);
  const removed = limitToScope(comparison.removed, scope);
  for (const entry of managers.values()) entry.set = differenceFieldSets(differenceFieldSets(entry.set, changed), removed);

  const taken = stripMetaFields(changed);
  if (!isEmptyFieldSet(taken)) {
    const identity = managerIdentity(opts.manager || 'unknown', 'Update', opts.apiVersion, opts.subresource);
    const key = identityKey(identity);
    const previous = managers.get(key);
    managers.set(key, {
      identity,
      apiVersion: opts.apiVersion,
      set: previous ? unionFieldSets(taken, previous.set) : taken,
      time: opts.now,
    });
  }
  dropEmptyManagers(managers);
  capUpdateManagers(managers);
  const entries = encodeManagedFields(managers);
  if (entries.length > 0) result.metadata.managedFields = entries;
  return result;
}

/**
 * `updateManagedFields(null, object, opts)` for an object the caller owns (a create): sets its managedFields in
 * place and returns it. A create that brings no managedFields of its own (the usual case) has one manager, which owns
 * every field the object sets; that entry is built in one walk, without the general bookkeeping of managers.
 */
export function trackCreated(object: KubeObject, opts: UpdateManagedFieldsOptions): KubeObject {
  const requested = isObject(object.metadata) ? object.metadata.managedFields : undefined;
  const fresh = requested === undefined || requested === null || isResetManagedFields(requested);
  if (!fresh || opts.subresource || !isObject(object.metadata)) return trackUpdated(null, object, opts);
  const scope = trackingScope(undefined, opts.hasStatusSubresource);
  if (requested !== undefined) object.metadata = withoutKey(object.metadata, 'managedFields');
  const owned = stripMetaFields(limitToScope(createdFields(object, opts.schema), scope));
  if (isEmptyFieldSet(owned)) return object;
  const entry: ManagedFieldsEntry = { manager: opts.manager || 'unknown', operation: 'Update', apiVersion: opts.apiVersion, time: opts.now, fieldsType: 'FieldsV1', fieldsV1: toFieldsV1(owned) };
  object.metadata.managedFields = [entry];
  return object;
}

/**
 * Where tracking starts from, as upstream decides: subresource writes always keep the stored entries; a request
 * carrying `managedFields: []` (or one empty entry) resets them; a request carrying valid entries replaces them;
 * otherwise (absent or undecodable) the stored entries are kept.
 */
function startingManagers(old: KubeObject | null, updated: KubeObject, subresource: string | undefined): Managers {
  const stored = () => decodeManagedFields(old?.metadata.managedFields) ?? new Map();
  if (subresource) return stored();
  const requested = isObject(updated.metadata) ? updated.metadata.managedFields : undefined;
  if (isResetManagedFields(requested)) return new Map();
  const fromRequest = decodeManagedFields(requested);
  return fromRequest && fromRequest.size > 0 ? fromRequest : stored();
}

function withoutManagedFields(object: KubeObject | null): unknown {
  if (!object) return {};
  return { ...object, metadata: withoutKey(object.metadata, 'managedFields') };
}
