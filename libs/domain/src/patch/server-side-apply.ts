import { BadRequestError, StatusCause } from '../errors';
import { deepClone, isObject, KubeObject } from '../objects/object-meta';
import { TypeSchema } from '../schema/type-schema';
import {
  differenceFieldSets,
  FieldPath,
  FieldSet,
  formatFieldPath,
  intersectFieldSets,
  isEmptyFieldSet,
  memberPaths,
  unionFieldSets,
} from './field-set';
import { compareValues, fieldSetOf } from './field-set.of-value';
import { childField, indexItems, shapeOf } from './field-shape';
import { deepEqual } from './json-value';
import {
  decodeManagedFields,
  describeManager,
  dropEmptyManagers,
  encodeManagedFields,
  identityKey,
  limitToScope,
  ManagerIdentity,
  managerIdentity,
  Managers,
  stripMetaFields,
  trackingScope,
  TrackingScope,
} from './managed-fields';
import { ApplyConflictError, PatchServerError } from './patch.errors';
import { mergeApplied, pruneUnowned } from './structured-merge';

export interface ServerSideApplyOptions {
  manager: string;
  force: boolean;
  schema: TypeSchema | undefined;
  /** The group/version of the endpoint (`apps/v1`, `v1`); the applied object must use it. */
  apiVersion: string;
  now: string;
  subresource?: string;
  /** The kind has a status subresource: main-resource applies then neither change nor own `status`. */
  hasStatusSubresource?: boolean;
}

export interface ServerSideApplyResult {
  object: KubeObject;
  /** False when the apply left the object as it was (only ownership may have changed). */
  changed: boolean;
}

/** Metadata the server maintains: never taken from an applied configuration. */
const SERVER_METADATA = ['creationTimestamp', 'selfLink', 'uid', 'generation', 'managedFields', 'resourceVersion'];

/**
 * Server-side apply (`application/apply-patch+yaml`): merges `applied` into `live` (null = create), removes what
 * this manager applied before and no longer applies (unless someone else owns it), refuses changes to fields other
 * managers own unless `force`, and records the manager's ownership in `metadata.managedFields`.
 */
export function applyServerSide(live: KubeObject | null, applied: KubeObject, opts: ServerSideApplyOptions): ServerSideApplyResult {
  if (applied.apiVersion !== opts.apiVersion) {
    throw new BadRequestError(
      `Incorrect version specified in apply patch. Specified patch version: ${applied.apiVersion ?? ''}, expected: ${opts.apiVersion}`,
    );
  }
  if (isObject(applied.metadata) && applied.metadata.managedFields !== undefined && applied.metadata.managedFields !== null) {
    throw new BadRequestError('metadata.managedFields must be nil');
  }
  checkNoDuplicates(applied, opts);
  const scope = trackingScope(opts.subresource, opts.hasStatusSubresource);
  const base = live ? withoutManagedFields(live) : ({} as KubeObject);
  const managers: Managers = (live && decodeManagedFields(live.metadata.managedFields)) || new Map();
  if (live && managers.size === 0) claimExistingFields(managers, base, opts, scope);

  const config = configInScope(applied, scope);
  const appliedSet = stripMetaFields(limitToScope(fieldSetOf(config, opts.schema), scope));
  const merged = mergeApplied(base, config, opts.schema) as KubeObject;
  if (!isObject(merged.metadata)) merged.metadata = {};

  const identity = managerIdentity(opts.manager, 'Apply', opts.apiVersion, opts.subresource);
  const key = identityKey(identity);
  const previous = managers.get(key);
  managers.set(key, { identity, apiVersion: opts.apiVersion, set: appliedSet, time: previous?.time });
  if (previous) pruneUnowned(merged, previous.set, unionFieldSets(...[...managers.values()].map((m) => m.set)), opts.schema);

  const comparison = compareValues(base, merged, opts.schema);
  const changedFields = limitToScope(unionFieldSets(comparison.modified, comparison.added), scope);
  const removedFields = limitToScope(comparison.removed, scope);
  const conflicts: { identity: ManagerIdentity; paths: FieldPath[] }[] = [];
  const allowed = opts.force || !live ? undefined : conflictsAllowedByLastApplied(live, opts);
  for (const [otherKey, other] of managers) {
    if (otherKey === key) continue;
    const conflicting = intersectFieldSets(other.set, changedFields);
    const blocking = allowed ? differenceFieldSets(conflicting, allowed) : conflicting;
    if (!isEmptyFieldSet(blocking)) conflicts.push({ identity: other.identity, paths: memberPaths(blocking) });
    other.set = differenceFieldSets(differenceFieldSets(other.set, conflicting), removedFields);
  }
  if (conflicts.length > 0 && !opts.force) throw conflictError(conflicts);
  dropEmptyManagers(managers);

  const changed = !live || !deepEqual(base, merged);
  const entry = managers.get(key);
  if (entry && changed) entry.time = opts.now;
  const entries = encodeManagedFields(managers);
  if (entries.length > 0) merged.metadata.managedFields = entries;
  else delete merged.metadata.managedFields;
  return { object: merged, changed };
}

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * Upgrading from client-side to server-side apply, as kube-apiserver does for the `kubectl` manager: conflicts on
 * fields that the object's last-applied configuration holds with the value the object still has are not conflicts
 * (the user applied them before, with the other tool), so the apply takes them over as if forced. Any other
 * conflict still stops the apply, and only those are reported.
 */
