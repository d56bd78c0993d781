import { isObject } from '../objects/object-meta';
import { base64ErrorOffset, quantityError } from './go-decode.values';
import { fieldSchema, type TypeSchema } from './type-schema';

/** A value the upstream JSON decoder refuses for its Go type. */
export interface SchemaTypeError {
  /** Where, in the unknown-field path form (`spec.template.spec.containers[0].ports[0].containerPort`). */
  path: string;
  /** The Go type the decoder wanted, as Go prints it (`int32`, `v1.DeploymentSpec`, `[]v1.Container`). */
  expected: string;
  /** What the JSON held, in the decoder's words (`string`, `number`, `number 1.5`, `bool`, `array`, `object`). */
  got: string;
  /** The decoder's message, e.g. `json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32`. */
  message: string;
  /** The decoder stops at this error (types with their own unmarshaler); other errors let it go on. */
  fatal: boolean;
}

const INT_RANGES: Record<string, [number, number]> = {
  int32: [-2147483648, 2147483647],
  int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

/** The Go type name of a schema node, as in decoder messages. */
export function goTypeOf(schema: TypeSchema): string {
  if (schema.goType) return schema.goType;
  switch (schema.type) {
    case 'string':
    case 'time':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'integer':
      return schema.format === 'int32' ? 'int32' : 'int64';
    case 'number':
      return 'float64';
    case 'int-or-string':
      return 'int32';
    case 'bytes':
      return '[]uint8';
    case 'quantity':
      return 'resource.Quantity';
    case 'array':
      return `[]${schema.items ? goTypeOf(schema.items) : 'interface {}'}`;
    case 'map':
      return `map[string]${schema.additional ? goTypeOf(schema.additional) : 'interface {}'}`;
    case 'object':
      return 'struct';
    case 'any':
      return 'interface {}';
  }
}

/**
 * Values of `obj` whose JSON type the upstream decoder (sigs.k8s.io/json over the Go types) rejects, in document
 * order. kube-apiserver answers 400 with `<Kind> in version "<v>" cannot be handled as a <Kind>: <message>` for the
 * error `firstDecodeError` picks. `null` is accepted everywhere, as Go leaves the field unset.
 */
export function findTypeErrors(obj: unknown, schema: TypeSchema): SchemaTypeError[] {
  const errors: SchemaTypeError[] = [];
  check(obj, schema, { path: '', fields: [], struct: '' }, errors);
  return errors;
}

/**
 * The error the decoder reports: it stops at the first fatal error, which then wins over any earlier one;
 * otherwise it reports the first error it saved.
 */
export function firstDecodeError(errors: SchemaTypeError[]): SchemaTypeError | undefined {
  return errors.find((e) => e.fatal) ?? errors[0];
}

interface Context {
  /** Unknown-field style path, with list indices. */
  path: string;
  /** JSON names of the struct fields from the root (Go's error context: no indices, no map keys). */
  fields: string[];
  /** Name of the struct that holds the current field. */
  struct: string;
}

function jsonKind(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'string') return 'string';
  return 'object';
}

function goMessage(got: string, expected: string, ctx: Context): string {
  if (ctx.fields.length === 0) return `json: cannot unmarshal ${got} into Go value of type ${expected}`;
  return `json: cannot unmarshal ${got} into Go struct field ${ctx.struct}.${ctx.fields.join('.')} of type ${expected}`;
}

function mismatch(ctx: Context, got: string, expected: string, fatal: boolean): SchemaTypeError {
  return { path: ctx.path, expected, got, message: goMessage(got, expected, ctx), fatal };
}

function integerError(value: number, format: string): string | undefined {
  const [min, max] = INT_RANGES[format] ?? INT_RANGES.int64;
  return Number.isInteger(value) && value >= min && value <= max ? undefined : `number ${String(value)}`;
}

function structName(goType: string): string {
  return goType.slice(goType.lastIndexOf('.') + 1);
}

function rawText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function check(value: unknown, schema: TypeSchema, ctx: Context, out: SchemaTypeError[]): void {
  if (value === null || value === undefined) return;
  const expected = goTypeOf(schema);
  switch (schema.type) {
    case 'any':
      return;
    case 'string':
      if (typeof value !== 'string') out.push(mismatch(ctx, jsonKind(value), expected, false));
      return;
    case 'boolean':
      if (typeof value !== 'boolean') out.push(mismatch(ctx, jsonKind(value), expected, false));
      return;
    case 'number':
      if (typeof value !== 'number') out.push(mismatch(ctx, jsonKind(value), expected, false));
      return;
    case 'integer': {
      const got = typeof value === 'number' ? integerError(value, expected) : jsonKind(value);
      if (got) out.push(mismatch(ctx, got, expected, false));
      return;
    }
    case 'time':
      // metav1.Time/MicroTime unmarshal their JSON into a Go string first and stop on failure.
      if (typeof value !== 'string') out.push(mismatch(ctx, jsonKind(value), 'string', true));
      return;
    case 'int-or-string': {
      if (typeof value === 'string') return;
      const got = typeof value === 'number' ? integerError(value, 'int32') : jsonKind(value);
      if (got) out.push(mismatch(ctx, got, 'int32', true));
      return;
    }
    case 'quantity': {
      const message = quantityError(rawText(value));
      if (message) out.push({ path: ctx.path, expected, got: jsonKind(value), message, fatal: true });
      return;
    }
    case 'bytes': {
      if (typeof value !== 'string') {
        if (!Array.isArray(value)) out.push(mismatch(ctx, jsonKind(value), expected, false));
        return;
      }
      const offset = base64ErrorOffset(value);
      if (offset !== undefined) {
        const message = `illegal base64 data at input byte ${offset}`;
        out.push({ path: ctx.path, expected, got: 'string', message, fatal: false });
      }
      return;
    }
    case 'array':
      if (!Array.isArray(value)) {
        out.push(mismatch(ctx, jsonKind(value), expected, false));
        return;
      }
      if (schema.items) {
        const items = schema.items;
        value.forEach((item, i) => check(item, items, { ...ctx, path: `${ctx.path}[${i}]` }, out));
      }
      return;
    case 'map':
      if (!isObject(value)) {
        out.push(mismatch(ctx, jsonKind(value), expected, false));
        return;
      }
      if (schema.additional) {
        for (const [key, child] of Object.entries(value)) {
          check(child, schema.additional, { ...ctx, path: join(ctx.path, key) }, out);
        }
      }
      return;
    case 'object':
      if (!isObject(value)) {
        out.push(mismatch(ctx, jsonKind(value), expected, false));
        return;
      }
      for (const [key, child] of Object.entries(value)) {
        const field = fieldSchema(schema, key);
        if (!field) continue;
        const inner = { path: join(ctx.path, key), fields: [...ctx.fields, key], struct: structName(expected) };
        check(child, field, inner, out);
      }
      return;
  }
}

function join(prefix: string, key: string): string {
  return prefix === '' ? key : `${prefix}.${key}`;
}
