import { formatFieldPath, fromFieldsV1, memberPaths, toFieldsV1 } from './field-set';

describe('FieldsV1 sets', () => {
  const fields = {
    'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } },
    'f:spec': {
      'f:template': {
        'f:spec': {
          'f:containers': {
            'k:{"name":"nginx"}': {
              '.': {},
              'f:ports': { 'k:{"containerPort":80,"protocol":"TCP"}': { '.': {}, 'f:containerPort': {} } },
            },
          },
        },
      },
      'f:replicas': {},
    },
    'f:metadata2': { 'f:finalizers': { 'v:"foregroundDeletion"': {} } },
  };

  it('round-trips FieldsV1 with "." first and children in upstream order', () => {
    const set = fromFieldsV1(fields);
    expect(set).toBeDefined();
    const encoded = toFieldsV1(set!);
    expect(encoded).toEqual(fields);
    expect(Object.keys((encoded['f:spec'] as Record<string, unknown>))).toEqual(['f:replicas', 'f:template']);
    expect(Object.keys((encoded['f:metadata'] as Record<string, Record<string, unknown>>)['f:labels'])).toEqual(['.', 'f:app']);
  });

  it('rejects elements that are not f:, k:, v: or i:', () => {
    expect(fromFieldsV1({ 'x:bad': {} })).toBeUndefined();
  });

  it('lists members a level at a time and prints them as upstream paths', () => {
    const paths = memberPaths(fromFieldsV1(fields)!).map(formatFieldPath);
    expect(paths).toEqual([
      '.metadata.labels',
      '.metadata.labels.app',
      '.metadata2.finalizers[="foregroundDeletion"]',
      '.spec.replicas',
      '.spec.template.spec.containers[name="nginx"]',
      '.spec.template.spec.containers[name="nginx"].ports[containerPort=80,protocol="TCP"]',
      '.spec.template.spec.containers[name="nginx"].ports[containerPort=80,protocol="TCP"].containerPort',
    ]);
  });
});
