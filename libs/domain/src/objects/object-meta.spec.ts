import { deepClone } from './object-meta';

describe(deepClone.name, () => {
  it('copies a JSON tree so that no part of the copy is shared with the original', () => {
    const original = { metadata: { name: 'a', labels: { app: 'x' } }, spec: { ports: [{ port: 80 }, { port: 443 }] }, n: 1, ok: true, none: null };
    const copy = deepClone(original);
    expect(copy).toEqual(original);
    copy.metadata.labels.app = 'y';
    copy.spec.ports[0].port = 8080;
    expect(original.metadata.labels.app).toBe('x');
    expect(original.spec.ports[0].port).toBe(80);
  });

  it('keeps a __proto__ key as an own property, as JSON.parse makes it', () => {
    const parsed = JSON.parse('{"data":{"__proto__":{"polluted":"yes"}}}') as { data: Record<string, unknown> };
    const copy = deepClone(parsed);
    expect(Object.keys(copy.data)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(copy.data)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.stringify(copy)).toBe(JSON.stringify(parsed));
  });

  it('returns primitives as they are', () => {
    expect(deepClone('s')).toBe('s');
    expect(deepClone(3)).toBe(3);
    expect(deepClone(null)).toBeNull();
  });
});
