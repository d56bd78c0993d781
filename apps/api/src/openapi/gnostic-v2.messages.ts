import { Root, type Type } from 'protobufjs';

interface Field {
  id: number;
  type: string;
  rule?: 'repeated';
}

type Fields = Record<string, Field>;

const one = (id: number, type: string): Field => ({ id, type });
const many = (id: number, type: string): Field => ({ id, type, rule: 'repeated' });

/** Shared layout of the path and header parameter messages (query and form data add `allow_empty_value` at 5). */
function primitiveParameter(base: number): Fields {
  const at = (n: number) => base + n;
  return {
    type: one(at(0), 'string'),
    format: one(at(1), 'string'),
    items: one(at(2), 'PrimitivesItems'),
    collection_format: one(at(3), 'string'),
    default: one(at(4), 'Any'),
    maximum: one(at(5), 'double'),
    exclusive_maximum: one(at(6), 'bool'),
    minimum: one(at(7), 'double'),
    exclusive_minimum: one(at(8), 'bool'),
    max_length: one(at(9), 'int64'),
    min_length: one(at(10), 'int64'),
    pattern: one(at(11), 'string'),
    max_items: one(at(12), 'int64'),
    min_items: one(at(13), 'int64'),
    unique_items: one(at(14), 'bool'),
    enum: many(at(15), 'Any'),
    multiple_of: one(at(16), 'double'),
    vendor_extension: many(at(17), 'NamedAny'),
  };
}

const named = (type: string): Fields => ({ name: one(1, 'string'), value: one(2, type) });

/**
 * The subset of gnostic's `openapi.v2` messages (package `openapi.v2`, proto3) that a Kubernetes Swagger document
 * uses, with gnostic's field numbers. kubectl ≤1.28 reads `/openapi/v2` as a serialized `openapi.v2.Document`.
 * Vendor extensions, defaults, examples and enum values travel as `Any.yaml` (the YAML text of the JSON value).
 */
