import type { OpenApiSchema, ResourceType, SubresourceType } from '@flotilla/domain';
import { DELETE_OPTIONS, type Gvk, PATCH, STATUS, componentName, ref } from './openapi.components';
import {
  CONNECT_PARAMETERS,
  DELETE_COLLECTION_PARAMETERS,
  DELETE_PARAMETERS,
  LIST_PARAMETERS,
  LOG_PARAMETERS,
  type OpenApiParameter,
  PATCH_PARAMETERS,
  PATH_NAME,
  PATH_NAMESPACE,
  PATH_PROXY_PATH,
  PRETTY,
  WRITE_PARAMETERS,
} from './openapi.parameters';

type Method = 'get' | 'put' | 'post' | 'patch' | 'delete';
export type PathItem = { parameters?: OpenApiParameter[] } & Partial<Record<Method, OpenApiSchema>>;

export interface GroupVersionPaths {
  paths: Record<string, PathItem>;
  /** Kinds whose components the paths refer to (the served kinds and their subresources' kinds). */
  kinds: Gvk[];
  /** Kinds that also need a `<Kind>List` component. */
  listKinds: Gvk[];
}

/** The body types kube-apiserver accepts for PATCH; kubectl reads the strategic one as "this kind is built in". */
export const PATCH_MEDIA_TYPES = [
  'application/apply-patch+yaml',
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/strategic-merge-patch+json',
];
const OBJECT_MEDIA_TYPES = ['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf'];
const CONNECT_SUBRESOURCES = new Set(['exec', 'attach', 'portforward', 'proxy']);
const VERB_METHOD: Record<string, Method> = { get: 'get', update: 'put', create: 'post', patch: 'patch', delete: 'delete' };

const UNAUTHORIZED = { description: 'Unauthorized' };

function json(description: string, schema: OpenApiSchema): OpenApiSchema {
  return { description, content: { 'application/json': { schema } } };
}

function body(schema: OpenApiSchema, types: string[]): OpenApiSchema {
  return { content: Object.fromEntries(types.map((t) => [t, { schema }])), required: true };
}