function conflictsAllowedByLastApplied(live: KubeObject, opts: ServerSideApplyOptions): FieldSet | undefined {
  if (opts.manager !== 'kubectl') return undefined;
  const text = live.metadata.annotations?.[LAST_APPLIED];
  if (!text) return undefined;
  let lastApplied: unknown;
  try {
    lastApplied = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(lastApplied) || lastApplied.apiVersion !== opts.apiVersion) return undefined;
  const differing = compareValues(lastApplied, withoutManagedFields(live), opts.schema);
  return differenceFieldSets(
    differenceFieldSets(differenceFieldSets(fieldSetOf(lastApplied, opts.schema), differing.modified), differing.added),
    differing.removed,
  );
}

function withoutManagedFields(object: KubeObject): KubeObject {
  const copy = deepClone(object);
  if (isObject(copy.metadata)) delete copy.metadata.managedFields;
  return copy;
}

/** The applied configuration minus server-maintained metadata, restricted to what this endpoint may change. */
function configInScope(applied: KubeObject, scope: TrackingScope): KubeObject {
  const config = deepClone(applied);
  const metadata = isObject(config.metadata) ? config.metadata : {};
  for (const field of SERVER_METADATA) delete metadata[field];
  config.metadata = metadata;
  if (scope === 'main') delete config.status;
  if (scope === 'status') {
    const identityOnly: KubeObject = { apiVersion: config.apiVersion, kind: config.kind, metadata: {} };
    if (metadata.name !== undefined) identityOnly.metadata.name = metadata.name;
    if (metadata.namespace !== undefined) identityOnly.metadata.namespace = metadata.namespace;
    if ('status' in config) identityOnly.status = config.status;
    return identityOnly;
  }
  return config;
}

/** An object nobody tracked yet: its current fields go to `before-first-apply` so that the apply can conflict with them. */
function claimExistingFields(managers: Managers, base: KubeObject, opts: ServerSideApplyOptions, scope: TrackingScope): void {
  const comparison = compareValues({}, base, opts.schema);
  const set = stripMetaFields(limitToScope(unionFieldSets(comparison.added, comparison.modified), scope));
  if (isEmptyFieldSet(set)) return;
  const identity = managerIdentity('before-first-apply', 'Update', opts.apiVersion);
  managers.set(identityKey(identity), { identity, apiVersion: opts.apiVersion, set, time: opts.now });
}

function conflictError(conflicts: { identity: ManagerIdentity; paths: FieldPath[] }[]): ApplyConflictError {
  conflicts.sort((a, b) => (identityKey(a.identity) < identityKey(b.identity) ? -1 : 1));
  const causes: StatusCause[] = conflicts.flatMap(({ identity, paths }) =>
    paths.map((path) => ({ reason: 'FieldManagerConflict', message: `conflict with ${describeManager(identity)}`, field: formatFieldPath(path) })),
  );
  if (causes.length === 1) {
    return new ApplyConflictError(`Apply failed with 1 conflict: ${causes[0].message}: ${causes[0].field}`, causes);
  }
  const lines = conflicts.flatMap(({ identity, paths }) => [
    `conflicts with ${describeManager(identity)}:`,
    ...paths.map((path) => `- ${formatFieldPath(path)}`),
  ]);
  return new ApplyConflictError(`Apply failed with ${causes.length} conflicts: ${lines.join('\n')}`, causes);
}

/** Associative lists and sets in an applied configuration must not repeat a key (upstream refuses the patch). */
function checkNoDuplicates(applied: KubeObject, opts: ServerSideApplyOptions): void {
  const visit = (value: unknown, schema: TypeSchema | undefined, path: FieldPath) => {
    const shape = shapeOf(schema, value);
    if (shape.kind === 'fields') {
      for (const [key, child] of Object.entries(value as Record<string, unknown>)) visit(child, childField(shape.schema, key).schema, [...path, `f:${key}`]);
    } else if (shape.kind === 'list') {
      const { items, duplicates } = indexItems(shape.keys, value as unknown[]);
      const [duplicate] = duplicates;
      if (duplicate !== undefined) {
        const [group, version] = opts.apiVersion.includes('/') ? opts.apiVersion.split('/') : ['', opts.apiVersion];
        const meta = applied.metadata ?? {};
        throw new PatchServerError(
          `failed to create typed patch object (${meta.namespace ?? ''}/${meta.name ?? ''}; ${group}/${version}, Kind=${applied.kind ?? ''}): ` +
            `${formatFieldPath(path)}: duplicate entries for key ${formatFieldPath([duplicate])}`,
        );
      }
      for (const [element, item] of items) visit(item, shape.item, [...path, element]);
    }
  };
  visit(applied, opts.schema, []);
}
