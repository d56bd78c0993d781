import {
  BadRequestError,
  ExpiredError,
  checkFieldSelector,
  fieldValue,
  matchesFields,
  matchesLabels,
  parseFieldSelector,
  parseLabelSelector,
  supportedFieldSelectors,
  type KubeObject,
  type ResourceType,
} from '@flotilla/domain';

export interface ListOptions {
  limit: number;
  continueFrom?: { resourceVersion: number; namespace: string; name: string };
  resourceVersion?: string;
  resourceVersionMatch?: 'NotOlderThan' | 'Exact';
  timeoutSeconds?: number;
  allowWatchBookmarks: boolean;
  sendInitialEvents?: boolean;
  includeObject?: string;
  /** Matches label and field selectors (and, for single-object watches, the name). */
  matches(obj: KubeObject): boolean;
  /** False when `matches` accepts every object (no selector, no name). */
  selective: boolean;
}

type Query = Record<string, unknown>;

function str(q: Query, key: string): string | undefined {
  const v = q[key];
  if (Array.isArray(v)) return v.length > 0 ? String(v[0]) : undefined;
  return v === undefined ? undefined : String(v);
}

function nonNegativeInt(q: Query, key: string): number | undefined {
  const raw = str(q, key);
  if (raw === undefined || raw === '') return undefined;
  if (!/^-?\d+$/.test(raw)) throw new BadRequestError(`invalid value for ${key}: ${JSON.stringify(raw)}: must be an integer`);
  const n = Number(raw);
  if (n < 0) throw new BadRequestError(`${key}: Invalid value: ${n}: must be greater than or equal to 0`);
  return n;
}

export function encodeContinue(resourceVersion: number, namespace: string, name: string): string {
  return Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', rv: resourceVersion, ns: namespace, n: name })).toString('base64url');
}

function decodeContinue(token: string): { resourceVersion: number; namespace: string; name: string } {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { v?: string; rv?: number; ns?: string; n?: string };
    if (parsed.v !== 'meta.k8s.io/v1' || typeof parsed.rv !== 'number' || typeof parsed.ns !== 'string' || typeof parsed.n !== 'string') {
      throw new Error('unknown shape');
    }
    return { resourceVersion: parsed.rv, namespace: parsed.ns, name: parsed.n };
  } catch {
    throw new BadRequestError('continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
  }
}

export function continueExpired(): ExpiredError {
  return new ExpiredError(
    'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.',
  );
}

export function parseListOptions(rt: ResourceType, q: Query, name?: string): ListOptions {
  const labelSelector = str(q, 'labelSelector');
  const fieldSelector = str(q, 'fieldSelector');
  const labels = labelSelector ? parseLabelSelector(labelSelector) : [];
  const fields = fieldSelector ? parseFieldSelector(fieldSelector) : [];
  if (fields.length > 0) checkFieldSelector(fields, supportedFieldSelectors(rt), rt.group ? `${rt.plural}.${rt.group}` : rt.plural);
  const token = str(q, 'continue');
  const rvMatch = str(q, 'resourceVersionMatch');
  if (rvMatch !== undefined && rvMatch !== '' && rvMatch !== 'NotOlderThan' && rvMatch !== 'Exact') {
    throw new BadRequestError(`resourceVersionMatch: Unsupported value: "${rvMatch}": supported values: "Exact", "NotOlderThan"`);
  }
  const resourceVersion = str(q, 'resourceVersion');
  if (resourceVersion !== undefined && resourceVersion !== '' && !/^\d+$/.test(resourceVersion)) {
    throw new BadRequestError(`resourceVersion: Invalid value: "${resourceVersion}": must be a non-negative integer`);
  }
  if (token && resourceVersion && resourceVersion !== '0') {
    throw new BadRequestError('specifying resource version is not allowed when using continue');
  }
  return {
    limit: nonNegativeInt(q, 'limit') ?? 0,
    continueFrom: token ? decodeContinue(token) : undefined,
    resourceVersion: resourceVersion || undefined,
    resourceVersionMatch: (rvMatch || undefined) as ListOptions['resourceVersionMatch'],
    timeoutSeconds: nonNegativeInt(q, 'timeoutSeconds'),
    allowWatchBookmarks: str(q, 'allowWatchBookmarks') === 'true' || str(q, 'allowWatchBookmarks') === '1',
    sendInitialEvents: str(q, 'sendInitialEvents') === undefined ? undefined : str(q, 'sendInitialEvents') === 'true',
    includeObject: str(q, 'includeObject'),
    selective: name !== undefined || labels.length > 0 || fields.length > 0,
    matches: (obj) =>
      (name === undefined || obj.metadata.name === name) &&
      matchesLabels(labels, obj.metadata.labels) &&
      matchesFields(fields, (path: string) => fieldValue(rt, obj, path)),
  };
}
