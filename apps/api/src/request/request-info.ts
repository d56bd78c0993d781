/** What a request under /api or /apis addresses, parsed the way kube-apiserver's RequestInfoFactory does. */
export type Verb = 'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete' | 'deletecollection';

export interface RequestInfo {
  verb: Verb;
  group: string;
  version: string;
  namespace?: string;
  resource: string;
  name?: string;
  subresource?: string;
}

const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

/**
 * Returns undefined for paths that are not resource requests (discovery documents such as `/api/v1` or
 * `/apis/apps`), which other handlers serve.
 */
export function parseRequestInfo(method: string, path: string, query: Record<string, unknown>): RequestInfo | undefined {
  const parts = path.split('/').filter((p) => p.length > 0).map(decodeURIComponent);
  let group: string;
  let version: string;
  let rest: string[];
  if (parts[0] === 'api') {
    if (parts.length < 3) return undefined;
    group = '';
    version = parts[1];
    rest = parts.slice(2);
  } else if (parts[0] === 'apis') {
    if (parts.length < 4) return undefined;
    group = parts[1];
    version = parts[2];
    rest = parts.slice(3);
  } else {
    return undefined;
  }
  let watchPath = false;
  if (rest[0] === 'watch') {
    watchPath = true;
    rest = rest.slice(1);
  }
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length > 1) {
    namespace = rest[1];
    if (rest.length > 2 && !NAMESPACE_SUBRESOURCES.has(rest[2])) rest = rest.slice(2);
  }
  const [resource, name, subresource] = rest;
  if (!resource || rest.length > 3) return undefined;
  // `namespaces/<name>` addresses the Namespace object itself.
  const isNamespaceObject = resource === 'namespaces' && namespace !== undefined && rest[0] === 'namespaces';
  const info: RequestInfo = {
    verb: 'get',
    group,
    version,
    resource,
    namespace: isNamespaceObject ? undefined : namespace,
    name: isNamespaceObject ? namespace : name,
    subresource: isNamespaceObject ? rest[2] : subresource,
  };
  const watchParam = query.watch === 'true' || query.watch === '1';
  switch (method) {
    case 'GET':
    case 'HEAD':
      info.verb = info.name !== undefined ? (watchPath || watchParam ? 'watch' : 'get') : watchPath || watchParam ? 'watch' : 'list';
      break;
    case 'POST':
      info.verb = 'create';
      break;
    case 'PUT':
      info.verb = 'update';
      break;
    case 'PATCH':
      info.verb = 'patch';
      break;
    case 'DELETE':
      info.verb = info.name !== undefined ? 'delete' : 'deletecollection';
      break;
    default:
      return { ...info, verb: 'get', subresource: `__method:${method}` };
  }
  return info;
}
