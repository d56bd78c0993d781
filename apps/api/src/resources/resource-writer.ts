import { randomUUID } from 'node:crypto';
import {
  AlreadyExistsError,
  applyJsonMergePatch,
  applyJsonPatch,
  applyServerSide,
  applyStrategicMergePatch,
  BadRequestError,
  ConflictError,
  decideDelete,
  ForbiddenError,
  generatedName,
  InvalidError,
  isNoopUpdate,
  isObject,
  MethodNotAllowedError,
  NotFoundError,
  parseDeleteOptions,
  prepareForCreate,
  prepareForUpdate,
  readyToRemove,
  rfc3339,
  schemaFor,
  StaleResourceVersionError,
  trackCreated,
  trackUpdated,
  type UpdateManagedFieldsOptions,
  type KubeObject,
  type ObjectKey,
  type ResourceRegistry,
  type ResourceType,
} from '@flotilla/domain';
import type { EventStore, WriteDecision, WriteRequest, WriteResult } from '@flotilla/persistence';
import { decodeObjectBody, decodeOptionalBody, decodePatchBody, type PatchType } from '../request/body-decoder';
import { guaranteedUpdate } from './guaranteed-update';
import { apiVersionOf, checkTypeMeta, decodeFields, defaultAndValidate } from './object-admission';
import { fieldManagerOf, type RequestContext } from './request-context';
import { applyScale, scaleOf } from './scale';
import type { ServiceAllocator } from './service-allocator';

export interface WriteOutcome {
  code: number;
  object: KubeObject;
}

/** Resources whose upstream storage answers a completed DELETE with the object (ReturnDeletedObject); others send a Status. */
const RETURNS_DELETED_OBJECT = new Set(['/pods', '/services', '/serviceaccounts', '/namespaces', 'storage.k8s.io/storageclasses']);

function deletedStatus(rt: ResourceType, obj: KubeObject): KubeObject {
  const details: Record<string, unknown> = { name: obj.metadata.name, kind: rt.plural, uid: obj.metadata.uid };
  if (rt.group) details.group = rt.group;
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details } as unknown as KubeObject;
}

const isService = (rt: ResourceType) => rt.group === '' && rt.plural === 'services';
const isNamespace = (rt: ResourceType) => rt.group === '' && rt.plural === 'namespaces';

