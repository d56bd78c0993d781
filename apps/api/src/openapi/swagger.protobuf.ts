import { dump } from 'js-yaml';
import { gnosticType } from './gnostic-v2.messages';

type Json = Record<string, unknown>;
type Message = Record<string, unknown>;

/** The served media type; kubectl asks for the older `…spec.v2@v1.0+protobuf` spelling, answered with this one. */
export const SWAGGER_PROTOBUF = 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf';

// The same few extension values ("merge", "name", list types) recur thousands of times; YAML-dump each once.
const yamlTexts = new Map<string, string>();

/** A JSON value as gnostic carries it: the YAML text of the value. */
function any(value: unknown): Message {
  const key = JSON.stringify(value);
  let yaml = yamlTexts.get(key);
  if (yaml === undefined) {
    yaml = dump(value, { lineWidth: -1, noRefs: true });
    if (yamlTexts.size < 10_000) yamlTexts.set(key, yaml);
  }
  return { yaml };
}

function vendorExtensions(json: Json): Message[] {
  return Object.entries(json)
    .filter(([key]) => key.startsWith('x-'))
    .map(([name, value]) => ({ name, value: any(value) }));
}

function fail(where: string, key: string): never {
  throw new Error(`cannot encode ${where}: unexpected key "${key}"`);
}

/** Keys of a Swagger object that map one to one onto a same-typed (snake_case) field of its message. */
function copyScalars(json: Json, out: Message, names: Record<string, string>, where: string, handled: Set<string>): void {
  for (const [key, value] of Object.entries(json)) {
    if (handled.has(key) || key.startsWith('x-')) continue;
    const field = names[key];
    if (!field) fail(where, key);
    out[field] = value;
  }
}

const SCHEMA_SCALARS: Record<string, string> = {
  $ref: '_ref',
  format: 'format',
  title: 'title',
  description: 'description',
  multipleOf: 'multiple_of',
  maximum: 'maximum',
  exclusiveMaximum: 'exclusive_maximum',
  minimum: 'minimum',
  exclusiveMinimum: 'exclusive_minimum',
  maxLength: 'max_length',
  minLength: 'min_length',
  pattern: 'pattern',
  maxItems: 'max_items',
  minItems: 'min_items',
  uniqueItems: 'unique_items',
  maxProperties: 'max_properties',
  minProperties: 'min_properties',
  required: 'required',
  discriminator: 'discriminator',
  readOnly: 'read_only',
};

export function gnosticSchema(json: Json): Message {
  const out: Message = {};
  const special = new Set(['default', 'example', 'enum', 'additionalProperties', 'type', 'items', 'allOf', 'properties']);
  copyScalars(json, out, SCHEMA_SCALARS, 'schema', special);
  if ('default' in json) out.default = any(json.default);
  if ('example' in json) out.example = any(json.example);
  if (Array.isArray(json.enum)) out.enum = json.enum.map(any);
  const additional = json.additionalProperties;
  if (typeof additional === 'boolean') out.additional_properties = { boolean: additional };
  else if (additional && typeof additional === 'object') out.additional_properties = { schema: gnosticSchema(additional as Json) };
  if (json.type !== undefined) out.type = { value: Array.isArray(json.type) ? json.type : [json.type] };
  if (Array.isArray(json.items)) out.items = { schema: json.items.map((s) => gnosticSchema(s as Json)) };
  else if (json.items && typeof json.items === 'object') out.items = { schema: [gnosticSchema(json.items as Json)] };
  if (Array.isArray(json.allOf)) out.all_of = json.allOf.map((s) => gnosticSchema(s as Json));
  if (json.properties && typeof json.properties === 'object') out.properties = { additional_properties: namedSchemas(json.properties as Json) };
  const extensions = vendorExtensions(json);
  if (extensions.length) out.vendor_extension = extensions;
  return out;
}

function namedSchemas(map: Json): Message[] {
  return Object.entries(map).map(([name, schema]) => ({ name, value: gnosticSchema(schema as Json) }));
}

