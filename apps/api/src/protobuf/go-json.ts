import { BadRequestError } from '@flotilla/domain';
import { FieldSpec } from './field-spec';
import { fieldSpecs } from './kube-proto-root';

/**
 * Turns a decoded protobuf message into the JSON that Go's encoding/json produces for the same Kubernetes
 * object, which is what kubectl ≤ 1.31 sent. gogo-protobuf writes every non-pointer field, zero or not, and
 * pointer fields only when set; encoding/json then drops zero values of `omitempty` fields only. Following
 * the Go field facts (pointer, omitempty, omitzero, inline) reproduces the JSON body exactly.
 */
type Decoded = Record<string, unknown>;

/** Zero `time.Time` (0001-01-01T00:00:00Z) as Unix seconds. */
const GO_ZERO_TIME_SECONDS = -62135596800;

function has(message: Decoded, field: string): boolean {
  const value = Object.prototype.hasOwnProperty.call(message, field) ? message[field] : undefined;
  if (value === undefined || value === null) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object' && !ArrayBuffer.isView(value) && !isLong(value)) {
    // A map field decodes to a plain object; a nested message to an instance with a prototype.
    return Object.getPrototypeOf(value) !== Object.prototype || Object.keys(value).length > 0;
  }
  return true;
}

interface LongLike {
  low: number;
  high: number;
  toNumber(): number;
}

function isLong(value: unknown): value is LongLike {
  return typeof value === 'object' && value !== null && 'low' in value && 'high' in value && 'toNumber' in value;
}

function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (isLong(value)) return value.toNumber();
  return 0;
}

function timeIsZero(message: Decoded): boolean {
  if (!has(message, 'seconds') && !has(message, 'nanos')) return true;
  return toNumber(message.seconds) === GO_ZERO_TIME_SECONDS && toNumber(message.nanos) === 0;
}

/** metav1.Time marshals as RFC 3339 in UTC to the second, and zero as null. */
function timeToJson(message: Decoded): string | null {
  if (timeIsZero(message)) return null;
  const date = new Date(toNumber(message.seconds) * 1000);
  if (Number.isNaN(date.getTime())) throw new BadRequestError(`invalid timestamp: ${toNumber(message.seconds)} seconds`);
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function intOrStringToJson(message: Decoded): number | string {
  return toNumber(message.type) === 1 ? String(message.strVal ?? '') : toNumber(message.intVal);
}

function fieldsV1ToJson(message: Decoded): unknown {
  const raw = message.raw as Uint8Array | undefined;
  if (!raw || raw.length === 0) return null;
  try {
    return JSON.parse(Buffer.from(raw).toString('utf8'));
  } catch {
    throw new BadRequestError('invalid managedFields: fieldsV1 is not valid JSON');
  }
}

function zeroScalar(type: string): unknown {
  switch (type) {
    case 'string':
      return '';
    case 'bool':
      return false;
    case 'bytes':
      return null;
    default:
      return 0;
  }
}

function scalarToJson(type: string, value: unknown): unknown {
  switch (type) {
    case 'int64':
    case 'int32':
    case 'float64':
      return toNumber(value);
    case 'bytes':
      return Buffer.from(value as Uint8Array).toString('base64');
    default:
      return value;
  }
}

function isScalar(type: string): boolean {
  return ['string', 'int32', 'int64', 'bool', 'float64', 'bytes'].includes(type);
}

function isZero(type: string, value: unknown): boolean {
  if (type === 'bytes') return value === null || (value as Uint8Array).length === 0;
  if (type === 'string' || type === 'bool') return value === zeroScalar(type);
  return toNumber(value) === 0;
}

/** The JSON of one value of `type` (scalar, wrapper or struct). */
export function valueToJson(type: string, value: unknown): unknown {
  if (isScalar(type)) return scalarToJson(type, value);
  const message = (value ?? {}) as Decoded;
  switch (type) {
    case 'meta.v1.Time':
      return timeToJson(message);
    case 'intstr.IntOrString':
      return intOrStringToJson(message);
    case 'resource.Quantity':
      return has(message, 'value') ? String(message.value) : '0';
    case 'meta.v1.FieldsV1':
      return fieldsV1ToJson(message);
    default:
      return messageToJson(type, message);
  }
}

function structIsZero(type: string, message: Decoded | undefined): boolean {
  if (!message) return true;
  if (type === 'meta.v1.Time') return timeIsZero(message);
  return Object.keys(message).every((key) => !has(message, key));
}

function fieldToJson(spec: FieldSpec, message: Decoded, out: Record<string, unknown>): void {
  const present = has(message, spec.name);
  const value = present ? message[spec.name] : undefined;
  const omitEmpty = spec.omitempty || spec.omitzero;
  switch (spec.shape) {
    case 'pointer':
      if (present) out[spec.name] = valueToJson(spec.type, value);
      else if (!omitEmpty) out[spec.name] = null;
      return;
    case 'slice':
      if (present) out[spec.name] = (value as unknown[]).map((item) => valueToJson(spec.type, item));
      else if (!omitEmpty) out[spec.name] = null;
      return;
    case 'map':
      if (present) {
        out[spec.name] = Object.fromEntries(
          Object.entries(value as Decoded).map(([key, item]) => [key, valueToJson(spec.type, item)]),
        );
      } else if (!omitEmpty) out[spec.name] = null;
      return;
    case 'scalar':
      if (isScalar(spec.type)) {
        const scalar = present ? value : zeroScalar(spec.type);
        if (omitEmpty && isZero(spec.type, scalar)) return;
        out[spec.name] = scalar === null ? null : scalarToJson(spec.type, scalar);
        return;
      }
      // encoding/json never omits a struct for omitempty; only omitzero does.
      if (spec.omitzero && structIsZero(spec.type, value as Decoded | undefined)) return;
      out[spec.name] = valueToJson(spec.type, value);
  }
}

export function messageToJson(type: string, message: Decoded): Record<string, unknown> {
  const specs = fieldSpecs(type);
  if (!specs) throw new Error(`no field facts for ${type}`);
  const out: Record<string, unknown> = {};
  for (const spec of specs) {
    if (spec.inline) {
      if (spec.shape === 'pointer' && !has(message, spec.name)) continue;
      Object.assign(out, messageToJson(spec.type, (message[spec.name] ?? {}) as Decoded));
    } else {
      fieldToJson(spec, message, out);
    }
  }
  return out;
}
