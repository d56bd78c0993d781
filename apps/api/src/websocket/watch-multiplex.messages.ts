import { BadRequestError, type Status } from '@flotilla/domain';

/** Starts one watch on the multiplexed socket; its events come back tagged with `id`. */
export interface SubscribeMessage {
  op: 'subscribe';
  id: string;
  /** Plural resource name, e.g. `pods`, `deployments`. */
  resource: string;
  /** API group; `""` (the default) is the core group. */
  group: string;
  /** API version; defaults to `v1` for the core group. */
  version: string;
  /** Omitted: all namespaces (or a cluster-scoped resource). */
  namespace?: string;
  /** Watch a single object. */
  name?: string;
  labelSelector?: string;
  fieldSelector?: string;
  resourceVersion?: string;
  allowWatchBookmarks?: boolean;
  timeoutSeconds?: number;
  sendInitialEvents?: boolean;
}

export interface UnsubscribeMessage {
  op: 'unsubscribe';
  id: string;
}

export type ClientMessage = SubscribeMessage | UnsubscribeMessage;

/** A client message that was refused as a whole; `id` is set when the message named one. */
export interface InvalidMessage {
  id?: string;
  error: BadRequestError;
}

/** Server messages besides watch events (`{"id","type","object"}`). */
export type ControlMessage =
  | { id: string; op: 'subscribed' }
  | { id: string; op: 'ended'; reason: 'unsubscribed' | 'timeout' | 'error' }
  | { id?: string; op: 'rejected'; status: Status };

const MAX_ID_LENGTH = 128;
const OPTIONAL_STRINGS = ['namespace', 'name', 'labelSelector', 'fieldSelector', 'resourceVersion'] as const;
const OPTIONAL_BOOLEANS = ['allowWatchBookmarks', 'sendInitialEvents'] as const;

/** Parses and checks one text message from a client; a refused one comes back as an `InvalidMessage`. */
export function parseClientMessage(data: string | Buffer): ClientMessage | InvalidMessage {
  let raw: unknown;
  try {
    raw = JSON.parse(data.toString());
  } catch {
    return { error: new BadRequestError('message is not valid JSON') };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { error: new BadRequestError('message must be a JSON object') };
  const m = raw as Record<string, unknown>;
  const id = typeof m.id === 'string' && m.id.length > 0 && m.id.length <= MAX_ID_LENGTH ? m.id : undefined;
  const refuse = (message: string): InvalidMessage => ({ id, error: new BadRequestError(message) });
  if (id === undefined) return refuse(`id: Required value: a string of 1 to ${MAX_ID_LENGTH} characters`);
  if (m.op === 'unsubscribe') return { op: 'unsubscribe', id };
  if (m.op !== 'subscribe') return refuse(`op: Unsupported value: ${JSON.stringify(m.op ?? null)}: supported values: "subscribe", "unsubscribe"`);

  if (typeof m.resource !== 'string' || m.resource === '') return refuse('resource: Required value');
  const group = m.group ?? '';
  if (typeof group !== 'string') return refuse('group: Invalid value: must be a string');
  const version = m.version ?? (group === '' ? 'v1' : undefined);
  if (typeof version !== 'string' || version === '') return refuse('version: Required value');
  const message: SubscribeMessage = { op: 'subscribe', id, resource: m.resource, group, version };
  for (const key of OPTIONAL_STRINGS) {
    const v = m[key];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string') return refuse(`${key}: Invalid value: must be a string`);
    if (v !== '') message[key] = v;
  }
  for (const key of OPTIONAL_BOOLEANS) {
    const v = m[key];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'boolean') return refuse(`${key}: Invalid value: must be a boolean`);
    message[key] = v;
  }
  if (m.timeoutSeconds !== undefined && m.timeoutSeconds !== null) {
    if (typeof m.timeoutSeconds !== 'number' || !Number.isInteger(m.timeoutSeconds) || m.timeoutSeconds < 0) {
      return refuse('timeoutSeconds: Invalid value: must be a non-negative integer');
    }
    message.timeoutSeconds = m.timeoutSeconds;
  }
  return message;
}

export function isInvalid(m: ClientMessage | InvalidMessage): m is InvalidMessage {
  return 'error' in m;
}

/** The watch URL a subscription stands for, so it is checked and served exactly as that URL would be. */
export function subscriptionTarget(m: SubscribeMessage): { path: string; query: Record<string, string> } {
  const seg = encodeURIComponent;
  const prefix = m.group === '' ? `/api/${seg(m.version)}` : `/apis/${seg(m.group)}/${seg(m.version)}`;
  const ns = m.namespace !== undefined ? `/namespaces/${seg(m.namespace)}` : '';
  const name = m.name !== undefined ? `/${seg(m.name)}` : '';
  const query: Record<string, string> = { watch: 'true' };
  if (m.labelSelector !== undefined) query.labelSelector = m.labelSelector;
  if (m.fieldSelector !== undefined) query.fieldSelector = m.fieldSelector;
  if (m.resourceVersion !== undefined) query.resourceVersion = m.resourceVersion;
  if (m.allowWatchBookmarks !== undefined) query.allowWatchBookmarks = String(m.allowWatchBookmarks);
  if (m.sendInitialEvents !== undefined) query.sendInitialEvents = String(m.sendInitialEvents);
  if (m.timeoutSeconds !== undefined) query.timeoutSeconds = String(m.timeoutSeconds);
  return { path: `${prefix}${ns}/${seg(m.resource)}${name}`, query };
}