const PRIMITIVE_SCALARS: Record<string, string> = {
  required: 'required',
  in: 'in',
  description: 'description',
  name: 'name',
  allowEmptyValue: 'allow_empty_value',
  type: 'type',
  format: 'format',
  collectionFormat: 'collection_format',
  maximum: 'maximum',
  exclusiveMaximum: 'exclusive_maximum',
  minimum: 'minimum',
  exclusiveMinimum: 'exclusive_minimum',
  maxLength: 'max_length',
  minLength: 'min_length',
  pattern: 'pattern',
  maxItems: 'max_items',
  minItems: 'min_items',
  uniqueItems: 'unique_items',
  multipleOf: 'multiple_of',
};

/** Query, path, header and form parameters, and the items of array parameters. */
function primitive(json: Json, where: string): Message {
  const out: Message = {};
  copyScalars(json, out, PRIMITIVE_SCALARS, where, new Set(['items', 'default', 'enum']));
  if (json.items && typeof json.items === 'object') out.items = primitive(json.items as Json, `${where} items`);
  if ('default' in json) out.default = any(json.default);
  if (Array.isArray(json.enum)) out.enum = json.enum.map(any);
  const extensions = vendorExtensions(json);
  if (extensions.length) out.vendor_extension = extensions;
  return out;
}

const NON_BODY_FIELD: Record<string, string> = {
  header: 'header_parameter_sub_schema',
  formData: 'form_data_parameter_sub_schema',
  query: 'query_parameter_sub_schema',
  path: 'path_parameter_sub_schema',
};

export function gnosticParameter(json: Json): Message {
  if (typeof json.$ref === 'string') return { json_reference: { _ref: json.$ref, ...(json.description ? { description: json.description } : {}) } };
  if (json.in === 'body') {
    const body: Message = {};
    copyScalars(json, body, { description: 'description', name: 'name', in: 'in', required: 'required' }, 'body parameter', new Set(['schema']));
    if (json.schema) body.schema = gnosticSchema(json.schema as Json);
    const extensions = vendorExtensions(json);
    if (extensions.length) body.vendor_extension = extensions;
    return { parameter: { body_parameter: body } };
  }
  const field = NON_BODY_FIELD[String(json.in)];
  if (!field) throw new Error(`cannot encode parameter "${String(json.name)}": unknown location "${String(json.in)}"`);
  const sub = primitive(json, `parameter "${String(json.name)}"`);
  if (json.in !== 'query' && json.in !== 'formData' && 'allow_empty_value' in sub) fail(`${String(json.in)} parameter`, 'allowEmptyValue');
  return { parameter: { non_body_parameter: { [field]: sub } } };
}

function gnosticResponse(json: Json): Message {
  if (typeof json.$ref === 'string') return { json_reference: { _ref: json.$ref } };
  const out: Message = {};
  copyScalars(json, out, { description: 'description' }, 'response', new Set(['schema']));
  if (json.schema) out.schema = { schema: gnosticSchema(json.schema as Json) };
  const extensions = vendorExtensions(json);
  if (extensions.length) out.vendor_extension = extensions;
  return { response: out };
}

const OPERATION_SCALARS: Record<string, string> = {
  tags: 'tags',
  summary: 'summary',
  description: 'description',
  operationId: 'operation_id',
  produces: 'produces',
  consumes: 'consumes',
  schemes: 'schemes',
  deprecated: 'deprecated',
};

