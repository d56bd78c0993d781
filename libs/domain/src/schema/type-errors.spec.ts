import { schemaFor } from './schema.registry';
import { firstDecodeError, findTypeErrors, goTypeOf } from './type-errors';
import { QUANTITY_FORMAT_ERROR } from './go-decode.values';
import type { TypeSchema } from './type-schema';

function schema(group: string, kind: string): TypeSchema {
  return schemaFor(group, kind)!;
}

const deployment = schema('apps', 'Deployment');

describe('findTypeErrors', () => {
  it('reports a string where an int32 is expected with the Go decoder message', () => {
    expect(findTypeErrors({ spec: { replicas: '3' } }, deployment)).toEqual([
      {
        path: 'spec.replicas',
        expected: 'int32',
        got: 'string',
        message: 'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
        fatal: false,
      },
    ]);
  });

  it('names the innermost struct and leaves list indices out of the Go field path', () => {
    const body = { spec: { template: { spec: { containers: [{ name: 'a' }, { name: 'b', env: [{ name: 'X', value: 1 }] }] } } } };
    const [error] = findTypeErrors(body, deployment);
    expect(error.path).toBe('spec.template.spec.containers[1].env[0].value');
    expect(error.message).toBe(
      'json: cannot unmarshal number into Go struct field EnvVar.spec.template.spec.containers.env.value of type string',
    );
  });

  it('words named string types, slices and structs with their Go names', () => {
    const body = {
      spec: { ports: [{ port: 80, protocol: 6 }], selector: 'app=web' },
    };
    expect(findTypeErrors(body, schema('', 'Service')).map((e) => e.message)).toEqual([
      'json: cannot unmarshal number into Go struct field ServicePort.spec.ports.protocol of type v1.Protocol',
      'json: cannot unmarshal string into Go struct field ServiceSpec.spec.selector of type map[string]string',
    ]);
    expect(findTypeErrors({ spec: [] }, deployment)[0].message).toBe(
      'json: cannot unmarshal array into Go struct field Deployment.spec of type v1.DeploymentSpec',
    );
    expect(findTypeErrors({ spec: { template: { spec: { containers: {} } } } }, deployment)[0].message).toBe(
      'json: cannot unmarshal object into Go struct field PodSpec.spec.template.spec.containers of type []v1.Container',
    );
    expect(findTypeErrors({ metadata: { uid: 5 } }, deployment)[0].expected).toBe('types.UID');
  });

  it('rejects fractions and out-of-range integers as "number <literal>"', () => {
    const errors = findTypeErrors({ spec: { replicas: 1.5, minReadySeconds: 2147483648 } }, deployment);
    expect(errors.map((e) => e.got)).toEqual(['number 1.5', 'number 2147483648']);
    expect(errors[0].message).toBe(
      'json: cannot unmarshal number 1.5 into Go struct field DeploymentSpec.spec.replicas of type int32',
    );
  });

  it('accepts null anywhere, as Go leaves the field unset', () => {
    expect(findTypeErrors({ metadata: { creationTimestamp: null, labels: null }, spec: { replicas: null, template: null } }, deployment)).toEqual([]);
  });

  it('treats booleans and numbers strictly', () => {
    const errors = findTypeErrors({ spec: { paused: 'true', template: { spec: { hostNetwork: 1 } } } }, deployment);
    expect(errors.map((e) => e.message)).toEqual([
      'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.paused of type bool',
      'json: cannot unmarshal number into Go struct field PodSpec.spec.template.spec.hostNetwork of type bool',
    ]);
  });

  it('reports int-or-string and time errors as fatal, with the type their unmarshaler decodes into', () => {
    const errors = findTypeErrors(
      { metadata: { creationTimestamp: 1 }, spec: { strategy: { rollingUpdate: { maxSurge: true } } } },
      deployment,
    );
    expect(errors).toEqual([
      {
        path: 'metadata.creationTimestamp',
        expected: 'string',
        got: 'number',
        message: 'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.creationTimestamp of type string',
        fatal: true,
      },
      {
        path: 'spec.strategy.rollingUpdate.maxSurge',
        expected: 'int32',
        got: 'bool',
        message: 'json: cannot unmarshal bool into Go struct field RollingUpdateDeployment.spec.strategy.rollingUpdate.maxSurge of type int32',
        fatal: true,
      },
    ]);
  });

  it('accepts strings and numbers as quantities and reports unparsable ones with the quantity message', () => {
    const body = {
      spec: {
        template: {
          spec: { containers: [{ name: 'a', resources: { limits: { cpu: 2, memory: '1Gi' }, requests: { cpu: 'lots', memory: true } } }] },
        },
      },
    };
    const errors = findTypeErrors(body, deployment);
    expect(errors.map((e) => [e.path, e.message, e.fatal])).toEqual([
      ['spec.template.spec.containers[0].resources.requests.cpu', QUANTITY_FORMAT_ERROR, true],
      ['spec.template.spec.containers[0].resources.requests.memory', QUANTITY_FORMAT_ERROR, true],
    ]);
  });

  it('checks base64 in byte fields with the Go base64 message', () => {
    const errors = findTypeErrors({ data: { ok: 'aGVsbG8=', bad: 'not base64!' } }, schema('', 'Secret'));
    expect(errors).toEqual([
      { path: 'data.bad', expected: '[]uint8', got: 'string', message: 'illegal base64 data at input byte 3', fatal: false },
    ]);
  });

  it('does not check free-form subtrees', () => {
    expect(findTypeErrors({ data: [1, 'x', { y: false }] }, schema('apps', 'ControllerRevision'))).toEqual([]);
  });

  it('uses the "Go value" wording for a wrong top-level type', () => {
    expect(findTypeErrors([], deployment)[0].message).toBe('json: cannot unmarshal array into Go value of type v1.Deployment');
  });
});

describe('firstDecodeError', () => {
  it('prefers the first fatal error, which stops the decoder, over earlier saved ones', () => {
    const errors = findTypeErrors({ spec: { replicas: 'x', strategy: { rollingUpdate: { maxSurge: {} } } } }, deployment);
    expect(errors).toHaveLength(2);
    expect(firstDecodeError(errors)?.path).toBe('spec.strategy.rollingUpdate.maxSurge');
  });

  it('otherwise reports the first error in document order', () => {
    const errors = findTypeErrors({ spec: { replicas: 'x', paused: 'y' } }, deployment);
    expect(firstDecodeError(errors)?.path).toBe('spec.replicas');
    expect(firstDecodeError([])).toBeUndefined();
  });
});

describe('goTypeOf', () => {
  it('derives Go type names from the schema', () => {
    const podSpec = schemaFor('', 'Pod')!;
    expect(goTypeOf(podSpec)).toBe('v1.Pod');
    expect(goTypeOf({ type: 'integer', format: 'int64' })).toBe('int64');
    expect(goTypeOf({ type: 'array', items: { type: 'string' } })).toBe('[]string');
    expect(goTypeOf({ type: 'map', additional: { type: 'bytes' } })).toBe('map[string][]uint8');
    expect(goTypeOf({ type: 'number' })).toBe('float64');
  });
});
