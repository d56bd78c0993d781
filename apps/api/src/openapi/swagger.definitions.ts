import {
  conditionSchema,
  deleteOptionsSchema,
  fieldSchema,
  labelSelectorSchema,
  managedFieldsEntrySchema,
  META_GROUP,
  objectMetaSchema,
  type OpenApiSchema,
  openApiComponentName,
  ownerReferenceSchema,
  toOpenApiSchema,
  type TypeSchema,
} from '@flotilla/domain';
import type { Gvk } from './openapi.components';
import { definitionRef, toSwaggerSchema } from './swagger.schema';

/** The meta/v1 structs; everything reachable from them is published under `io.k8s.apimachinery.pkg.apis.meta`. */
const META_ROOTS = [objectMetaSchema, labelSelectorSchema, ownerReferenceSchema, managedFieldsEntrySchema, conditionSchema, deleteOptionsSchema];

/** core/v1 structs that no core kind embeds, so the first kind reaching them would otherwise claim them. */
const CORE_ONLY_ELSEWHERE = new Set(['TopologySelectorTerm', 'TopologySelectorLabelRequirement']);

const GO_TYPE = /^(v\d+(?:(?:alpha|beta)\d+)?)\.([A-Z]\w*)$/;

type Markers = Pick<TypeSchema, 'listType' | 'listMapKeys' | 'patchStrategy' | 'patchMergeKey'>;

function markers(node: Markers): OpenApiSchema {
  const out: OpenApiSchema = {};
  if (node.listType) out['x-kubernetes-list-type'] = node.listType;
  if (node.listMapKeys) out['x-kubernetes-list-map-keys'] = [...node.listMapKeys];
  if (node.patchStrategy) out['x-kubernetes-patch-strategy'] = node.patchStrategy;
  if (node.patchMergeKey) out['x-kubernetes-patch-merge-key'] = node.patchMergeKey;
  return out;
}

/**
 * Swagger 2.0 definitions of the kinds with a structural schema, laid out as kube-apiserver publishes them: every
 * Go struct is its own definition (`io.k8s.api.apps.v1.DeploymentSpec`) referenced with `$ref`, and a field's
 * patch markers sit next to the reference. kubectl's client-side validation names the definition in its errors
 * (`unknown field "x" in io.k8s.api.apps.v1.DeploymentSpec`), so the names matter.
 *
 * Structs are recognised by their field table (copies made to add markers share it) and named after the group
 * of the first kind that reaches them; kinds are added core first, so core structs embedded elsewhere stay core.
 */
export class SwaggerDefinitions {
  readonly definitions: Record<string, OpenApiSchema> = {};
  private readonly names = new Map<object, string | null>();
  private readonly groups = new Map<object, string>();

  constructor() {
    for (const root of META_ROOTS) this.claim(root, META_GROUP);
  }

  /** Adds a kind's definition (with `x-kubernetes-group-version-kind`) and every struct it uses; returns its name. */
  addKind(gvk: Gvk, schema: TypeSchema): string {
    const name = openApiComponentName(gvk.group, gvk.version, gvk.kind);
    if (this.definitions[name]) return name;
    if (schema.fields) this.names.set(schema.fields, name);
    this.definitions[name] = {};
    const body = this.struct(schema, gvk.group);
    this.definitions[name] = { ...body, 'x-kubernetes-group-version-kind': [{ group: gvk.group === META_GROUP ? '' : gvk.group, version: gvk.version, kind: gvk.kind }] };
    return name;
  }

  private claim(node: TypeSchema | undefined, group: string): void {
    if (!node) return;
    if (node.type === 'object' && node.fields) {
      if (this.groups.has(node.fields)) return;
      this.groups.set(node.fields, group);
      for (const field of Object.keys(node.fields)) this.claim(fieldSchema(node, field), group);
    }
    this.claim(node.items, group);
    this.claim(node.additional, group);
  }

  private struct(node: TypeSchema, group: string): OpenApiSchema {
    const out: OpenApiSchema = {};
    if (node.description) out.description = node.description;
    out.type = 'object';
    const properties: Record<string, OpenApiSchema> = {};
    for (const field of Object.keys(node.fields ?? {})) properties[field] = this.property(fieldSchema(node, field)!, group);
    out.properties = properties;
    if (node.preserveUnknownFields) out['x-kubernetes-preserve-unknown-fields'] = true;
    return out;
  }

  private property(node: TypeSchema, group: string): OpenApiSchema {
    if (node.type === 'object' && node.fields) {
      const name = this.definitionOf(node, group);
      if (name) return { ...(node.description ? { description: node.description } : {}), $ref: definitionRef(name), ...markers(node) };
      return { ...this.struct(node, group), ...markers(node) };
    }
    if (node.type === 'array') {
      const out: OpenApiSchema = node.description ? { description: node.description } : {};
      return { ...out, type: 'array', items: node.items ? this.property(node.items, group) : {}, ...markers(node) };
    }
    if (node.type === 'map') {
      const out: OpenApiSchema = node.description ? { description: node.description } : {};
      return { ...out, type: 'object', additionalProperties: node.additional ? this.property(node.additional, group) : {}, ...markers(node) };
    }
    return toSwaggerSchema(toOpenApiSchema(node));
  }

  /** The definition name of a struct, adding the definition on first use; null when it cannot be named. */
  private definitionOf(node: TypeSchema, inherited: string): string | null {
    const fields = node.fields!;
    const known = this.names.get(fields);
    if (known !== undefined) return known;
    const match = GO_TYPE.exec(node.goType ?? '');
    if (!match) {
      this.names.set(fields, null);
      return null;
    }
    const [, version, type] = match;
    const group = this.groups.get(fields) ?? (CORE_ONLY_ELSEWHERE.has(type) ? '' : inherited);
    const name = openApiComponentName(group, version, type);
    if (this.definitions[name]) {
      // Another struct already holds this name (a type defined twice): publish this one inline instead.
      this.names.set(fields, null);
      return null;
    }
    this.names.set(fields, name);
    this.definitions[name] = {};
    this.definitions[name] = this.struct(node, group);
    return name;
  }
}
