import type { ResourceType } from './resource-type';

/** One served version of an API group and its resources, sorted by plural name as discovery lists them. */
export interface ResourceGroupVersion {
  version: string;
  resources: ResourceType[];
}

/** An API group as discovery presents it; the core group is named ''. */
export interface ResourceGroup {
  name: string;
  preferredVersion: string;
  /** Preferred version first. */
  versions: ResourceGroupVersion[];
}

/** Kubernetes version names order: GA before beta before alpha, higher numbers first. */
function versionRank(version: string): [number, number, number] {
  const match = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(version);
  if (!match) return [3, 0, 0];
  const stability = match[2] === undefined ? 0 : match[2] === 'beta' ? 1 : 2;
  return [stability, -Number(match[1]), -Number(match[3] ?? 0)];
}

function compareVersions(a: string, b: string): number {
  const [ra, rb] = [versionRank(a), versionRank(b)];
  for (let i = 0; i < 3; i++) if (ra[i] !== rb[i]) return ra[i] - rb[i];
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The set of served resources. Entries are looked up by URL segments (group, version, plural), by kind for
 * decoding bodies, and by the names users type (`po`, `deploy`, `deployments.apps`).
 */
export class ResourceRegistry {
  private readonly entries: ResourceType[];
  private readonly byResource = new Map<string, ResourceType>();
  private readonly byGvk = new Map<string, ResourceType>();
  private readonly groupOrder: string[] = [];

  constructor(entries: ResourceType[]) {
    this.entries = [...entries];
    for (const rt of this.entries) {
      const resourceKey = `${rt.group}/${rt.version}/${rt.plural}`;
      if (this.byResource.has(resourceKey)) throw new Error(`duplicate resource ${resourceKey}`);
      this.byResource.set(resourceKey, rt);
      this.byGvk.set(`${rt.group}/${rt.version}/${rt.kind}`, rt);
      if (!this.groupOrder.includes(rt.group)) this.groupOrder.push(rt.group);
    }
  }

  all(): ResourceType[] {
    return [...this.entries];
  }

  lookup(group: string, version: string, plural: string): ResourceType | undefined {
    return this.byResource.get(`${group}/${version}/${plural}`);
  }

  byKind(group: string, version: string, kind: string): ResourceType | undefined {
    return this.byGvk.get(`${group}/${version}/${kind}`);
  }

  /** `apps/v1` + `Deployment`, or `v1` + `Pod` for the core group. */
  byApiVersionKind(apiVersion: string, kind: string): ResourceType | undefined {
    const slash = apiVersion.indexOf('/');
    if (slash < 0) return this.byKind('', apiVersion, kind);
    return this.byKind(apiVersion.slice(0, slash), apiVersion.slice(slash + 1), kind);
  }

  /** Groups in registration order (core first for the built-ins), each with its versions, preferred first. */
  groups(): ResourceGroup[] {
    return this.groupOrder.map((name) => {
      const versions = new Map<string, ResourceType[]>();
      for (const rt of this.entries) {
        if (rt.group !== name) continue;
        const list = versions.get(rt.version) ?? [];
        list.push(rt);
        versions.set(rt.version, list);
      }
      const sorted = [...versions.keys()].sort(compareVersions).map((version) => ({
        version,
        resources: [...(versions.get(version) ?? [])].sort((a, b) => (a.plural < b.plural ? -1 : a.plural > b.plural ? 1 : 0)),
      }));
      return { name, preferredVersion: sorted[0].version, versions: sorted };
    });
  }

  /**
   * Every entry a typed name can mean: a plural, singular, short name or lower-case kind, optionally qualified with
   * a group (`deployments.apps`, `deploy.apps`) or a version and group (`deployments.v1.apps`). Entries of a group's
   * preferred version come first, then core before other groups, as kubectl's RESTMapper prefers.
   */
  resolveAll(name: string): ResourceType[] {
    const wanted = name.toLowerCase();
    const preferred = new Map(this.groups().map((g) => [g.name, g.preferredVersion]));
    const matches = this.entries.filter((rt) => {
      const names = [rt.plural, rt.singular, rt.kind.toLowerCase(), ...rt.shortNames];
      return names.some(
        (n) =>
          n === wanted ||
          (rt.group !== '' && (wanted === `${n}.${rt.group}` || wanted === `${n}.${rt.version}.${rt.group}`)),
      );
    });
    const rank = (rt: ResourceType) => (preferred.get(rt.group) === rt.version ? 0 : 1);
    return matches.sort((a, b) => rank(a) - rank(b) || this.groupOrder.indexOf(a.group) - this.groupOrder.indexOf(b.group));
  }

  /** The entry a typed name most likely means (see resolveAll), or undefined. */
  resolve(name: string): ResourceType | undefined {
    return this.resolveAll(name)[0];
  }

  /** The entries in a discovery category, e.g. `all`. */
  inCategory(category: string): ResourceType[] {
    return this.entries.filter((rt) => rt.categories.includes(category));
  }
}
