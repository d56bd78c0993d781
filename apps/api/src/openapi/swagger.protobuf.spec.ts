import { createBuiltinRegistry } from '@flotilla/domain';
import { load } from 'js-yaml';
import { gnosticType } from './gnostic-v2.messages';
import { swaggerDocument } from './swagger.document';
import { encodeSwaggerProtobuf, gnosticDocument, gnosticParameter } from './swagger.protobuf';

type Json = Record<string, any>;

const decode = (bytes: Uint8Array): Json => gnosticType('Document').toObject(gnosticType('Document').decode(bytes), { longs: Number, defaults: false }) as Json;

/** Rebuilds a Swagger schema from its decoded gnostic form (the inverse of the encoder, for schemas). */
function schemaFromGnostic(m: Json): Json {
  const out: Json = {};
  const scalars: Record<string, string> = { _ref: '$ref', format: 'format', title: 'title', description: 'description', required: 'required', maximum: 'maximum', minimum: 'minimum', unique_items: 'uniqueItems', read_only: 'readOnly' };
  for (const [field, key] of Object.entries(scalars)) if (m[field] !== undefined) out[key] = m[field];
  if (m.type) out.type = m.type.value.length === 1 ? m.type.value[0] : m.type.value;
  if (m.enum) out.enum = m.enum.map((a: Json) => load(a.yaml));
  if (m.items) out.items = m.items.schema.length === 1 ? schemaFromGnostic(m.items.schema[0]) : m.items.schema.map(schemaFromGnostic);
  if (m.additional_properties) out.additionalProperties = m.additional_properties.schema ? schemaFromGnostic(m.additional_properties.schema) : m.additional_properties.boolean;
  if (m.all_of) out.allOf = m.all_of.map(schemaFromGnostic);
  if (m.properties) out.properties = Object.fromEntries((m.properties.additional_properties ?? []).map((p: Json) => [p.name, schemaFromGnostic(p.value ?? {})]));
  for (const ext of m.vendor_extension ?? []) out[ext.name] = load(ext.value.yaml);
  return out;
}