/** Create, update, patch and delete of objects and their status/scale subresources. */
export class ResourceWriter {
  constructor(
    private readonly store: EventStore,
    private readonly registry: ResourceRegistry,
    private readonly allocator: ServiceAllocator,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  keyOf(ctx: RequestContext, name: string): ObjectKey {
    return { group: ctx.rt.group, resource: ctx.rt.plural, namespace: ctx.rt.namespaced ? (ctx.info.namespace ?? '') : '', name };
  }

  async create(ctx: RequestContext): Promise<WriteOutcome> {
    const { rt, info } = ctx;
    if (info.subresource) throw new MethodNotAllowedError();
    const input = decodeObjectBody(ctx.body, ctx.contentType);
    checkTypeMeta(rt, input);
    const meta = (isObject(input.metadata) ? input.metadata : (input.metadata = {})) as KubeObject['metadata'];
    this.checkNamespace(ctx, meta);
    if (!meta.name && meta.generateName) meta.name = generatedName(meta.generateName, Math.random);
    if (!meta.name) {
      throw new InvalidError(rt.group, rt.kind, '', [
        { type: 'FieldValueRequired', field: 'metadata.name', detail: 'Required value: name or generateName is required' },
      ]);
    }
    decodeFields(ctx, input);
    const obj = prepareForCreate(rt, input as KubeObject, randomUUID(), { now: rfc3339(this.clock()) });
    defaultAndValidate(rt, obj, { operation: 'CREATE' });
    // Checked again in the write's own snapshot; read ahead only where a refused create would have allocated.
    const requires = this.namespaceRequirement(ctx, obj);
    if (isService(rt)) await this.admitNamespace(ctx, obj);
    const created = trackCreated(obj, this.trackingOptions(ctx));
    if (isService(rt)) await this.allocator.allocate(created, !ctx.dryRun);
    const key = this.keyOf(ctx, created.metadata.name as string);
    try {
      const result = ctx.dryRun
        ? await this.store.dryRun({ key, requires, decide: (c) => this.decideCreate(rt, c, created) })
        : await this.store.write({ key, requires, expects: null, actor: ctx.user.username, fieldManager: fieldManagerOf(ctx), decide: (c) => this.decideCreate(rt, c, created) });
      return { code: 201, object: result.object as KubeObject };
    } catch (e) {
      if (isService(rt) && !ctx.dryRun) await this.releaseIfOrphaned(key, created);
      throw e;
    }
  }

  private decideCreate(rt: ResourceType, current: KubeObject | null, obj: KubeObject): WriteDecision {
    if (current) throw new AlreadyExistsError(rt.group, rt.plural, obj.metadata.name as string);
    return { action: 'put', object: obj };
  }

  /** A create that lost to an existing Service must not take its allocations away. */
  private async releaseIfOrphaned(key: ObjectKey, attempted: KubeObject): Promise<void> {
    const existing = await this.store.get(key);
    if (existing) await this.allocator.releaseUnused(existing);
    else await this.allocator.releaseUnused({ ...attempted, spec: {} });
  }

  async update(ctx: RequestContext, name: string): Promise<WriteOutcome> {
    const { rt, info } = ctx;
    const input = decodeObjectBody(ctx.body, ctx.contentType);
    if (info.subresource === 'scale') return this.writeScale(ctx, name, () => input);
    if (info.subresource && info.subresource !== 'status') throw new MethodNotAllowedError();
    checkTypeMeta(rt, input);
    const meta = (isObject(input.metadata) ? input.metadata : (input.metadata = {})) as KubeObject['metadata'];
    if (meta.name !== undefined && meta.name !== name) {
      throw new BadRequestError(`the name of the object (${String(meta.name)}) does not match the name on the URL (${name})`);
    }
    meta.name = name;
    this.checkNamespace(ctx, meta);
    decodeFields(ctx, input);
    return this.modify(ctx, name, (current) => {
      if (meta.resourceVersion && meta.resourceVersion !== current.metadata.resourceVersion) {
        throw new StaleResourceVersionError(rt.group, rt.plural, name);
      }
      // prepareForUpdate copies it, so every attempt starts from the request as sent.
      return input as KubeObject;
    });
  }

  async patch(ctx: RequestContext, name: string): Promise<WriteOutcome> {
    const { rt, info } = ctx;
    const { type, patch } = decodePatchBody(ctx.body, ctx.contentType);
    if (info.subresource === 'scale') return this.writeScale(ctx, name, (scale) => this.applyPatch(type, scale, patch, undefined));
    if (info.subresource && info.subresource !== 'status') throw new MethodNotAllowedError();
    if (type === 'apply') return this.apply(ctx, name, patch);
    const schema = schemaFor(rt.group, rt.kind);
    return this.modify(ctx, name, (current) => {
      const patched = this.applyPatch(type, current, patch, schema);
      if (!isObject(patched)) throw new BadRequestError('the patch did not produce an object');
      checkTypeMeta(rt, patched);
      const meta = (isObject(patched.metadata) ? patched.metadata : (patched.metadata = {})) as KubeObject['metadata'];
      if (meta.name !== name) throw new BadRequestError(`the name of the object (${String(meta.name)}) does not match the name on the URL (${name})`);
      if (meta.resourceVersion && meta.resourceVersion !== current.metadata.resourceVersion) {
        throw new StaleResourceVersionError(rt.group, rt.plural, name);
      }
      decodeFields(ctx, patched);
      return patched as KubeObject;
    });
  }

  private applyPatch(type: PatchType, target: unknown, patch: unknown, schema: ReturnType<typeof schemaFor>): unknown {
    switch (type) {
      case 'merge':
        return applyJsonMergePatch(target, patch);
      case 'json':
        return applyJsonPatch(target, patch);
      case 'strategic':
        return applyStrategicMergePatch(target, patch, schema);
      case 'apply':
        throw new BadRequestError('apply patches are not supported on this subresource');
    }
  }

  /** Server-side apply: creates the object when absent (201), else merges with field ownership (409 on conflicts). */
  private async apply(ctx: RequestContext, name: string, patch: unknown): Promise<WriteOutcome> {
    const { rt } = ctx;
    if (!ctx.fieldManager) throw new BadRequestError('PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch');
    if (!isObject(patch)) throw new BadRequestError('error decoding YAML: the apply patch must be an object');
    checkTypeMeta(rt, patch);
    if (patch.apiVersion === undefined || patch.kind === undefined) {
      throw new BadRequestError(`invalid object type: ${patch.apiVersion === undefined ? 'apiVersion' : 'kind'} not set`);
    }
    const meta = (isObject(patch.metadata) ? patch.metadata : (patch.metadata = {})) as KubeObject['metadata'];
    if (meta.name !== undefined && meta.name !== name) {
      throw new BadRequestError(`the name of the object (${String(meta.name)}) does not match the name on the URL (${name})`);
    }
    meta.name = name;
    this.checkNamespace(ctx, meta);
    decodeFields(ctx, patch);
    const force = ctx.query.force === 'true' || ctx.query.force === '1';
    const schema = schemaFor(rt.group, rt.kind);
    const applyOpts = { manager: ctx.fieldManager, force, schema, apiVersion: apiVersionOf(rt), now: rfc3339(this.clock()), subresource: ctx.info.subresource, hasStatusSubresource: rt.hasStatusSubresource };
    const key = this.keyOf(ctx, name);
    let code = 200;
    const { result } = await guaranteedUpdate(
      this.store,
      key,
      async (current) => {
        if (!current) {
          code = 201;
          const { object } = applyServerSide(null, patch as KubeObject, applyOpts);
          const created = prepareForCreate(rt, object, randomUUID(), { now: applyOpts.now });
          created.metadata.managedFields = object.metadata.managedFields;
          defaultAndValidate(rt, created, { operation: 'CREATE' });
          await this.admitNamespace(ctx, created);
          if (isService(rt)) await this.allocator.allocate(created, !ctx.dryRun);
          return { action: 'put', object: created };
        }
        code = 200;
        const { object } = applyServerSide(current, patch as KubeObject, applyOpts);
        return this.finishUpdate(ctx, current, object, false);
      },
      { actor: ctx.user.username, fieldManager: ctx.fieldManager, dryRun: ctx.dryRun },
    );
    await this.releaseAfterUpdate(ctx, result);
    return { code, object: result.object as KubeObject };
  }

  /** The shared tail of update and patch: bookkeeping, defaulting, validation, allocation, finalization. */
  private async modify(ctx: RequestContext, name: string, change: (current: KubeObject) => KubeObject): Promise<WriteOutcome> {
    const { rt } = ctx;
    const { result } = await guaranteedUpdate(
      this.store,
      this.keyOf(ctx, name),
      async (current) => {
        if (!current) throw new NotFoundError(rt.group, rt.plural, name);
        return this.finishUpdate(ctx, current, change(current), true);
      },
      { actor: ctx.user.username, fieldManager: fieldManagerOf(ctx), dryRun: ctx.dryRun },
    );
    await this.releaseAfterUpdate(ctx, result);
    return { code: 200, object: result.object as KubeObject };
  }

  /** Allocations a committed Service update no longer uses go back to their pools (only after the commit). */
  private async releaseAfterUpdate(ctx: RequestContext, result: WriteResult): Promise<void> {
    if (isService(ctx.rt) && !ctx.dryRun && result.type === 'MODIFIED' && result.object) await this.allocator.releaseUnused(result.object);
  }

  private async finishUpdate(ctx: RequestContext, current: KubeObject, changed: KubeObject, trackManagedFields: boolean): Promise<WriteDecision> {
    const { rt, info } = ctx;
    const subresource = info.subresource === 'status' ? 'status' : undefined;
    const next = prepareForUpdate(rt, changed, current, { subresource });
    defaultAndValidate(rt, next, { operation: 'UPDATE', old: current });
    const tracked = trackManagedFields ? this.track(ctx, current, next) : next;
    if (isService(rt) && !subresource) await this.allocator.allocate(keepAllocated(tracked, current), !ctx.dryRun);
    if (readyToRemove(rt, tracked)) return { action: 'delete', object: tracked };
    if (isNoopUpdate(tracked, current)) return { action: 'none', object: current };
    return { action: 'put', object: tracked };
  }

  private async writeScale(ctx: RequestContext, name: string, change: (scale: KubeObject) => unknown): Promise<WriteOutcome> {
    const { rt } = ctx;
    if (!rt.scale) throw new NotFoundError(rt.group, `${rt.plural}/scale`, name);
    const { result } = await guaranteedUpdate(
      this.store,
      this.keyOf(ctx, name),
      async (current) => {
        if (!current) throw new NotFoundError(rt.group, rt.plural, name);
        const scale = change(scaleOf(rt, current));
        const scaleRv = isObject(scale) && isObject(scale.metadata) ? (scale.metadata.resourceVersion as string | undefined) : undefined;
        if (scaleRv && scaleRv !== current.metadata.resourceVersion) throw new StaleResourceVersionError(rt.group, rt.plural, name);
        const next = prepareForUpdate(rt, applyScale(rt, current, scale), current);
        defaultAndValidate(rt, next, { operation: 'UPDATE', old: current });
        const tracked = trackUpdated(current, next, { manager: fieldManagerOf(ctx), apiVersion: apiVersionOf(rt), now: rfc3339(this.clock()), schema: schemaFor(rt.group, rt.kind), subresource: 'scale', hasStatusSubresource: rt.hasStatusSubresource });
        return isNoopUpdate(tracked, current) ? { action: 'none', object: current } : { action: 'put', object: tracked };
      },
      { actor: ctx.user.username, fieldManager: fieldManagerOf(ctx), dryRun: ctx.dryRun },
    );
    return { code: 200, object: scaleOf(rt, result.object as KubeObject) };
  }

  async delete(ctx: RequestContext, name: string): Promise<WriteOutcome> {
    const { rt } = ctx;
    if (ctx.info.subresource) throw new MethodNotAllowedError();
    const options = parseDeleteOptions(decodeOptionalBody(ctx.body, ctx.contentType));
    const dryRun = ctx.dryRun || (options.dryRun ?? []).includes('All');
    const key = this.keyOf(ctx, name);
    if (isNamespace(rt) && !dryRun) await this.emptyNamespace(ctx, name);
    const { result } = await guaranteedUpdate(
      this.store,
      key,
      async (current) => {
        if (!current) throw new NotFoundError(rt.group, rt.plural, name);
        const pre = options.preconditions;
        if (pre?.uid && pre.uid !== current.metadata.uid) {
          throw new ConflictError(rt.group, rt.plural, name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${current.metadata.uid}`);
        }
        if (pre?.resourceVersion && pre.resourceVersion !== current.metadata.resourceVersion) {
          throw new ConflictError(rt.group, rt.plural, name, `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${current.metadata.resourceVersion}`);
        }
        return decideDelete(rt, current, options, { now: rfc3339(this.clock()) });
      },
      { actor: ctx.user.username, fieldManager: fieldManagerOf(ctx), dryRun },
    );
    const object = result.object as KubeObject;
    if (result.type !== 'DELETED') return { code: 202, object };
    if (RETURNS_DELETED_OBJECT.has(`${rt.group}/${rt.plural}`)) return { code: 200, object };
    return { code: 200, object: deletedStatus(rt, object) };
  }

  /** Deletes every object that `matches` among `items`, returning those deleted or marked for deletion. */
  async deleteEach(ctx: RequestContext, items: KubeObject[]): Promise<KubeObject[]> {
    const deleted: KubeObject[] = [];
    for (const item of items) {
      try {
        const sub = { ...ctx, info: { ...ctx.info, namespace: item.metadata.namespace, verb: 'delete' as const } };
        const { object } = await this.delete(sub, item.metadata.name as string);
        deleted.push(object.kind === 'Status' ? item : object);
      } catch (e) {
        if (!(e instanceof NotFoundError)) throw e;
      }
    }
    return deleted;
  }

  /**
   * Namespace deletion removes everything in the namespace first (the namespace controller's job in Kubernetes; done
   * inline until the controllers land, so that `kubectl delete namespace` finishes).
   */
  private async emptyNamespace(ctx: RequestContext, namespace: string): Promise<void> {
    if (['default', 'kube-system', 'kube-public'].includes(namespace)) {
      throw new ForbiddenError(`namespaces "${namespace}" is forbidden: this namespace may not be deleted`);
    }
    for (const rt of this.registry.all().filter((r) => r.namespaced)) {
      for (;;) {
        const page = await this.store.list({ group: rt.group, resource: rt.plural, namespace, limit: 500 });
        if (page.items.length === 0) break;
        for (const obj of page.items) {
          await this.store.write({
            key: { group: rt.group, resource: rt.plural, namespace, name: obj.metadata.name as string },
            actor: ctx.user.username,
            fieldManager: 'namespace-controller',
            decide: (c) => (c ? { action: 'delete', object: c } : { action: 'none', object: null }),
          });
        }
      }
    }
  }

  private checkNamespace(ctx: RequestContext, meta: KubeObject['metadata']): void {
    const { rt, info } = ctx;
    if (!rt.namespaced) return;
    if (meta.namespace === undefined || meta.namespace === '') meta.namespace = info.namespace;
    else if (meta.namespace !== info.namespace) {
      throw new BadRequestError('the namespace of the provided object does not match the namespace sent on the request');
    }
    if (!meta.namespace) throw new NotFoundError('', 'namespaces', '');
  }

  private async admitNamespace(ctx: RequestContext, obj: KubeObject): Promise<void> {
    const requirement = this.namespaceRequirement(ctx, obj);
    if (requirement) requirement.check(await this.store.get(requirement.key));
  }

  /** NamespaceLifecycle admission: no new objects in a missing or terminating namespace. */
  private namespaceRequirement(ctx: RequestContext, obj: KubeObject): WriteRequest['requires'] {
    if (!ctx.rt.namespaced) return undefined;
    const ns = obj.metadata.namespace as string;
    return {
      key: { group: '', resource: 'namespaces', namespace: '', name: ns },
      check: (namespace) => {
        if (!namespace) throw new NotFoundError('', 'namespaces', ns);
        if (namespace.metadata.deletionTimestamp) {
          throw new ForbiddenError(`${ctx.rt.plural} "${obj.metadata.name}" is forbidden: unable to create new content in namespace ${ns} because it is being terminated`);
        }
      },
    };
  }

  /** Managed fields of `next`, which the caller owns (set in place). */
  private track(ctx: RequestContext, old: KubeObject | null, next: KubeObject): KubeObject {
    return trackUpdated(old, next, this.trackingOptions(ctx));
  }

  private trackingOptions(ctx: RequestContext): UpdateManagedFieldsOptions {
    return {
      manager: fieldManagerOf(ctx),
      apiVersion: apiVersionOf(ctx.rt),
      now: rfc3339(this.clock()),
      schema: schemaFor(ctx.rt.group, ctx.rt.kind),
      subresource: ctx.info.subresource,
      hasStatusSubresource: ctx.rt.hasStatusSubresource,
    };
  }

  /** Applies one already-decided write (used by bootstrap). */
  async ensure(rt: ResourceType, obj: KubeObject): Promise<WriteResult | null> {
    const key = { group: rt.group, resource: rt.plural, namespace: rt.namespaced ? (obj.metadata.namespace ?? '') : '', name: obj.metadata.name as string };
    if (await this.store.get(key)) return null;
    const created = prepareForCreate(rt, obj, randomUUID(), { now: rfc3339(this.clock()) });
    defaultAndValidate(rt, created, { operation: 'CREATE' });
    if (isService(rt)) await this.allocator.allocate(created, true);
    return this.store.write({ key, actor: 'system:apiserver', fieldManager: 'kube-apiserver', decide: (c) => (c ? { action: 'none', object: c } : { action: 'put', object: created }) });
  }
}

/** An update that leaves clusterIP empty keeps the one it has (clusterIP is immutable once set). */
function keepAllocated(next: KubeObject, current: KubeObject): KubeObject {
  const spec = (next.spec ?? {}) as Record<string, unknown>;
  const old = (current.spec ?? {}) as Record<string, unknown>;
  if ((spec.clusterIP === undefined || spec.clusterIP === '') && old.clusterIP) {
    spec.clusterIP = old.clusterIP;
    spec.clusterIPs = old.clusterIPs;
  }
  next.spec = spec;
  return next;
}
