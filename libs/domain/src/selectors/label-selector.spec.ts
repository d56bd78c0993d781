import { BadRequestError } from '../errors';
import {
  formatLabelRequirements,
  labelSelectorFromObject,
  labelSelectorToString,
  LabelSelectorRequirement,
  matchesLabels,
} from './label-selector';
import { parseLabelSelector } from './label-selector.parser';

const NAME_REGEX =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName', or 'my.name', or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const VALUE_REGEX =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue', or 'my_value', or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

function parseError(selector: string): string {
  try {
    parseLabelSelector(selector);
  } catch (e) {
    expect(e).toBeInstanceOf(BadRequestError);
    return (e as Error).message;
  }
  throw new Error(`${selector} parsed`);
}

describe('parseLabelSelector', () => {
  it.each<[string, LabelSelectorRequirement[]]>([
    ['', []],
    ['a=b', [{ key: 'a', operator: '=', values: ['b'] }]],
    ['a==b', [{ key: 'a', operator: '==', values: ['b'] }]],
    ['a!=b', [{ key: 'a', operator: '!=', values: ['b'] }]],
    ['a=', [{ key: 'a', operator: '=', values: [''] }]],
    ['a in (y,x,x)', [{ key: 'a', operator: 'in', values: ['x', 'y'] }]],
    ['a notin (x)', [{ key: 'a', operator: 'notin', values: ['x'] }]],
    ['a in ()', [{ key: 'a', operator: 'in', values: [''] }]],
    ['x in (foo,,baz)', [{ key: 'x', operator: 'in', values: ['', 'baz', 'foo'] }]],
    ['a', [{ key: 'a', operator: 'exists', values: [] }]],
    ['!a', [{ key: 'a', operator: '!', values: [] }]],
    ['a>1', [{ key: 'a', operator: 'gt', values: ['1'] }]],
    ['a<5', [{ key: 'a', operator: 'lt', values: ['5'] }]],
    ['in in (in)', [{ key: 'in', operator: 'in', values: ['in'] }]],
    [
      '  tier notin (a, b) , app = web,example.com/x ',
      [
        { key: 'app', operator: '=', values: ['web'] },
        { key: 'example.com/x', operator: 'exists', values: [] },
        { key: 'tier', operator: 'notin', values: ['a', 'b'] },
      ],
    ],
  ])('parses %j', (selector, expected) => {
    expect(parseLabelSelector(selector)).toEqual(expected);
  });

  it.each([
    ['a=b c', "found 'c', expected: ',' or 'end of string'"],
    ['a=b,', "found '', expected: identifier after ','"],
    [',a', "found ',', expected: !, identifier, or 'end of string'"],
    ['a in b', "unable to parse requirement: found 'b' expected: '('"],
    ['a in (b', "unable to parse requirement: found '', expected: ',' or ')'"],
    ['a in (=)', "unable to parse requirement: found '=', expected: ',', ')' or identifier"],
    ['a (b)', "unable to parse requirement: found '(', expected: in, notin, =, ==, !=, gt, lt"],
    ['a=(', "unable to parse requirement: found '(', expected: identifier"],
    ['!=a', "found '!=', expected: !, identifier, or 'end of string'"],
    ['! =a', "unable to parse requirement: found '=', expected: identifier"],
    ['!a=b', "found '=', expected: ',' or 'end of string'"],
    ['a<-5', `unable to parse requirement: values[0][a]: Invalid value: "-5": ${VALUE_REGEX}`],
    ['a>b', "unable to parse requirement: values[0]: Invalid value: \"b\": for 'Gt', 'Lt' operators, the value must be an integer"],
    ['a>99999999999999999999', "unable to parse requirement: values[0]: Invalid value: \"99999999999999999999\": for 'Gt', 'Lt' operators, the value must be an integer"],
    ['a_=b', `unable to parse requirement: <nil>: Invalid value: "a_": name part ${NAME_REGEX}`],
    ['a=b_', `unable to parse requirement: values[0][a]: Invalid value: "b_": ${VALUE_REGEX}`],
    [
      'Foo.com/a=b',
      "unable to parse requirement: <nil>: Invalid value: \"Foo.com/a\": prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ],
    [`a=${'v'.repeat(64)}`, `unable to parse requirement: values[0][a]: Invalid value: "${'v'.repeat(64)}": must be no more than 63 bytes`],
  ])('rejects %j', (selector, message) => {
    expect(parseError(selector)).toBe(message);
  });
});

describe('matchesLabels', () => {
  const labels = { app: 'web', tier: 'front', n: '10' };
  it.each([
    ['', true],
    ['app=web', true],
    ['app==api', false],
    ['app!=api', true],
    ['missing!=x', true],
    ['app in (api,web)', true],
    ['missing in (x)', false],
    ['app notin (web)', false],
    ['missing notin (web)', true],
    ['tier', true],
    ['missing', false],
    ['!missing', true],
    ['!tier', false],
    ['n>9', true],
    ['n>10', false],
    ['n<11', true],
    ['app>1', false],
    ['missing<1', false],
    ['app=web,tier=back', false],
  ])('%j → %s', (selector, expected) => {
    expect(matchesLabels(parseLabelSelector(selector), labels)).toBe(expected);
  });

  it('treats absent labels as empty and a null selector as nothing', () => {
    expect(matchesLabels(parseLabelSelector('!a'), undefined)).toBe(true);
    expect(matchesLabels(null, labels)).toBe(false);
  });
});

describe('labelSelectorFromObject', () => {
  it('combines matchLabels and matchExpressions sorted by key', () => {
    expect(
      labelSelectorFromObject({
        matchLabels: { tier: 'front', app: 'web' },
        matchExpressions: [
          { key: 'env', operator: 'NotIn', values: ['dev'] },
          { key: 'app', operator: 'Exists' },
          { key: 'canary', operator: 'DoesNotExist' },
          { key: 'zone', operator: 'In', values: ['b', 'a'] },
        ],
      }),
    ).toEqual([
      { key: 'app', operator: '=', values: ['web'] },
      { key: 'app', operator: 'exists', values: [] },
      { key: 'canary', operator: '!', values: [] },
      { key: 'env', operator: 'notin', values: ['dev'] },
      { key: 'tier', operator: '=', values: ['front'] },
      { key: 'zone', operator: 'in', values: ['b', 'a'] },
    ]);
  });

  it('selects nothing for null and everything for an empty selector', () => {
    expect(labelSelectorFromObject(null)).toBeNull();
    expect(labelSelectorFromObject({})).toEqual([]);
    expect(matchesLabels(labelSelectorFromObject({}), { a: 'b' })).toBe(true);
  });

  it.each([
    [{ matchExpressions: [{ key: 'a', operator: 'Gt', values: ['1'] }] }, '"Gt" is not a valid label selector operator'],
    [{ matchExpressions: [{ key: 'a', operator: 'In' }] }, "values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty"],
    [{ matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] }, 'values: Invalid value: ["x"]: values set must be empty for exists and does not exist'],
    [{ matchLabels: { 'a/b/c': 'x' } }, `key: Invalid value: "a/b/c": a valid label key ${NAME_REGEX} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`],
    [{ matchLabels: { '': 'x' } }, `key: Invalid value: "": name part must be non-empty; name part ${NAME_REGEX}`],
  ])('rejects %j', (sel, message) => {
    expect(() => labelSelectorFromObject(sel)).toThrow(new BadRequestError(message));
  });

  it('aggregates several errors in brackets', () => {
    expect(() => labelSelectorFromObject({ matchExpressions: [{ key: 'a_', operator: 'In' }] })).toThrow(
      new BadRequestError(`[key: Invalid value: "a_": name part ${NAME_REGEX}, values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty]`),
    );
  });
});

describe('labelSelectorToString', () => {
  it.each([
    [null, '<none>'],
    [{}, '<none>'],
    [{ matchLabels: { app: 'web' } }, 'app=web'],
    [{ matchLabels: { tier: 'x', app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['b', 'a'] }] }, 'app=web,tier=x,tier in (a,b)'],
    [{ matchExpressions: [{ key: 'a', operator: 'NotIn', values: ['x'] }, { key: 'b', operator: 'DoesNotExist' }, { key: 'c', operator: 'Exists' }] }, 'a notin (x),!b,c'],
    [{ matchExpressions: [{ key: 'a', operator: 'Bogus' }] }, '<error>'],
  ])('%j → %s', (sel, expected) => {
    expect(labelSelectorToString(sel)).toBe(expected);
  });

  it('formats parsed requirements back into the string syntax', () => {
    expect(formatLabelRequirements(parseLabelSelector('b in (y,x), a==1, c!=2, !d, e>3, f<4, g'))).toBe('a==1,b in (x,y),c!=2,!d,e>3,f<4,g');
  });
});
