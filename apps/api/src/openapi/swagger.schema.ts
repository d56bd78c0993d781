import type { OpenApiSchema } from '@flotilla/domain';

export const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
export const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';

/** The Swagger 2.0 definitions of the wrapper types that OpenAPI 3 spells with `anyOf` / `oneOf`. */
export function wrapperDefinitions(): Record<string, OpenApiSchema> {
  return {
    [INT_OR_STRING]: {
      description: 'A value that may hold an integer or a string; in JSON it is written as either.',
      type: 'string',
      format: 'int-or-string',
    },
    [QUANTITY]: {
      description: 'A fixed-point number such as "100m", "1Gi" or "2"; in JSON it is a string or a number.',
      type: 'string',
    },
  };
}

export function definitionRef(name: string): string {
  return `#/definitions/${name}`;
}

/**
 * An OpenAPI 3 schema rewritten for Swagger 2.0: references point into `#/definitions`, int-or-string and
 * quantities become references to their named types (Swagger 2.0 has no `anyOf`/`oneOf`), everything else is
 * carried over key by key.
 */
export function toSwaggerSchema(schema: OpenApiSchema): OpenApiSchema {
  const out: OpenApiSchema = {};
  if (schema['x-kubernetes-int-or-string'] === true) out.$ref = definitionRef(INT_OR_STRING);
  else if (Array.isArray(schema.oneOf)) out.$ref = definitionRef(QUANTITY);
  for (const [key, value] of Object.entries(schema)) {
    switch (key) {
      case 'anyOf':
      case 'oneOf':
      case 'x-kubernetes-int-or-string':
      case 'nullable':
        break;
      case '$ref':
        out.$ref = String(value).replace('#/components/schemas/', '#/definitions/');
        break;
      case 'properties':
        out.properties = Object.fromEntries(Object.entries(value as Record<string, OpenApiSchema>).map(([name, s]) => [name, toSwaggerSchema(s)]));
        break;
      case 'items':
      case 'additionalProperties':
        out[key] = typeof value === 'object' && value !== null ? toSwaggerSchema(value as OpenApiSchema) : value;
        break;
      case 'allOf':
        out.allOf = (value as OpenApiSchema[]).map(toSwaggerSchema);
        break;
      default:
        out[key] = value;
    }
  }
  return out;
}
