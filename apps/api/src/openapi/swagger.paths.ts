import type { OpenApiSchema } from '@flotilla/domain';
import type { OpenApiParameter } from './openapi.parameters';
import type { PathItem } from './openapi.paths';
import { toSwaggerSchema } from './swagger.schema';

type Method = 'get' | 'put' | 'post' | 'patch' | 'delete';
const METHODS: Method[] = ['get', 'put', 'post', 'delete', 'patch'];

export type SwaggerPathItem = { parameters?: OpenApiSchema[] } & Partial<Record<Method, OpenApiSchema>>;

/** Swagger 2.0 non-body parameters carry the schema's type keys themselves. */
export function toSwaggerParameter(p: OpenApiParameter): OpenApiSchema {
  const out: OpenApiSchema = { name: p.name, in: p.in, description: p.description };
  if (p.required) out.required = true;
  return { ...p.schema, ...out };
}

type Content = Record<string, { schema?: OpenApiSchema }>;

/** One OpenAPI 3 operation as Swagger 2.0: the request body becomes a `body` parameter, media types go to consumes/produces. */
export function toSwaggerOperation(op: OpenApiSchema): OpenApiSchema {
  const out: OpenApiSchema = {};
  const parameters = ((op.parameters as OpenApiParameter[] | undefined) ?? []).map(toSwaggerParameter);
  const requestBody = op.requestBody as { content: Content; required?: boolean } | undefined;
  const produces = new Set<string>();
  const responses: Record<string, OpenApiSchema> = {};
  for (const [code, response] of Object.entries((op.responses as Record<string, { description: string; content?: Content }>) ?? {})) {
    const converted: OpenApiSchema = { description: response.description };
    const content = response.content ?? {};
    for (const type of Object.keys(content)) produces.add(type);
    const schema = Object.values(content)[0]?.schema;
    if (schema) converted.schema = toSwaggerSchema(schema);
    responses[code] = converted;
  }
  if (requestBody) {
    const schema = Object.values(requestBody.content)[0]?.schema ?? { type: 'object' };
    parameters.unshift({ name: 'body', in: 'body', required: true, schema: toSwaggerSchema(schema) });
  }
  // Upstream key order: description, media types, schemes, tags, operationId, parameters, responses, extensions.
  if (op.description !== undefined) out.description = op.description;
  if (requestBody) out.consumes = Object.keys(requestBody.content);
  if (produces.size > 0) out.produces = [...produces];
  out.schemes = ['https'];
  for (const key of ['tags', 'summary', 'operationId']) if (op[key] !== undefined) out[key] = op[key];
  if (parameters.length > 0) out.parameters = parameters;
  out.responses = responses;
  for (const [key, value] of Object.entries(op)) if (key.startsWith('x-')) out[key] = value;
  return out;
}

export function toSwaggerPathItem(item: PathItem): SwaggerPathItem {
  const out: SwaggerPathItem = {};
  for (const method of METHODS) {
    const op = item[method];
    if (op) out[method] = toSwaggerOperation(op);
  }
  if (item.parameters?.length) out.parameters = item.parameters.map(toSwaggerParameter);
  return out;
}
