import { BadRequestError } from '../errors';
import { checkFieldSelector, FieldRequirement, formatFieldSelector, matchesFields, parseFieldSelector } from './field-selector';

describe('parseFieldSelector', () => {
  it.each<[string, FieldRequirement[]]>([
    ['', []],
    ['metadata.name=x', [{ field: 'metadata.name', operator: '=', value: 'x' }]],
    ['metadata.name==x', [{ field: 'metadata.name', operator: '==', value: 'x' }]],
    ['status.phase!=Running', [{ field: 'status.phase', operator: '!=', value: 'Running' }]],
    ['spec.nodeName=', [{ field: 'spec.nodeName', operator: '=', value: '' }]],
    [
      'involvedObject.name=x,involvedObject.kind=Deployment,',
      [
        { field: 'involvedObject.kind', operator: '=', value: 'Deployment' },
        { field: 'involvedObject.name', operator: '=', value: 'x' },
      ],
    ],
    ['a=x\\,y\\=z\\\\', [{ field: 'a', operator: '=', value: 'x,y=z\\' }]],
  ])('parses %j', (selector, expected) => {
    expect(parseFieldSelector(selector)).toEqual(expected);
  });

  it.each([
    ['metadata.name', "invalid selector: 'metadata.name'; can't understand 'metadata.name'"],
    ['a=b,c', "invalid selector: 'a=b,c'; can't understand 'c'"],
    ['a=b=c', 'invalid field selector: unescaped character in value: 61'],
    ['a=x\\y', 'invalid field selector: invalid escape sequence: \\y'],
    ['a=x\\', 'invalid field selector: invalid escape sequence: \\'],
  ])('rejects %j', (selector, message) => {
    expect(() => parseFieldSelector(selector)).toThrow(new BadRequestError(message));
  });
});

describe('matchesFields', () => {
  const fields: Record<string, string> = { 'metadata.name': 'web', 'status.phase': 'Running' };
  const get = (path: string) => fields[path];
  it.each([
    ['metadata.name=web', true],
    ['metadata.name==api', false],
    ['status.phase!=Running', false],
    ['status.phase!=Pending', true],
    ['spec.nodeName=', true],
    ['spec.nodeName!=', false],
    ['metadata.name=web,status.phase=Pending', false],
  ])('%j → %s', (selector, expected) => {
    expect(matchesFields(parseFieldSelector(selector), get)).toBe(expected);
  });
});

describe('checkFieldSelector', () => {
  const podFields = ['metadata.name', 'metadata.namespace', 'spec.nodeName', 'status.phase'];

  it('accepts supported fields', () => {
    expect(() => checkFieldSelector(parseFieldSelector('spec.nodeName=n1,metadata.name=x'), podFields, 'pods')).not.toThrow();
  });

  it('rejects a field of a kind with its own field labels like the core conversions do', () => {
    expect(() => checkFieldSelector(parseFieldSelector('status.phase=Running,spec.foo=x'), podFields, 'pods')).toThrow(
      new BadRequestError('field label not supported: spec.foo'),
    );
  });

  it("rejects a field of a metadata-only kind with apimachinery's default message", () => {
    expect(() => checkFieldSelector(parseFieldSelector('spec.replicas=1'), ['metadata.name', 'metadata.namespace'], 'deployments')).toThrow(
      new BadRequestError('"spec.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"'),
    );
  });
});

it('formatFieldSelector re-escapes values', () => {
  expect(formatFieldSelector(parseFieldSelector('b!=x\\,y,a=1'))).toBe('a=1,b!=x\\,y');
});
