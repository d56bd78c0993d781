import type { FieldError } from '../errors';

/**
 * FieldError builders that format `detail` the way apimachinery's field.Error.ErrorBody prints it (1.34+ rendering:
 * numbers and booleans bare, strings quoted, anything else as JSON).
 */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === undefined || value === null) return 'null';
  return JSON.stringify(value);
}

function withDetail(head: string, detail: string | undefined): string {
  return detail ? `${head}: ${detail}` : head;
}

export function invalid(field: string, value: unknown, detail: string): FieldError {
  return { type: 'FieldValueInvalid', field, detail: withDetail(`Invalid value: ${formatValue(value)}`, detail) };
}

export function required(field: string, detail = ''): FieldError {
  return { type: 'FieldValueRequired', field, detail: withDetail('Required value', detail) };
}

export function notSupported(field: string, value: unknown, valid: readonly string[]): FieldError {
  const supported = valid.length ? `supported values: ${valid.map((v) => JSON.stringify(v)).join(', ')}` : '';
  return { type: 'FieldValueNotSupported', field, detail: withDetail(`Unsupported value: ${formatValue(value)}`, supported) };
}

export function duplicate(field: string, value: unknown): FieldError {
  return { type: 'FieldValueDuplicate', field, detail: `Duplicate value: ${formatValue(value)}` };
}

export function forbidden(field: string, detail: string): FieldError {
  return { type: 'FieldValueForbidden', field, detail: withDetail('Forbidden', detail) };
}

/** Upstream's TooLong ignores the value and prints only the limit. */
export function tooLong(field: string, maxLength: number): FieldError {
  const detail = maxLength >= 0 ? `may not be more than ${maxLength} ${maxLength === 1 ? 'byte' : 'bytes'}` : 'value is too long';
  return { type: 'FieldValueTooLong', field, detail: `Too long: ${detail}` };
}

/** A reference to something that does not exist (a volumeMount naming no volume). */
export function notFound(field: string, value: unknown): FieldError {
  return { type: 'FieldValueNotFound', field, detail: `Not found: ${formatValue(value)}` };
}

export function child(path: string, ...names: string[]): string {
  return names.reduce((p, n) => (p ? `${p}.${n}` : n), path);
}

export function index(path: string, i: number): string {
  return `${path}[${i}]`;
}

export function key(path: string, k: string): string {
  return `${path}[${k}]`;
}
