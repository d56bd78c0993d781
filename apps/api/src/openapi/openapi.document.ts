import type { OpenApiSchema, ResourceType } from '@flotilla/domain';
import { GIT_VERSION } from '../system/version.info';
import { componentName, kindComponent, listComponent, metaComponents } from './openapi.components';
import { groupVersionPaths, type PathItem } from './openapi.paths';

export interface OpenApiDocument {
  openapi: '3.0.0';
  info: { title: string; version: string };
  paths: Record<string, PathItem>;
  components: { schemas: Record<string, OpenApiSchema>; securitySchemes: Record<string, OpenApiSchema> };
  security: Array<Record<string, string[]>>;
}

/** The `/openapi/v3/api/v1` or `/openapi/v3/apis/<g>/<v>` document of one group version. */
export function groupVersionDocument(group: string, version: string, resources: ResourceType[]): OpenApiDocument {
  const { paths, kinds, listKinds } = groupVersionPaths(group, version, resources);
  const schemas: Record<string, OpenApiSchema> = metaComponents();
  for (const gvk of kinds) schemas[componentName(gvk)] = kindComponent(gvk);
  for (const gvk of listKinds) schemas[`${componentName(gvk)}List`] = listComponent(gvk);
  const sorted: Record<string, OpenApiSchema> = {};
  for (const name of Object.keys(schemas).sort()) sorted[name] = schemas[name];
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: GIT_VERSION },
    paths,
    components: {
      schemas: sorted,
      securitySchemes: { BearerToken: { type: 'apiKey', description: 'Bearer token authentication', name: 'authorization', in: 'header' } },
    },
    security: [{ BearerToken: [] }],
  };
}
