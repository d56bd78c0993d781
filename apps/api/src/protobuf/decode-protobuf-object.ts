import { BadRequestError, KubeObject, StatusError } from '@flotilla/domain';
import { messageToJson } from './go-json';
import { fieldSpecs, lookupMessage } from './kube-proto-root';

/** `k8s\0`: the prefix of every Kubernetes protobuf body. */
export const KUBE_PROTOBUF_MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

/** API group → the package prefix its messages carry in kube-messages.schema.ts. */
const GROUP_PACKAGES: Record<string, string> = {
  '': 'core',
  apps: 'apps',
  batch: 'batch',
  'rbac.authorization.k8s.io': 'rbac',
  'scheduling.k8s.io': 'scheduling',
  'networking.k8s.io': 'networking',
  policy: 'policy',
  'authentication.k8s.io': 'authentication',
  autoscaling: 'autoscaling',
};

interface Envelope {
  apiVersion: string;
  kind: string;
  raw: Uint8Array;
  contentEncoding: string;
  contentType: string;
}

function decodeEnvelope(body: Buffer): Envelope {
  if (body.length < KUBE_PROTOBUF_MAGIC.length || !body.subarray(0, 4).equals(KUBE_PROTOBUF_MAGIC)) {
    throw new BadRequestError(
      `provided data does not appear to be a protobuf message, expected prefix [${[...KUBE_PROTOBUF_MAGIC].join(' ')}]`,
    );
  }
  let unknown: Record<string, unknown>;
  try {
    unknown = lookupMessage('runtime.Unknown').decode(body.subarray(4)) as unknown as Record<string, unknown>;
  } catch (e) {
    throw new BadRequestError(`unable to decode the protobuf envelope: ${(e as Error).message}`);
  }
  const typeMeta = (unknown.typeMeta ?? {}) as Record<string, unknown>;
  return {
    apiVersion: String(typeMeta.apiVersion ?? ''),
    kind: String(typeMeta.kind ?? ''),
    raw: (unknown.raw as Uint8Array | undefined) ?? new Uint8Array(),
    contentEncoding: String(unknown.contentEncoding ?? ''),
    contentType: String(unknown.contentType ?? ''),
  };
}

/** The schema message for a top-level kind, or undefined when Flotilla has none. */
function messageNameFor(apiVersion: string, kind: string): string | undefined {
  const slash = apiVersion.lastIndexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  const version = apiVersion.slice(slash + 1);
  const pkg = GROUP_PACKAGES[group];
  if (!pkg || !/^[A-Z]\w*$/.test(kind)) return undefined;
  const name = `${pkg}.${version}.${kind}`;
  // Only kinds (structs with object metadata) are accepted, not nested structs such as PodSpec.
  const metadata = fieldSpecs(name)?.find((f) => f.name === 'metadata');
  return metadata?.type === 'meta.v1.ObjectMeta' ? name : undefined;
}

/**
 * Decodes an `application/vnd.kubernetes.protobuf` request body (kubectl ≥ 1.32 `create <generator>`) into the
 * JSON object the same kubectl would have sent as `application/json`.
 */
export function decodeProtobufObject(body: Buffer): KubeObject {
  const envelope = decodeEnvelope(body);
  if (!envelope.apiVersion || !envelope.kind) {
    throw new BadRequestError('Object \'Kind\' is missing in protobuf envelope');
  }
  if (envelope.contentEncoding !== '') {
    throw new BadRequestError(`unsupported protobuf content encoding ${JSON.stringify(envelope.contentEncoding)}`);
  }
  if (envelope.contentType !== '' && envelope.contentType !== 'application/vnd.kubernetes.protobuf') {
    throw new BadRequestError(`unsupported protobuf content type ${JSON.stringify(envelope.contentType)}`);
  }
  const name = messageNameFor(envelope.apiVersion, envelope.kind);
  if (!name) {
    throw new StatusError(
      415,
      'UnsupportedMediaType',
      `the body of the request was in an unknown format - ${envelope.kind} in version ${JSON.stringify(envelope.apiVersion)} cannot be decoded from application/vnd.kubernetes.protobuf; accepted media types include: application/json, application/yaml`,
    );
  }
  let decoded: Record<string, unknown>;
  try {
    decoded = lookupMessage(name).decode(envelope.raw) as unknown as Record<string, unknown>;
  } catch (e) {
    throw new BadRequestError(
      `${envelope.kind} in version ${JSON.stringify(envelope.apiVersion)} cannot be handled as a ${envelope.kind}: ${(e as Error).message}`,
    );
  }
  const { metadata, ...rest } = messageToJson(name, decoded);
  return { kind: envelope.kind, apiVersion: envelope.apiVersion, metadata: metadata as KubeObject['metadata'], ...rest };
}
