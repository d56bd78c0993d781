import { Root, Type } from 'protobufjs';
import { FieldSpec, parseFieldSpec, SCALAR_TYPES } from './field-spec';
import { KUBE_MESSAGES } from './kube-messages.schema';

interface ProtoField {
  id: number;
  type: string;
  rule?: 'repeated';
  keyType?: string;
}

/**
 * Messages whose JSON form is not a plain object of their fields (apimachinery wrappers), plus the envelope.
 * Field numbers as in apimachinery's runtime, meta/v1, intstr and resource packages.
 */
const SPECIAL_MESSAGES: Record<string, Record<string, ProtoField>> = {
  'meta.v1.Time': { seconds: { id: 1, type: 'int64' }, nanos: { id: 2, type: 'int32' } },
  'meta.v1.FieldsV1': { raw: { id: 1, type: 'bytes' } },
  'intstr.IntOrString': { type: { id: 1, type: 'int64' }, intVal: { id: 2, type: 'int32' }, strVal: { id: 3, type: 'string' } },
  'resource.Quantity': { value: { id: 1, type: 'string' } },
  'runtime.TypeMeta': { apiVersion: { id: 1, type: 'string' }, kind: { id: 2, type: 'string' } },
  'runtime.Unknown': {
    typeMeta: { id: 1, type: '.runtime.TypeMeta' },
    raw: { id: 2, type: 'bytes' },
    contentEncoding: { id: 3, type: 'string' },
    contentType: { id: 4, type: 'string' },
  },
};

export const SPECIAL_MESSAGE_NAMES = new Set(Object.keys(SPECIAL_MESSAGES));

function protoField(spec: FieldSpec): ProtoField {
  const type = SCALAR_TYPES[spec.type] ?? `.${spec.type}`;
  if (spec.shape === 'map') return { id: spec.number, type, keyType: 'string' };
  if (spec.shape === 'slice') return { id: spec.number, type, rule: 'repeated' };
  return { id: spec.number, type };
}

function addMessage(nested: Record<string, unknown>, fullName: string, fields: Record<string, ProtoField>): void {
  const parts = fullName.split('.');
  let scope = nested;
  for (const part of parts.slice(0, -1)) {
    scope[part] ??= { nested: {} };
    scope = (scope[part] as { nested: Record<string, unknown> }).nested;
  }
  // Kubernetes messages are proto2: a field that is on the wire is present even when it holds zero.
  scope[parts[parts.length - 1]] = { edition: 'proto2', fields };
}

function buildRoot(): { root: Root; specs: Map<string, FieldSpec[]> } {
  const nested: Record<string, unknown> = {};
  const specs = new Map<string, FieldSpec[]>();
  for (const [name, fields] of Object.entries(SPECIAL_MESSAGES)) addMessage(nested, name, fields);
  for (const [name, fields] of Object.entries(KUBE_MESSAGES)) {
    const parsed = Object.entries(fields).map(([field, spec]) => parseFieldSpec(field, spec));
    specs.set(name, parsed);
    addMessage(nested, name, Object.fromEntries(parsed.map((f) => [f.name, protoField(f)])));
  }
  const root = Root.fromJSON({ nested } as Parameters<typeof Root.fromJSON>[0]);
  root.resolveAll();
  return { root, specs };
}

const built = buildRoot();

export function lookupMessage(name: string): Type {
  return built.root.lookupType(`.${name}`);
}

/** The Go-side facts of a Kubernetes struct, or undefined for special and unknown messages. */
export function fieldSpecs(name: string): FieldSpec[] | undefined {
  return built.specs.get(name);
}
