import { META_GROUP, schemaFor, schemaRootKinds, type SchemaRootKind } from './schema.registry';
import { fieldSchema, type TypeSchema } from './type-schema';

export type OpenApiSchema = Record<string, unknown>;

/**
 * The OpenAPI v3 schema of a type, inlined (no `$ref`), with the Kubernetes extensions that kubectl and
 * server-side apply read: list type and map keys, patch strategy and merge key, int-or-string, preserve-unknown.
 */
export function toOpenApiSchema(schema: TypeSchema): OpenApiSchema {
  const out = convert(schema);
  if (schema.description) out.description = schema.description;
  return out;
}

function convert(schema: TypeSchema): OpenApiSchema {
  const out: OpenApiSchema = {};
  switch (schema.type) {
    case 'object': {
      out.type = 'object';
      const properties: Record<string, OpenApiSchema> = {};
      for (const name of Object.keys(schema.fields ?? {})) {
        properties[name] = toOpenApiSchema(fieldSchema(schema, name)!);
      }
      out.properties = properties;
      if (schema.preserveUnknownFields) out['x-kubernetes-preserve-unknown-fields'] = true;
      break;
    }
    case 'map':
      out.type = 'object';
      out.additionalProperties = schema.additional ? toOpenApiSchema(schema.additional) : {};
      break;
    case 'array':
      out.type = 'array';
      out.items = schema.items ? toOpenApiSchema(schema.items) : {};
      break;
    case 'string':
      out.type = 'string';
      break;
    case 'boolean':
      out.type = 'boolean';
      break;
    case 'integer':
      out.type = 'integer';
      out.format = schema.format ?? 'int64';
      break;
    case 'number':
      out.type = 'number';
      out.format = schema.format ?? 'double';
      break;
    case 'time':
      out.type = 'string';
      out.format = 'date-time';
      break;
    case 'bytes':
      out.type = 'string';
      out.format = 'byte';
      break;
    case 'int-or-string':
      out['x-kubernetes-int-or-string'] = true;
      out.anyOf = [{ type: 'integer' }, { type: 'string' }];
      break;
    case 'quantity':
      out.oneOf = [{ type: 'string' }, { type: 'number' }];
      break;
    case 'any':
      out.type = 'object';
      out['x-kubernetes-preserve-unknown-fields'] = true;
      break;
  }
  if (schema.enum) out.enum = [...schema.enum];
  if (schema.listType) out['x-kubernetes-list-type'] = schema.listType;
  if (schema.listMapKeys) out['x-kubernetes-list-map-keys'] = [...schema.listMapKeys];
  if (schema.patchStrategy) out['x-kubernetes-patch-strategy'] = schema.patchStrategy;
  if (schema.patchMergeKey) out['x-kubernetes-patch-merge-key'] = schema.patchMergeKey;
  return out;
}

// Built-in groups whose Go package is not the first label of the group name.
const PACKAGE_OF_GROUP: Record<string, string> = {
  'internal.apiserver.k8s.io': 'apiserverinternal',
  'flowcontrol.apiserver.k8s.io': 'flowcontrol',
};

/**
 * The upstream component name of a kind: `io.k8s.api.apps.v1.Deployment`, `io.k8s.api.core.v1.Pod`,
 * `io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions`; groups outside k8s.io read backwards
 * (`stable.example.com` → `com.example.stable.v1.CronTab`), as for custom resources.
 */
export function openApiComponentName(group: string, version: string, kind: string): string {
  if (group === META_GROUP) return `io.k8s.apimachinery.pkg.apis.meta.${version}.${kind}`;
  if (group === 'apiextensions.k8s.io') {
    return `io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.${version}.${kind}`;
  }
  if (group === 'apiregistration.k8s.io') return `io.k8s.kube-aggregator.pkg.apis.apiregistration.${version}.${kind}`;
  if (group === '') return `io.k8s.api.core.${version}.${kind}`;
  if (!group.includes('.') || group.endsWith('.k8s.io')) {
    return `io.k8s.api.${PACKAGE_OF_GROUP[group] ?? group.split('.')[0]}.${version}.${kind}`;
  }
  return `${group.split('.').reverse().join('.')}.${version}.${kind}`;
}

/** A component for a root kind: its schema plus the `x-kubernetes-group-version-kind` kubectl looks kinds up by. */
export function toOpenApiComponent(root: SchemaRootKind, schema: TypeSchema): OpenApiSchema {
  const gvk = { group: root.group === META_GROUP ? '' : root.group, version: root.version, kind: root.kind };
  return { ...toOpenApiSchema(schema), 'x-kubernetes-group-version-kind': [gvk] };
}

/**
 * `components.schemas` of the /openapi/v3 document of one group version: every covered kind of it, by upstream
 * component name, plus DeleteOptions (request body of deletes), which kube-apiserver registers in every group version.
 */
export function openApiComponents(group: string, version: string): Record<string, OpenApiSchema> {
  const components: Record<string, OpenApiSchema> = {};
  for (const root of schemaRootKinds()) {
    if (root.group !== group || root.version !== version) continue;
    const schema = schemaFor(group, root.kind, version)!;
    components[openApiComponentName(group, version, root.kind)] = toOpenApiComponent(root, schema);
  }
  if (Object.keys(components).length > 0) {
    const root = { group, version, kind: 'DeleteOptions' };
    const name = openApiComponentName(META_GROUP, 'v1', 'DeleteOptions');
    components[name] = toOpenApiComponent(root, schemaFor(group, 'DeleteOptions')!);
  }
  return components;
}
