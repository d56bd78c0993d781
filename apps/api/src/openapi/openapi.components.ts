import { META_GROUP, type OpenApiSchema, openApiComponentName, schemaFor, toOpenApiComponent } from '@flotilla/domain';

export interface Gvk {
  group: string;
  version: string;
  kind: string;
}

export const META_V1 = 'io.k8s.apimachinery.pkg.apis.meta.v1';
export const STATUS = `${META_V1}.Status`;
export const LIST_META = `${META_V1}.ListMeta`;
export const PATCH = `${META_V1}.Patch`;
export const DELETE_OPTIONS = `${META_V1}.DeleteOptions`;

export function ref(name: string): OpenApiSchema {
  return { $ref: `#/components/schemas/${name}` };
}

export function componentName(gvk: Gvk): string {
  return openApiComponentName(gvk.group, gvk.version, gvk.kind);
}

/**
 * The component of a kind. Kinds with a structural schema carry `x-kubernetes-group-version-kind`, which is
 * what kubectl looks a kind up by to compute strategic merge patches from OpenAPI. Kinds without one get an open
 * object and no GVK on purpose: kubectl then falls back to its compiled-in types instead of treating every list
 * of an empty schema as atomic.
 */
export function kindComponent(gvk: Gvk): OpenApiSchema {
  const schema = schemaFor(gvk.group, gvk.kind, gvk.version);
  if (schema) return toOpenApiComponent(gvk, schema);
  return { type: 'object', description: `${gvk.kind} (${gvk.group || 'core'}/${gvk.version}); its fields are not published.`, 'x-kubernetes-preserve-unknown-fields': true };
}

export function listComponent(gvk: Gvk): OpenApiSchema {
  return {
    description: `A list of ${gvk.kind} objects.`,
    type: 'object',
    required: ['items'],
    properties: {
      apiVersion: { type: 'string', description: 'The versioned schema of this representation of an object.' },
      items: { type: 'array', description: `The ${gvk.kind} objects.`, items: ref(componentName(gvk)) },
      kind: { type: 'string', description: 'The REST resource this object represents.' },
      metadata: { ...ref(LIST_META), description: 'Standard list metadata.' },
    },
    'x-kubernetes-group-version-kind': [{ group: gvk.group, version: gvk.version, kind: `${gvk.kind}List` }],
  };
}

/** meta/v1 types every group version document refers to. */
export function metaComponents(): Record<string, OpenApiSchema> {
  const deleteOptions = schemaFor(META_GROUP, 'DeleteOptions');
  return {
    [DELETE_OPTIONS]: deleteOptions
      ? toOpenApiComponent({ group: META_GROUP, version: 'v1', kind: 'DeleteOptions' }, deleteOptions)
      : { type: 'object' },
    [LIST_META]: {
      description: 'Metadata of a list: its resource version and the continue token of a paged list.',
      type: 'object',
      properties: {
        continue: { type: 'string' },
        remainingItemCount: { type: 'integer', format: 'int64' },
        resourceVersion: { type: 'string' },
        selfLink: { type: 'string' },
      },
    },
    [PATCH]: {
      description: 'The body of a PATCH request; its shape depends on the Content-Type (JSON patch, merge patch, strategic merge patch or apply configuration).',
      type: 'object',
    },
    [STATUS]: {
      description: 'The result of an operation that returns no object, and of every failed operation.',
      type: 'object',
      properties: {
        apiVersion: { type: 'string' },
        code: { type: 'integer', format: 'int32', description: 'The HTTP status code.' },
        details: {
          type: 'object',
          properties: {
            causes: {
              type: 'array',
              items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' }, reason: { type: 'string' } } },
              'x-kubernetes-list-type': 'atomic',
            },
            group: { type: 'string' },
            kind: { type: 'string' },
            name: { type: 'string' },
            retryAfterSeconds: { type: 'integer', format: 'int32' },
            uid: { type: 'string' },
          },
        },
        kind: { type: 'string' },
        message: { type: 'string' },
        metadata: ref(LIST_META),
        reason: { type: 'string' },
        status: { type: 'string', description: 'Success or Failure.' },
      },
      'x-kubernetes-group-version-kind': [{ group: '', version: 'v1', kind: 'Status' }],
    },
  };
}
