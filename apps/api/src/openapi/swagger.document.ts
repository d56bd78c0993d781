import { META_GROUP, type OpenApiSchema, type ResourceGroup, schemaFor, schemaRootKinds } from '@flotilla/domain';
import { GIT_VERSION } from '../system/version.info';
import { DELETE_OPTIONS, type Gvk } from './openapi.components';
import { groupVersionDocument, type OpenApiDocument } from './openapi.document';
import { SwaggerDefinitions } from './swagger.definitions';
import { toSwaggerPathItem, type SwaggerPathItem } from './swagger.paths';
import { toSwaggerSchema, wrapperDefinitions } from './swagger.schema';

/** The `/openapi/v2` document: Swagger 2.0, every served group version in one. */
export interface SwaggerDocument {
  swagger: '2.0';
  info: { title: string; version: string };
  paths: Record<string, SwaggerPathItem>;
  definitions: Record<string, OpenApiSchema>;
  securityDefinitions: Record<string, OpenApiSchema>;
  security: Array<Record<string, string[]>>;
}

const gvkKey = (gvk: Gvk) => `${gvk.group}/${gvk.version}/${gvk.kind}`;

/**
 * Built from the same per group version OpenAPI 3 documents as `/openapi/v3` (paths, operations, list kinds,
 * meta types), so both versions publish the same kinds and operations. Kinds with a structural schema are laid
 * out struct by struct as upstream does (see SwaggerDefinitions); DeleteOptions lists every group version it is
 * accepted in, as kube-apiserver's does.
 */
export function swaggerDocument(groups: ResourceGroup[]): SwaggerDocument {
  const paths: Record<string, SwaggerPathItem> = {};
  const documents: OpenApiDocument[] = [];
  const deleteOptionsKinds: Gvk[] = [];
  const kinds = new Map<string, Gvk>();
  for (const group of groups) {
    for (const gv of group.versions) {
      const v3 = groupVersionDocument(group.name, gv.version, gv.resources);
      documents.push(v3);
      for (const [path, item] of Object.entries(v3.paths)) paths[path] = toSwaggerPathItem(item);
      for (const item of Object.values(v3.paths)) {
        for (const op of [item.get, item.put, item.post, item.patch, item.delete]) {
          const gvk = op?.['x-kubernetes-group-version-kind'] as Gvk | undefined;
          if (gvk) kinds.set(gvkKey(gvk), gvk);
        }
      }
      deleteOptionsKinds.push({ group: group.name, version: gv.version, kind: 'DeleteOptions' });
    }
  }

  const structural = new SwaggerDefinitions();
  const rootOrder = schemaRootKinds().map(gvkKey);
  const rank = (gvk: Gvk) => (rootOrder.indexOf(gvkKey(gvk)) + rootOrder.length + 1) % (rootOrder.length + 1);
  for (const gvk of [...kinds.values()].sort((a, b) => rank(a) - rank(b))) {
    const schema = schemaFor(gvk.group, gvk.kind, gvk.version);
    if (schema) structural.addKind(gvk, schema);
  }
  structural.addKind({ group: META_GROUP, version: 'v1', kind: 'DeleteOptions' }, schemaFor(META_GROUP, 'DeleteOptions')!);
  structural.definitions[DELETE_OPTIONS]['x-kubernetes-group-version-kind'] = deleteOptionsKinds;

  const definitions: Record<string, OpenApiSchema> = { ...wrapperDefinitions(), ...structural.definitions };
  for (const v3 of documents) {
    for (const [name, schema] of Object.entries(v3.components.schemas)) definitions[name] ??= toSwaggerSchema(schema);
  }
  return {
    swagger: '2.0',
    info: { title: 'Kubernetes', version: GIT_VERSION },
    paths: sortedKeys(paths),
    definitions: sortedKeys(definitions),
    securityDefinitions: { BearerToken: { description: 'Bearer Token authentication', type: 'apiKey', name: 'authorization', in: 'header' } },
    security: [{ BearerToken: [] }],
  };
}

function sortedKeys<T>(record: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of Object.keys(record).sort()) out[key] = record[key];
  return out;
}
