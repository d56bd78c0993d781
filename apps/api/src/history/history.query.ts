import {
  BadRequestError,
  checkFieldSelector,
  fieldValue,
  matchesFields,
  matchesLabels,
  parseFieldSelector,
  parseLabelSelector,
  revisionResourceType,
  supportedFieldSelectors,
  type FieldRequirement,
  type KubeObject,
  type ResourceRegistry,
} from '@flotilla/domain';

type Query = Record<string, unknown>;

/** What a revisions list asks for: the object filters pushed into SQL, the rest matched on each Revision. */
export interface HistoryListOptions {
  group?: string;
  resource?: string;
  name?: string;
  limit: number;
  continueFrom?: HistoryContinue;
  matches(revision: KubeObject): boolean;
}

export interface HistoryContinue {
  /** The log position of the first page; later pages read no further. */
  upto: number;
  /** The last resourceVersion already returned. */
  after: number;
}

/** Selector fields that name the object whose history is read; their equality terms become SQL filters. */
const TARGET_FIELDS = new Set(['target.group', 'target.resource', 'target.name']);
const CONTINUE_VERSION = 'history.flotilla.dev/v1';

function param(q: Query, key: string): string | undefined {
  const v = q[key];
  if (Array.isArray(v)) return v.length > 0 ? String(v[0]) : undefined;
  return v === undefined || v === '' ? undefined : String(v);
}

/**
 * Parses `?group=&resource=&name=` (for `kubectl get --raw` and plain HTTP) and the equivalent field selector
 * `target.group=…,target.resource=…,target.name=…` (for `kubectl get revisions --field-selector …`). A resource may be
 * given as a user types it (`deploy`, `deployments.apps`); it is resolved through the registry as kubectl would.
 */
export function parseHistoryListOptions(registry: ResourceRegistry, q: Query): HistoryListOptions {
  const rt = revisionResourceType;
  const fieldSelector = param(q, 'fieldSelector');
  const fields = fieldSelector ? parseFieldSelector(fieldSelector) : [];
  if (fields.length > 0) checkFieldSelector(fields, supportedFieldSelectors(rt), `${rt.plural}.${rt.group}`);
  const labelSelector = param(q, 'labelSelector');
  const labels = labelSelector ? parseLabelSelector(labelSelector) : [];

  const target: Record<string, string | undefined> = {
    'target.group': param(q, 'group'),
    'target.resource': param(q, 'resource'),
    'target.name': param(q, 'name'),
  };
  const residual: FieldRequirement[] = [];
  for (const req of fields) {
    if (!TARGET_FIELDS.has(req.field) || req.operator === '!=') {
      residual.push(req);
      continue;
    }
    const given = target[req.field];
    // Two different required values can match nothing; keep both so that the residual match rejects every row.
    if (given !== undefined && given !== req.value) residual.push(req);
    else target[req.field] = req.value;
  }
  const resolved = resolveTarget(registry, target['target.group'], target['target.resource']);
  const token = param(q, 'continue');
  return {
    group: resolved.group,
    resource: resolved.resource,
    name: target['target.name'],
    limit: parseLimit(param(q, 'limit')),
    continueFrom: token ? decodeHistoryContinue(token) : undefined,
    matches: (revision) =>
      matchesLabels(labels, revision.metadata.labels) && matchesFields(residual, (path) => fieldValue(rt, revision, path)),
  };
}

/** A typed resource name resolved to its group and plural; an unknown name is taken literally. */
function resolveTarget(registry: ResourceRegistry, group: string | undefined, resource: string | undefined): { group?: string; resource?: string } {
  if (resource === undefined) return { group };
  const candidates = registry.resolveAll(resource).filter((rt) => group === undefined || rt.group === group);
  if (candidates.length === 0) return { group, resource };
  return { group: candidates[0].group, resource: candidates[0].plural };
}

function parseLimit(raw: string | undefined): number {
  if (raw === undefined) return 0;
  if (!/^\d+$/.test(raw)) throw new BadRequestError(`invalid value for limit: ${JSON.stringify(raw)}: must be an integer`);
  return Number(raw);
}

export function encodeHistoryContinue(c: HistoryContinue): string {
  return Buffer.from(JSON.stringify({ v: CONTINUE_VERSION, upto: c.upto, after: c.after })).toString('base64url');
}

function decodeHistoryContinue(token: string): HistoryContinue {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { v?: string; upto?: unknown; after?: unknown };
    if (parsed.v === CONTINUE_VERSION && Number.isSafeInteger(parsed.upto) && Number.isSafeInteger(parsed.after)) {
      return { upto: parsed.upto as number, after: parsed.after as number };
    }
  } catch {
    // reported below
  }
  throw new BadRequestError(`continue key is not valid: incorrect encoded start resourceVersion (version ${CONTINUE_VERSION})`);
}
