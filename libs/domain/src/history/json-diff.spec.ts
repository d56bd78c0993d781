import { applyJsonPatch } from '../patch/json-patch';
import { changedFields, diffJson } from './json-diff';

describe('diffJson', () => {
  it('is empty for equal values, whatever the key order', () => {
    expect(diffJson({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toEqual([]);
  });

  it('adds, removes and replaces object members in sorted key order', () => {
    expect(diffJson({ b: 1, c: 'x', d: { e: true } }, { a: null, b: 2, d: { e: true } })).toEqual([
      { op: 'add', path: '/a', value: null },
      { op: 'replace', path: '/b', value: 2 },
      { op: 'remove', path: '/c' },
    ]);
  });

  it('escapes ~ and / in member names as JSON pointers do', () => {
    expect(diffJson({ metadata: { labels: {} } }, { metadata: { labels: { 'app.kubernetes.io/name': 'web', 'a~b': 'x' } } })).toEqual([
      { op: 'add', path: '/metadata/labels/app.kubernetes.io~1name', value: 'web' },
      { op: 'add', path: '/metadata/labels/a~0b', value: 'x' },
    ]);
  });

  it('diffs an element changed in place inside it', () => {
    const from = { spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } };
    const to = { spec: { containers: [{ name: 'nginx', image: 'nginx:1.26' }] } };
    expect(diffJson(from, to)).toEqual([{ op: 'replace', path: '/spec/containers/0/image', value: 'nginx:1.26' }]);
  });

  it('inserts at the front without touching the elements that follow', () => {
    expect(diffJson(['b', 'c'], ['a', 'b', 'c'])).toEqual([{ op: 'add', path: '/0', value: 'a' }]);
  });

  it('removes from the middle with the index the element has at that point', () => {
    expect(diffJson(['a', 'b', 'c', 'd'], ['a', 'd'])).toEqual([
      { op: 'remove', path: '/1' },
      { op: 'remove', path: '/1' },
    ]);
  });

  it('replaces values whose JSON type changes', () => {
    expect(diffJson({ a: [1] }, { a: { 0: 1 } })).toEqual([{ op: 'replace', path: '/a', value: { 0: 1 } }]);
    expect(diffJson({ a: 1 }, { a: '1' })).toEqual([{ op: 'replace', path: '/a', value: '1' }]);
    expect(diffJson(1, 2)).toEqual([{ op: 'replace', path: '', value: 2 }]);
  });

  it('produces patches that turn the old value into the new one', () => {
    const cases: [unknown, unknown][] = [
      [
        { spec: { containers: [{ name: 'a', image: '1' }, { name: 'b', image: '2' }], replicas: 1 } },
        { spec: { containers: [{ name: 'sidecar', image: 'x' }, { name: 'a', image: '1' }, { name: 'b', image: '3' }], replicas: 2 } },
      ],
      [[1, 2, 3, 4, 5], [5, 4, 3, 2, 1]],
      [['x', 'y', 'z'], []],
      [[], [{ a: 1 }, { a: 2 }]],
      [{ list: [1, [2, 3], { k: [4] }] }, { list: [[2, 3, 9], 1, { k: [] }, 7] }],
      [{ a: { b: { c: 1 } } }, { a: { b: null } }],
    ];
    for (const [from, to] of cases) expect(applyJsonPatch(from, diffJson(from, to))).toEqual(to);
  });

  it('still gives a correct patch for arrays too large to align', () => {
    const from = Array.from({ length: 600 }, (_, i) => i);
    const to = Array.from({ length: 600 }, (_, i) => (i % 7 === 0 ? -i - 1 : i));
    expect(applyJsonPatch(from, diffJson(from, to))).toEqual(to);
  });
});

describe('changedFields', () => {
  it('names each changed field once, as a dotted path cut at the first array index', () => {
    expect(
      changedFields([
        { op: 'replace', path: '/spec/template/spec/containers/0/image', value: 'x' },
        { op: 'add', path: '/spec/template/spec/containers/1', value: {} },
        { op: 'replace', path: '/metadata/resourceVersion', value: '9' },
        { op: 'add', path: '/metadata/labels/app.kubernetes.io~1name', value: 'web' },
      ]),
    ).toEqual(['spec.template.spec.containers', 'metadata.resourceVersion', 'metadata.labels.app.kubernetes.io/name']);
  });

  it('names the whole document ""', () => {
    expect(changedFields([{ op: 'add', path: '', value: {} }])).toEqual(['']);
  });
});