describe('gnostic openapi.v2 encoding', () => {
  it('encodes a small document field for field, and decodes back to the same message', () => {
    const doc = {
      swagger: '2.0',
      info: { title: 'Kubernetes', version: 'v1.33.1' },
      paths: {
        '/api/v1/namespaces/{namespace}/configmaps/{name}': {
          patch: {
            description: 'Partially update the specified ConfigMap.',
            consumes: ['application/strategic-merge-patch+json'],
            produces: ['application/json'],
            schemes: ['https'],
            tags: ['core_v1'],
            operationId: 'patchCoreV1NamespacedConfigMap',
            parameters: [
              { name: 'body', in: 'body', required: true, schema: { $ref: '#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.Patch' } },
              { type: 'string', uniqueItems: true, name: 'fieldValidation', in: 'query', description: 'How to treat unknown fields.' },
            ],
            responses: { '200': { description: 'OK', schema: { $ref: '#/definitions/io.k8s.api.core.v1.ConfigMap' } }, '401': { description: 'Unauthorized' } },
            'x-kubernetes-action': 'patch',
            'x-kubernetes-group-version-kind': { group: '', version: 'v1', kind: 'ConfigMap' },
          },
          parameters: [{ type: 'string', uniqueItems: true, name: 'name', in: 'path', required: true, description: 'name of the object' }],
        },
      },
      definitions: {
        'io.k8s.api.core.v1.ConfigMap': {
          type: 'object',
          required: ['data'],
          properties: {
            data: { type: 'object', additionalProperties: { type: 'string' } },
            finalizers: { type: 'array', items: { type: 'string' }, 'x-kubernetes-patch-strategy': 'merge' },
            immutable: { type: 'boolean', enum: [true] },
          },
          'x-kubernetes-group-version-kind': [{ group: '', kind: 'ConfigMap', version: 'v1' }],
        },
      },
      securityDefinitions: { BearerToken: { description: 'Bearer Token authentication', type: 'apiKey', name: 'authorization', in: 'header' } },
      security: [{ BearerToken: [] }],
    };
    const expected = {
      swagger: '2.0',
      info: { title: 'Kubernetes', version: 'v1.33.1' },
      paths: {
        path: [
          {
            name: '/api/v1/namespaces/{namespace}/configmaps/{name}',
            value: {
              patch: {
                description: 'Partially update the specified ConfigMap.',
                consumes: ['application/strategic-merge-patch+json'],
                produces: ['application/json'],
                schemes: ['https'],
                tags: ['core_v1'],
                operation_id: 'patchCoreV1NamespacedConfigMap',
                parameters: [
                  { parameter: { body_parameter: { name: 'body', in: 'body', required: true, schema: { _ref: '#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.Patch' } } } },
                  {
                    parameter: {
                      non_body_parameter: {
                        query_parameter_sub_schema: { type: 'string', unique_items: true, name: 'fieldValidation', in: 'query', description: 'How to treat unknown fields.' },
                      },
                    },
                  },
                ],
                responses: {
                  response_code: [
                    { name: '200', value: { response: { description: 'OK', schema: { schema: { _ref: '#/definitions/io.k8s.api.core.v1.ConfigMap' } } } } },
                    { name: '401', value: { response: { description: 'Unauthorized' } } },
                  ],
                },
                vendor_extension: [
                  { name: 'x-kubernetes-action', value: { yaml: 'patch\n' } },
                  { name: 'x-kubernetes-group-version-kind', value: { yaml: "group: ''\nversion: v1\nkind: ConfigMap\n" } },
                ],
              },
              parameters: [
                {
                  parameter: {
                    non_body_parameter: {
                      path_parameter_sub_schema: { type: 'string', unique_items: true, name: 'name', in: 'path', required: true, description: 'name of the object' },
                    },
                  },
                },
              ],
            },
          },
        ],
      },
      definitions: {
        additional_properties: [
          {
            name: 'io.k8s.api.core.v1.ConfigMap',
            value: {
              type: { value: ['object'] },
              required: ['data'],
              properties: {
                additional_properties: [
                  { name: 'data', value: { type: { value: ['object'] }, additional_properties: { schema: { type: { value: ['string'] } } } } },
                  {
                    name: 'finalizers',
                    value: {
                      type: { value: ['array'] },
                      items: { schema: [{ type: { value: ['string'] } }] },
                      vendor_extension: [{ name: 'x-kubernetes-patch-strategy', value: { yaml: 'merge\n' } }],
                    },
                  },
                  { name: 'immutable', value: { type: { value: ['boolean'] }, enum: [{ yaml: 'true\n' }] } },
                ],
              },
              vendor_extension: [{ name: 'x-kubernetes-group-version-kind', value: { yaml: "- group: ''\n  kind: ConfigMap\n  version: v1\n" } }],
            },
          },
        ],
      },
      security_definitions: {
        additional_properties: [
          { name: 'BearerToken', value: { api_key_security: { description: 'Bearer Token authentication', type: 'apiKey', name: 'authorization', in: 'header' } } },
        ],
      },
      security: [{ additional_properties: [{ name: 'BearerToken', value: {} }] }],
    };
    expect(gnosticDocument(doc)).toEqual({ ...expected, security: [{ additional_properties: [{ name: 'BearerToken', value: { value: [] } }] }] });
    const bytes = encodeSwaggerProtobuf(doc);
    // An empty repeated field is not on the wire, so the decoded StringArray is empty.
    expect(decode(bytes)).toEqual(expected);
  });

  it('puts the fields on the wire with gnostic field numbers', () => {
    const bytes = encodeSwaggerProtobuf({ swagger: '2.0', info: { title: 'T', version: 'v' } });
    // Document.swagger = 1 (string "2.0"), Document.info = 2 { title = 1 "T", version = 2 "v" }.
    expect([...bytes]).toEqual([0x0a, 3, 0x32, 0x2e, 0x30, 0x12, 6, 0x0a, 1, 0x54, 0x12, 1, 0x76]);
    const definitions = gnosticDocument({ definitions: { x: { $ref: '#/definitions/y' } } }).definitions as Json;
    const schema = gnosticType('Schema').encode(definitions.additional_properties[0].value).finish();
    // Schema._ref = 1.
    expect(Buffer.from(schema).toString('latin1')).toBe('\x0a\x0f#/definitions/y');
  });

  it('encodes an additionalProperties boolean and a $ref parameter through their oneofs', () => {
    const message = gnosticDocument({ definitions: { closed: { type: 'object', additionalProperties: false } } });
    const decoded = decode(gnosticType('Document').encode(message).finish());
    expect(decoded.definitions.additional_properties[0].value.additional_properties).toEqual({ boolean: false });
    expect(gnosticParameter({ $ref: '#/parameters/body-2Y1dVQaQ' })).toEqual({ json_reference: { _ref: '#/parameters/body-2Y1dVQaQ' } });
  });

  it('refuses keys it has no field for instead of dropping them', () => {
    expect(() => gnosticDocument({ definitions: { x: { type: 'object', anyOf: [] } } })).toThrow('cannot encode schema: unexpected key "anyOf"');
    expect(() => gnosticDocument({ openapi: '3.0.0' })).toThrow('cannot encode document: unexpected key "openapi"');
    expect(() => gnosticParameter({ name: 'x', in: 'cookie' })).toThrow('unknown location "cookie"');
  });

  describe('the served document', () => {
    const doc = swaggerDocument(createBuiltinRegistry().groups()) as unknown as Json;
    const decoded = decode(encodeSwaggerProtobuf(doc));

    it('is a valid openapi.v2.Document', () => {
      expect(gnosticType('Document').verify(gnosticDocument(doc))).toBeNull();
    });

    it('round-trips every definition', () => {
      const definitions = Object.fromEntries(decoded.definitions.additional_properties.map((d: Json) => [d.name, schemaFromGnostic(d.value)]));
      expect(Object.keys(definitions)).toEqual(Object.keys(doc.definitions));
      expect(definitions).toEqual(JSON.parse(JSON.stringify(doc.definitions)));
    });

    it('keeps every path and operation, with the GVK extension as YAML', () => {
      expect(decoded.paths.path.map((p: Json) => p.name)).toEqual(Object.keys(doc.paths));
      const deployment = decoded.paths.path.find((p: Json) => p.name === '/apis/apps/v1/namespaces/{namespace}/deployments/{name}').value;
      expect(deployment.patch.operation_id).toBe('patchAppsV1NamespacedDeployment');
      expect(deployment.patch.consumes).toEqual(doc.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}'].patch.consumes);
      const gvk = deployment.patch.vendor_extension.find((e: Json) => e.name === 'x-kubernetes-group-version-kind');
      expect(load(gvk.value.yaml)).toEqual({ group: 'apps', version: 'v1', kind: 'Deployment' });
      const names = deployment.patch.parameters.map((p: Json) => {
        const param = p.parameter.body_parameter ?? Object.values(p.parameter.non_body_parameter)[0];
        return param.name;
      });
      expect(names).toEqual(['body', 'dryRun', 'fieldManager', 'fieldValidation', 'force']);
    });
  });
});