const MESSAGES: Record<string, { fields: Fields; oneof?: string[] }> = {
  Document: {
    fields: {
      swagger: one(1, 'string'),
      info: one(2, 'Info'),
      host: one(3, 'string'),
      base_path: one(4, 'string'),
      schemes: many(5, 'string'),
      consumes: many(6, 'string'),
      produces: many(7, 'string'),
      paths: one(8, 'Paths'),
      definitions: one(9, 'Definitions'),
      security: many(12, 'SecurityRequirement'),
      security_definitions: one(13, 'SecurityDefinitions'),
      tags: many(14, 'Tag'),
      vendor_extension: many(16, 'NamedAny'),
    },
  },
  Info: {
    fields: {
      title: one(1, 'string'),
      version: one(2, 'string'),
      description: one(3, 'string'),
      terms_of_service: one(4, 'string'),
      vendor_extension: many(7, 'NamedAny'),
    },
  },
  Tag: { fields: { name: one(1, 'string'), description: one(2, 'string'), vendor_extension: many(4, 'NamedAny') } },
  Any: { fields: { yaml: one(2, 'string') } },
  NamedAny: { fields: named('Any') },
  Paths: { fields: { vendor_extension: many(1, 'NamedAny'), path: many(2, 'NamedPathItem') } },
  NamedPathItem: { fields: named('PathItem') },
  PathItem: {
    fields: {
      _ref: one(1, 'string'),
      get: one(2, 'Operation'),
      put: one(3, 'Operation'),
      post: one(4, 'Operation'),
      delete: one(5, 'Operation'),
      options: one(6, 'Operation'),
      head: one(7, 'Operation'),
      patch: one(8, 'Operation'),
      parameters: many(9, 'ParametersItem'),
      vendor_extension: many(10, 'NamedAny'),
    },
  },
  Operation: {
    fields: {
      tags: many(1, 'string'),
      summary: one(2, 'string'),
      description: one(3, 'string'),
      operation_id: one(5, 'string'),
      produces: many(6, 'string'),
      consumes: many(7, 'string'),
      parameters: many(8, 'ParametersItem'),
      responses: one(9, 'Responses'),
      schemes: many(10, 'string'),
      deprecated: one(11, 'bool'),
      security: many(12, 'SecurityRequirement'),
      vendor_extension: many(13, 'NamedAny'),
    },
  },
  ParametersItem: { fields: { parameter: one(1, 'Parameter'), json_reference: one(2, 'JsonReference') }, oneof: ['parameter', 'json_reference'] },
  JsonReference: { fields: { _ref: one(1, 'string'), description: one(2, 'string') } },
  Parameter: {
    fields: { body_parameter: one(1, 'BodyParameter'), non_body_parameter: one(2, 'NonBodyParameter') },
    oneof: ['body_parameter', 'non_body_parameter'],
  },
  BodyParameter: {
    fields: {
      description: one(1, 'string'),
      name: one(2, 'string'),
      in: one(3, 'string'),
      required: one(4, 'bool'),
      schema: one(5, 'Schema'),
      vendor_extension: many(6, 'NamedAny'),
    },
  },
  NonBodyParameter: {
    fields: {
      header_parameter_sub_schema: one(1, 'HeaderParameterSubSchema'),
      form_data_parameter_sub_schema: one(2, 'FormDataParameterSubSchema'),
      query_parameter_sub_schema: one(3, 'QueryParameterSubSchema'),
      path_parameter_sub_schema: one(4, 'PathParameterSubSchema'),
    },
    oneof: ['header_parameter_sub_schema', 'form_data_parameter_sub_schema', 'query_parameter_sub_schema', 'path_parameter_sub_schema'],
  },
  HeaderParameterSubSchema: {
    fields: { required: one(1, 'bool'), in: one(2, 'string'), description: one(3, 'string'), name: one(4, 'string'), ...primitiveParameter(5) },
  },
  PathParameterSubSchema: {
    fields: { required: one(1, 'bool'), in: one(2, 'string'), description: one(3, 'string'), name: one(4, 'string'), ...primitiveParameter(5) },
  },
  QueryParameterSubSchema: {
    fields: {
      required: one(1, 'bool'),
      in: one(2, 'string'),
      description: one(3, 'string'),
      name: one(4, 'string'),
      allow_empty_value: one(5, 'bool'),
      ...primitiveParameter(6),
    },
  },
  FormDataParameterSubSchema: {
    fields: {
      required: one(1, 'bool'),
      in: one(2, 'string'),
      description: one(3, 'string'),
      name: one(4, 'string'),
      allow_empty_value: one(5, 'bool'),
      ...primitiveParameter(6),
    },
  },
  PrimitivesItems: {
    fields: { ...primitiveParameter(1) },
  },
  Responses: { fields: { response_code: many(1, 'NamedResponseValue'), vendor_extension: many(2, 'NamedAny') } },
  NamedResponseValue: { fields: named('ResponseValue') },
  ResponseValue: { fields: { response: one(1, 'Response'), json_reference: one(2, 'JsonReference') }, oneof: ['response', 'json_reference'] },
  Response: { fields: { description: one(1, 'string'), schema: one(2, 'SchemaItem'), vendor_extension: many(5, 'NamedAny') } },
  SchemaItem: { fields: { schema: one(1, 'Schema') }, oneof: ['schema'] },
  Definitions: { fields: { additional_properties: many(1, 'NamedSchema') } },
  NamedSchema: { fields: named('Schema') },
  Schema: {
    fields: {
      _ref: one(1, 'string'),
      format: one(2, 'string'),
      title: one(3, 'string'),
      description: one(4, 'string'),
      default: one(5, 'Any'),
      multiple_of: one(6, 'double'),
      maximum: one(7, 'double'),
      exclusive_maximum: one(8, 'bool'),
      minimum: one(9, 'double'),
      exclusive_minimum: one(10, 'bool'),
      max_length: one(11, 'int64'),
      min_length: one(12, 'int64'),
      pattern: one(13, 'string'),
      max_items: one(14, 'int64'),
      min_items: one(15, 'int64'),
      unique_items: one(16, 'bool'),
      max_properties: one(17, 'int64'),
      min_properties: one(18, 'int64'),
      required: many(19, 'string'),
      enum: many(20, 'Any'),
      additional_properties: one(21, 'AdditionalPropertiesItem'),
      type: one(22, 'TypeItem'),
      items: one(23, 'ItemsItem'),
      all_of: many(24, 'Schema'),
      properties: one(25, 'Properties'),
      discriminator: one(26, 'string'),
      read_only: one(27, 'bool'),
      example: one(30, 'Any'),
      vendor_extension: many(31, 'NamedAny'),
    },
  },
  AdditionalPropertiesItem: { fields: { schema: one(1, 'Schema'), boolean: one(2, 'bool') }, oneof: ['schema', 'boolean'] },
  TypeItem: { fields: { value: many(1, 'string') } },
  ItemsItem: { fields: { schema: many(1, 'Schema') } },
  Properties: { fields: { additional_properties: many(1, 'NamedSchema') } },
  SecurityRequirement: { fields: { additional_properties: many(1, 'NamedStringArray') } },
  NamedStringArray: { fields: named('StringArray') },
  StringArray: { fields: { value: many(1, 'string') } },
  SecurityDefinitions: { fields: { additional_properties: many(1, 'NamedSecurityDefinitionsItem') } },
  NamedSecurityDefinitionsItem: { fields: named('SecurityDefinitionsItem') },
  SecurityDefinitionsItem: {
    fields: { basic_authentication_security: one(1, 'BasicAuthenticationSecurity'), api_key_security: one(2, 'ApiKeySecurity') },
    oneof: ['basic_authentication_security', 'api_key_security'],
  },
  BasicAuthenticationSecurity: { fields: { type: one(1, 'string'), description: one(2, 'string'), vendor_extension: many(3, 'NamedAny') } },
  ApiKeySecurity: {
    fields: { type: one(1, 'string'), name: one(2, 'string'), in: one(3, 'string'), description: one(4, 'string'), vendor_extension: many(5, 'NamedAny') },
  },
};

function buildRoot(): Root {
  const nested: Record<string, unknown> = {};
  for (const [name, { fields, oneof }] of Object.entries(MESSAGES)) {
    nested[name] = { fields, ...(oneof ? { oneofs: { oneof: { oneof } } } : {}) };
  }
  const root = Root.fromJSON({ nested: { openapi: { nested: { v2: { nested } } } } } as Parameters<typeof Root.fromJSON>[0]);
  root.resolveAll();
  return root;
}

let root: Root | undefined;

/** A message of package `openapi.v2` by its short name (`Document`, `Schema`, …). */
export function gnosticType(name: string): Type {
  root ??= buildRoot();
  return root.lookupType(`openapi.v2.${name}`);
}
