import { isObject } from '../objects/object-meta';
import { fieldSchema, type TypeSchema } from './type-schema';

/**
 * Paths of the fields of `obj` that `schema` does not declare, in document order and in the form kube-apiserver
 * reports them for fieldValidation=Strict|Warn: dotted field names from the root, list items as `[i]`
 * (`spec.template.spec.containers[0].foo`). Matching is case-sensitive. Values of the wrong JSON type are not
 * descended into (the decoder reports those, see findTypeErrors).
 */
export function findUnknownFields(obj: unknown, schema: TypeSchema): string[] {
  const found: string[] = [];
  walk(obj, schema, '', found);
  return found;
}

/** The text kube-apiserver uses for one unknown field: `unknown field "spec.foo"`. */
export function unknownFieldMessage(path: string): string {
  return `unknown field ${JSON.stringify(path)}`;
}

function join(prefix: string, key: string): string {
  return prefix === '' ? key : `${prefix}.${key}`;
}

function walk(value: unknown, schema: TypeSchema, path: string, found: string[]): void {
  switch (schema.type) {
    case 'object':
      if (!isObject(value)) return;
      for (const [key, child] of Object.entries(value)) {
        const field = fieldSchema(schema, key);
        if (field) walk(child, field, join(path, key), found);
        else if (!schema.preserveUnknownFields) found.push(join(path, key));
      }
      return;
    case 'map':
      if (!isObject(value) || !schema.additional) return;
      for (const [key, child] of Object.entries(value)) walk(child, schema.additional, join(path, key), found);
      return;
    case 'array':
      if (!Array.isArray(value) || !schema.items) return;
      value.forEach((item, i) => walk(item, schema.items!, `${path}[${i}]`, found));
      return;
    default:
      return;
  }
}
