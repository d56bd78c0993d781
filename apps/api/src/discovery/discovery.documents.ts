import { createHash } from 'node:crypto';
import type { ResourceGroup, ResourceGroupVersion, ResourceType, SubresourceType } from '@flotilla/domain';

/** The wire shapes of discovery (`apidiscovery.k8s.io` and the legacy `meta/v1` documents), built from the registry. */

export interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

export interface APISubresourceDiscovery {
  subresource: string;
  responseKind: GroupVersionKind;
  verbs: string[];
}

export interface APIResourceDiscovery {
  resource: string;
  responseKind: GroupVersionKind;
  scope: 'Namespaced' | 'Cluster';
  singularResource: string;
  verbs: string[];
  shortNames?: string[];
  categories?: string[];
  subresources?: APISubresourceDiscovery[];
}

export interface APIVersionDiscovery {
  version: string;
  resources: APIResourceDiscovery[];
  freshness: 'Current';
}

export interface APIGroupDiscovery {
  metadata: { name?: string; creationTimestamp: null };
  versions: APIVersionDiscovery[];
}

export interface APIGroupDiscoveryList {
  kind: 'APIGroupDiscoveryList';
  apiVersion: string;
  metadata: Record<string, never>;
  items: APIGroupDiscovery[];
}

export interface GroupVersionForDiscovery {
  groupVersion: string;
  version: string;
}

export interface APIGroupEntry {
  name: string;
  versions: GroupVersionForDiscovery[];
  preferredVersion: GroupVersionForDiscovery;
}

export interface APIResource {
  name: string;
  singularName: string;
  namespaced: boolean;
  group?: string;
  version?: string;
  kind: string;
  verbs: string[];
  shortNames?: string[];
  categories?: string[];
  storageVersionHash?: string;
}

export function aggregatedDiscovery(groups: ResourceGroup[], version: 'v2' | 'v2beta1'): APIGroupDiscoveryList {
  return {
    kind: 'APIGroupDiscoveryList',
    apiVersion: `apidiscovery.k8s.io/${version}`,
    metadata: {},
    items: groups.map(groupDiscovery),
  };
}

function groupDiscovery(group: ResourceGroup): APIGroupDiscovery {
  // The core group's entry has no name, as kube-apiserver serves it under /api.
  const metadata = group.name ? { name: group.name, creationTimestamp: null } : { creationTimestamp: null };
  return { metadata, versions: group.versions.map(versionDiscovery) };
}

function versionDiscovery(gv: ResourceGroupVersion): APIVersionDiscovery {
  return { version: gv.version, resources: gv.resources.map(resourceDiscovery), freshness: 'Current' };
}

function resourceDiscovery(rt: ResourceType): APIResourceDiscovery {
  const entry: APIResourceDiscovery = {
    resource: rt.plural,
    responseKind: { group: rt.group, version: rt.version, kind: rt.kind },
    scope: rt.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: rt.singular,
    verbs: [...rt.verbs],
  };
  if (rt.shortNames.length) entry.shortNames = [...rt.shortNames];
  if (rt.categories.length) entry.categories = [...rt.categories];
  if (rt.subresources.length) entry.subresources = rt.subresources.map(subresourceDiscovery);
  return entry;
}

function subresourceDiscovery(sub: SubresourceType): APISubresourceDiscovery {
  return { subresource: sub.name, responseKind: { ...sub.responseKind }, verbs: [...sub.verbs] };
}

/** `/api` in legacy form. `serverAddress` is host:port as the client reached us. */
export function apiVersions(core: ResourceGroup | undefined, serverAddress: string) {
  return {
    kind: 'APIVersions',
    versions: core ? core.versions.map((v) => v.version) : [],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

export function apiGroupList(groups: ResourceGroup[]) {
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: groups.map(apiGroupEntry) };
}

export function apiGroup(group: ResourceGroup) {
  return { kind: 'APIGroup', apiVersion: 'v1', ...apiGroupEntry(group) };
}

function apiGroupEntry(group: ResourceGroup): APIGroupEntry {
  const entry = (version: string) => ({ groupVersion: `${group.name}/${version}`, version });
  return {
    name: group.name,
    versions: group.versions.map((v) => entry(v.version)),
    preferredVersion: entry(group.preferredVersion),
  };
}

/**
 * `/api/v1` or `/apis/<g>/<v>`. Subresources are entries named `<plural>/<sub>`, listed after their parent; their
 * group and version appear only when they differ from the list's (autoscaling/v1 Scale under apps/v1).
 * kube-apiserver leaves `apiVersion` off the core group's list, and so do we.
 */
export function apiResourceList(group: string, gv: ResourceGroupVersion) {
  const resources: APIResource[] = [];
  for (const rt of gv.resources) {
    const main: APIResource = {
      name: rt.plural,
      singularName: rt.singular,
      namespaced: rt.namespaced,
      kind: rt.kind,
      verbs: [...rt.verbs],
    };
    if (rt.shortNames.length) main.shortNames = [...rt.shortNames];
    if (rt.categories.length) main.categories = [...rt.categories];
    main.storageVersionHash = storageVersionHash(rt.group, rt.version, rt.kind);
    resources.push(main);
    for (const sub of rt.subresources) {
      const entry: APIResource = { name: `${rt.plural}/${sub.name}`, singularName: '', namespaced: rt.namespaced, kind: sub.responseKind.kind, verbs: [...sub.verbs] };
      if (sub.responseKind.group !== group || sub.responseKind.version !== gv.version) {
        entry.group = sub.responseKind.group;
        entry.version = sub.responseKind.version;
      }
      resources.push(entry);
    }
  }
  resources.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const groupVersion = group ? `${group}/${gv.version}` : gv.version;
  return group
    ? { kind: 'APIResourceList', apiVersion: 'v1', groupVersion, resources }
    : { kind: 'APIResourceList', groupVersion, resources };
}

/**
 * Upstream's storage version hash: the first 8 bytes of SHA-256 over `<group>/<version>/<kind>`, base64. Clients
 * (the storage version migrator) only compare it for equality.
 */
export function storageVersionHash(group: string, version: string, kind: string): string {
  return createHash('sha256').update(`${group}/${version}/${kind}`).digest().subarray(0, 8).toString('base64');
}