export function gnosticOperation(json: Json): Message {
  const out: Message = {};
  copyScalars(json, out, OPERATION_SCALARS, 'operation', new Set(['parameters', 'responses', 'security']));
  if (Array.isArray(json.parameters)) out.parameters = json.parameters.map((p) => gnosticParameter(p as Json));
  if (json.responses) {
    out.responses = { response_code: Object.entries(json.responses as Json).map(([name, r]) => ({ name, value: gnosticResponse(r as Json) })) };
  }
  if (Array.isArray(json.security)) out.security = json.security.map((s) => securityRequirement(s as Json));
  const extensions = vendorExtensions(json);
  if (extensions.length) out.vendor_extension = extensions;
  return out;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'];

function gnosticPathItem(json: Json): Message {
  const out: Message = {};
  for (const [key, value] of Object.entries(json)) {
    if (METHODS.includes(key)) out[key] = gnosticOperation(value as Json);
    else if (key === 'parameters') out.parameters = (value as Json[]).map(gnosticParameter);
    else if (key === '$ref') out._ref = value;
    else if (!key.startsWith('x-')) fail('path item', key);
  }
  const extensions = vendorExtensions(json);
  if (extensions.length) out.vendor_extension = extensions;
  return out;
}

function securityRequirement(json: Json): Message {
  return { additional_properties: Object.entries(json).map(([name, scopes]) => ({ name, value: { value: scopes } })) };
}

function securityDefinition(name: string, json: Json): Message {
  const extensions = vendorExtensions(json);
  const withExtensions = (m: Message) => (extensions.length ? { ...m, vendor_extension: extensions } : m);
  if (json.type === 'apiKey') {
    const out: Message = {};
    copyScalars(json, out, { type: 'type', name: 'name', in: 'in', description: 'description' }, `security definition ${name}`, new Set());
    return { api_key_security: withExtensions(out) };
  }
  if (json.type === 'basic') {
    const out: Message = {};
    copyScalars(json, out, { type: 'type', description: 'description' }, `security definition ${name}`, new Set());
    return { basic_authentication_security: withExtensions(out) };
  }
  throw new Error(`cannot encode security definition ${name} of type "${String(json.type)}"`);
}

/**
 * The gnostic `openapi.v2.Document` of a Swagger 2.0 JSON document, as a plain message object, with the field
 * mapping of gnostic's own JSON reader. Keys this encoder does not know are an error rather than silently lost.
 */
export function gnosticDocument(json: Json): Message {
  const out: Message = {};
  for (const [key, value] of Object.entries(json)) {
    switch (key) {
      case 'swagger':
      case 'host':
      case 'schemes':
      case 'consumes':
      case 'produces':
        out[key] = value;
        break;
      case 'basePath':
        out.base_path = value;
        break;
      case 'info': {
        const info: Message = {};
        copyScalars(value as Json, info, { title: 'title', version: 'version', description: 'description', termsOfService: 'terms_of_service' }, 'info', new Set());
        const extensions = vendorExtensions(value as Json);
        if (extensions.length) info.vendor_extension = extensions;
        out.info = info;
        break;
      }
      case 'paths':
        out.paths = { path: Object.entries(value as Json).map(([name, item]) => ({ name, value: gnosticPathItem(item as Json) })) };
        break;
      case 'definitions':
        out.definitions = { additional_properties: namedSchemas(value as Json) };
        break;
      case 'security':
        out.security = (value as Json[]).map(securityRequirement);
        break;
      case 'securityDefinitions':
        out.security_definitions = {
          additional_properties: Object.entries(value as Json).map(([name, def]) => ({ name, value: securityDefinition(name, def as Json) })),
        };
        break;
      case 'tags':
        out.tags = (value as Json[]).map((tag) => {
          const t: Message = {};
          copyScalars(tag, t, { name: 'name', description: 'description' }, 'tag', new Set());
          return t;
        });
        break;
      default:
        if (!key.startsWith('x-')) fail('document', key);
    }
  }
  const extensions = vendorExtensions(json);
  if (extensions.length) out.vendor_extension = extensions;
  return out;
}

/** The serialized `openapi.v2.Document` kubectl ≤1.28 downloads from `/openapi/v2`. */
export function encodeSwaggerProtobuf(json: Json): Buffer {
  return Buffer.from(gnosticType('Document').encode(gnosticDocument(json)).finish());
}
