import { InvalidError } from '../errors';
import { duplicate, forbidden, formatValue, invalid, notFound, notSupported, required, tooLong } from './field-errors';

describe('field error builders', () => {
  it('formats values like field.Error.ErrorBody', () => {
    expect(formatValue('Foo')).toBe('"Foo"');
    expect(formatValue(-1)).toBe('-1');
    expect(formatValue(true)).toBe('true');
    expect(formatValue(null)).toBe('null');
    expect(formatValue({ app: 'x' })).toBe('{"app":"x"}');
  });

  it('builds each error type', () => {
    expect(invalid('spec.replicas', -1, 'must be greater than or equal to 0')).toEqual({
      type: 'FieldValueInvalid',
      field: 'spec.replicas',
      detail: 'Invalid value: -1: must be greater than or equal to 0',
    });
    expect(required('spec.containers')).toEqual({ type: 'FieldValueRequired', field: 'spec.containers', detail: 'Required value' });
    expect(required('metadata.name', 'name or generateName is required').detail).toBe('Required value: name or generateName is required');
    expect(notSupported('spec.type', 'Foo', ['ClusterIP', 'NodePort']).detail).toBe(
      'Unsupported value: "Foo": supported values: "ClusterIP", "NodePort"',
    );
    expect(duplicate('spec.containers[1].name', 'web').detail).toBe('Duplicate value: "web"');
    expect(forbidden('metadata.namespace', 'not allowed on this type').detail).toBe('Forbidden: not allowed on this type');
    expect(tooLong('metadata.annotations', 262144)).toEqual({
      type: 'FieldValueTooLong',
      field: 'metadata.annotations',
      detail: 'Too long: may not be more than 262144 bytes',
    });
    expect(notFound('spec.containers[0].volumeMounts[0].name', 'data')).toEqual({
      type: 'FieldValueNotFound',
      field: 'spec.containers[0].volumeMounts[0].name',
      detail: 'Not found: "data"',
    });
  });

  it('reads as kube-apiserver prints it once wrapped in InvalidError', () => {
    const err = new InvalidError('apps', 'Deployment', 'web', [invalid('spec.replicas', -1, 'must be greater than or equal to 0')]);
    expect(err.message).toBe('Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0');
  });
});