/** `rbac.authorization.k8s.io` → `RbacAuthorization`, '' → `Core`, as upstream operation ids spell groups. */
export function groupPart(group: string): string {
  if (!group) return 'Core';
  return group
    .replace(/\.k8s\.io$/, '')
    .split(/[.-]/)
    .map((s) => s.charAt(0).toUpperCase() + s.slice(1))
    .join('');
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Every REST path of one group version, with operations carrying the Kubernetes extensions. */
export function groupVersionPaths(group: string, version: string, resources: ResourceType[]): GroupVersionPaths {
  const base = group ? `/apis/${group}/${version}` : `/api/${version}`;
  const tag = `${groupPart(group).charAt(0).toLowerCase()}${groupPart(group).slice(1)}_${version}`;
  const idStem = `${groupPart(group)}${capital(version)}`;
  const paths: Record<string, PathItem> = {};
  const kinds: Gvk[] = [];
  const listKinds: Gvk[] = [];
  const seen = new Set<string>();
  const addKind = (gvk: Gvk) => {
    const key = `${gvk.group}/${gvk.version}/${gvk.kind}`;
    if (!seen.has(key)) {
      seen.add(key);
      kinds.push({ group: gvk.group, version: gvk.version, kind: gvk.kind });
    }
  };

  for (const rt of resources) {
    const gvk: Gvk = { group: rt.group, version: rt.version, kind: rt.kind };
    addKind(gvk);
    listKinds.push(gvk);
    const kindRef = ref(componentName(gvk));
    const listRef = ref(`${componentName(gvk)}List`);
    const scope = rt.namespaced ? 'Namespaced' : '';
    const scopeParams = rt.namespaced ? [PATH_NAMESPACE] : [];
    const collection = rt.namespaced ? `${base}/namespaces/{namespace}/${rt.plural}` : `${base}/${rt.plural}`;
    const item = `${collection}/{name}`;
    const has = (verb: string) => rt.verbs.includes(verb);
    const op = (action: string, id: string, description: string, rest: OpenApiSchema, opGvk: Gvk = gvk): OpenApiSchema => ({
      tags: [tag],
      description,
      operationId: id,
      ...rest,
      'x-kubernetes-action': action,
      'x-kubernetes-group-version-kind': { group: opGvk.group, version: opGvk.version, kind: opGvk.kind },
    });
    const listOp = (id: string, description: string) =>
      op('list', id, description, {
        parameters: LIST_PARAMETERS,
        responses: {
          '200': { description: 'OK', content: { 'application/json': { schema: listRef }, 'application/json;stream=watch': { schema: listRef } } },
          '401': UNAUTHORIZED,
        },
      });

    const collectionItem: PathItem = { parameters: [...scopeParams, PRETTY] };
    if (has('list')) collectionItem.get = listOp(`list${idStem}${scope}${rt.kind}`, `List or watch ${rt.kind} objects.`);
    if (has('create')) {
      collectionItem.post = op('post', `create${idStem}${scope}${rt.kind}`, `Create a ${rt.kind}.`, {
        parameters: WRITE_PARAMETERS,
        requestBody: body(kindRef, OBJECT_MEDIA_TYPES),
        responses: { '200': json('OK', kindRef), '201': json('Created', kindRef), '202': json('Accepted', kindRef), '401': UNAUTHORIZED },
      });
    }
    if (has('deletecollection')) {
      collectionItem.delete = op('deletecollection', `delete${idStem}Collection${scope}${rt.kind}`, `Delete a collection of ${rt.kind} objects.`, {
        parameters: DELETE_COLLECTION_PARAMETERS,
        requestBody: { content: { 'application/json': { schema: ref(DELETE_OPTIONS) } } },
        responses: { '200': json('OK', ref(STATUS)), '401': UNAUTHORIZED },
      });
    }
    if (Object.keys(collectionItem).length > 1) paths[collection] = collectionItem;

    const objectItem: PathItem = { parameters: [PATH_NAME, ...scopeParams, PRETTY] };
    if (has('get')) {
      objectItem.get = op('get', `read${idStem}${scope}${rt.kind}`, `Read the specified ${rt.kind}.`, {
        responses: { '200': json('OK', kindRef), '401': UNAUTHORIZED },
      });
    }
    const mainOp: SubOpBuilder = (action, id, description, rest) => op(action, `${id.prefix}${idStem}${scope}${rt.kind}`, description, rest);
    if (has('update')) objectItem.put = replaceOp(mainOp, { prefix: 'replace' }, rt.kind, kindRef);
    if (has('patch')) objectItem.patch = patchOp(mainOp, { prefix: 'patch' }, rt.kind, kindRef);
    if (has('delete')) {
      objectItem.delete = op('delete', `delete${idStem}${scope}${rt.kind}`, `Delete a ${rt.kind}.`, {
        parameters: DELETE_PARAMETERS,
        requestBody: { content: { 'application/json': { schema: ref(DELETE_OPTIONS) } } },
        responses: { '200': json('OK', ref(STATUS)), '202': json('Accepted', ref(STATUS)), '401': UNAUTHORIZED },
      });
    }
    if (Object.keys(objectItem).length > 1) paths[item] = objectItem;

    if (rt.namespaced && has('list')) {
      paths[`${base}/${rt.plural}`] = { parameters: [PRETTY], get: listOp(`list${idStem}${rt.kind}ForAllNamespaces`, `List or watch ${rt.kind} objects in all namespaces.`) };
    }

    for (const sub of rt.subresources) {
      addKind(sub.responseKind);
      const subPaths = subresourcePaths(sub, `${item}/${sub.name}`, [PATH_NAME, ...scopeParams], (action, id, description, rest) =>
        op(action, `${id.prefix}${idStem}${id.infix ?? ''}${scope}${rt.kind}${capital(sub.name)}${id.suffix ?? ''}`, description, rest, sub.responseKind),
      );
      Object.assign(paths, subPaths);
    }
  }

  const sorted: Record<string, PathItem> = {};
  for (const key of Object.keys(paths).sort()) sorted[key] = paths[key];
  return { paths: sorted, kinds, listKinds };
}

/** Operation ids read `<prefix><Group><Version><infix><Scope><Kind><Subresource><suffix>`. */
type SubOpBuilder = (action: string, id: { prefix: string; infix?: string; suffix?: string }, description: string, rest: OpenApiSchema) => OpenApiSchema;

function replaceOp(op: SubOpBuilder, id: { prefix: string }, kind: string, kindRef: OpenApiSchema): OpenApiSchema {
  return op('put', id, `Replace the specified ${kind}.`, {
    parameters: WRITE_PARAMETERS,
    requestBody: body(kindRef, OBJECT_MEDIA_TYPES),
    responses: { '200': json('OK', kindRef), '201': json('Created', kindRef), '401': UNAUTHORIZED },
  });
}

function patchOp(op: SubOpBuilder, id: { prefix: string }, kind: string, kindRef: OpenApiSchema): OpenApiSchema {
  return op('patch', id, `Partially update the specified ${kind}.`, {
    parameters: PATCH_PARAMETERS,
    requestBody: body(ref(PATCH), PATCH_MEDIA_TYPES),
    responses: { '200': json('OK', kindRef), '201': json('Created', kindRef), '401': UNAUTHORIZED },
  });
}

function subresourcePaths(sub: SubresourceType, path: string, params: OpenApiParameter[], op: SubOpBuilder): Record<string, PathItem> {
  const kindRef = ref(componentName(sub.responseKind));
  const kind = sub.responseKind.kind;
  if (CONNECT_SUBRESOURCES.has(sub.name)) {
    const connect = (withPath: boolean): PathItem => {
      const item: PathItem = { parameters: withPath ? [...params, PATH_PROXY_PATH] : params };
      for (const verb of sub.verbs) {
        const method = VERB_METHOD[verb];
        if (!method) continue;
        const queryParams = CONNECT_PARAMETERS[sub.name]?.filter((p) => !(withPath && p.name === 'path')) ?? [];
        item[method] = op('connect', { prefix: 'connect', infix: capital(method), suffix: withPath ? 'WithPath' : '' }, `Connect ${method.toUpperCase()} requests to ${sub.name} of the object.`, {
          ...(queryParams.length ? { parameters: queryParams } : {}),
          responses: { '200': { description: 'OK', content: { '*/*': { schema: { type: 'string' } } } }, '401': UNAUTHORIZED },
        });
      }
      return item;
    };
    const out: Record<string, PathItem> = { [path]: connect(false) };
    if (sub.name === 'proxy') out[`${path}/{path}`] = connect(true);
    return out;
  }
  if (sub.name === 'log') {
    return {
      [path]: {
        parameters: params,
        get: op('get', { prefix: 'read' }, `Read the log of the specified ${kind}.`, {
          parameters: LOG_PARAMETERS,
          responses: { '200': { description: 'OK', content: { 'text/plain': { schema: { type: 'string' } } } }, '401': UNAUTHORIZED },
        }),
      },
    };
  }
  const item: PathItem = { parameters: [...params, PRETTY] };
  for (const verb of sub.verbs) {
    if (verb === 'get') item.get = op('get', { prefix: 'read' }, `Read ${sub.name} of the specified object.`, { responses: { '200': json('OK', kindRef), '401': UNAUTHORIZED } });
    if (verb === 'update') item.put = replaceOp(op, { prefix: 'replace' }, kind, kindRef);
    if (verb === 'patch') item.patch = patchOp(op, { prefix: 'patch' }, kind, kindRef);
    if (verb === 'create') {
      item.post = op('post', { prefix: 'create' }, `Create ${sub.name} of the specified object.`, {
        parameters: WRITE_PARAMETERS,
        requestBody: body(kindRef, OBJECT_MEDIA_TYPES),
        responses: { '200': json('OK', kindRef), '201': json('Created', kindRef), '202': json('Accepted', kindRef), '401': UNAUTHORIZED },
      });
    }
  }
  return { [path]: item };
}
