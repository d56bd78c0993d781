import {
  isConfigMapKey,
  isDns1035Label,
  isDns1123Label,
  isDns1123Subdomain,
  isQualifiedName,
  isValidLabelValue,
  isValidPortName,
  nameIsDnsSubdomain,
  regexError,
  validatePathSegmentName,
} from './names';

const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character " +
  "(e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character " +
  "(e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const QUALIFIED_MSG =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character " +
  "(e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character " +
  "(e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

describe('regexError', () => {
  it('joins examples the way apimachinery does, double space included', () => {
    expect(regexError('msg', 'fmt', 'a', 'b')).toBe("msg (e.g. 'a',  or 'b', regex used for validation is 'fmt')");
    expect(regexError('msg', 'fmt')).toBe("msg (regex used for validation is 'fmt')");
  });
});

describe('isDns1123Subdomain', () => {
  it.each(['example.com', 'a', 'my-app.v1', '0abc'])('accepts %s', (v) => expect(isDns1123Subdomain(v)).toEqual([]));
  it('rejects upper case with the upstream message', () => expect(isDns1123Subdomain('Foo')).toEqual([SUBDOMAIN_MSG]));
  it('reports length and format separately', () => {
    expect(isDns1123Subdomain('a'.repeat(254))).toEqual(['must be no more than 253 characters']);
    expect(isDns1123Subdomain(`-${'a'.repeat(253)}`)).toEqual(['must be no more than 253 characters', SUBDOMAIN_MSG]);
  });
});

describe('isDns1123Label', () => {
  it('accepts labels', () => expect(isDns1123Label('my-name')).toEqual([]));
  it('says "must not contain dots" for valid subdomains', () => expect(isDns1123Label('a.b')).toEqual(['must not contain dots']));
  it('rejects other shapes with the regex message', () => expect(isDns1123Label('My_Name')).toEqual([LABEL_MSG]));
  it('limits to 63 characters', () => expect(isDns1123Label('a'.repeat(64))).toEqual(['must be no more than 63 characters']));
});

describe('isDns1035Label', () => {
  it('requires a leading letter', () =>
    expect(isDns1035Label('1abc')).toEqual([
      "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character " +
        "(e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
    ]));
});

describe('isQualifiedName', () => {
  it.each(['app', 'app.kubernetes.io/name', 'My_Key', 'example.com/MyName'])('accepts %s', (v) => expect(isQualifiedName(v)).toEqual([]));
  it('rejects a bad name part', () => expect(isQualifiedName('-bad')).toEqual([`name part ${QUALIFIED_MSG}`]));
  it('rejects an empty prefix', () => expect(isQualifiedName('/name')).toEqual(['prefix part must be non-empty']));
  it('rejects a bad prefix', () => expect(isQualifiedName('Example.com/name')).toEqual([`prefix part ${SUBDOMAIN_MSG}`]));
  it('rejects an empty name part', () => expect(isQualifiedName('example.com/')).toEqual(['name part must be non-empty', `name part ${QUALIFIED_MSG}`]));
  it('rejects a long name part', () => expect(isQualifiedName('a'.repeat(64))).toEqual(['name part must be no more than 63 characters']));
  it('rejects several slashes', () =>
    expect(isQualifiedName('a/b/c')).toEqual([
      `a qualified name ${QUALIFIED_MSG} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ]));
});

describe('isValidLabelValue', () => {
  it.each(['', 'v1', 'my_value', 'A.b-c'])('accepts %j', (v) => expect(isValidLabelValue(v)).toEqual([]));
  it('rejects spaces', () => expect(isValidLabelValue('a b')).toEqual([LABEL_VALUE_MSG]));
  it('limits to 63 characters', () => expect(isValidLabelValue('a'.repeat(64))).toEqual(['must be no more than 63 characters']));
});

describe('isValidPortName', () => {
  it('accepts http', () => expect(isValidPortName('http')).toEqual([]));
  it('collects every problem', () =>
    expect(isValidPortName('-HTTP--port-name-')).toEqual([
      'must be no more than 15 characters',
      'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      'must not contain consecutive hyphens',
      'must not begin or end with a hyphen',
    ]));
  it('needs a letter', () => expect(isValidPortName('8080')).toEqual(['must contain at least one letter (a-z)']));
});

describe('isConfigMapKey', () => {
  it('accepts keys', () => expect(isConfigMapKey('app.properties')).toEqual([]));
  it('rejects slashes', () =>
    expect(isConfigMapKey('a/b')).toEqual([
      "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
    ]));
  it('rejects dot names', () => {
    expect(isConfigMapKey('..')).toEqual(["must not be '..'"]);
    expect(isConfigMapKey('..data')).toEqual(["must not start with '..'"]);
  });
});

describe('name functions', () => {
  it('masks a trailing dash of a generateName prefix', () => {
    expect(nameIsDnsSubdomain('web-', true)).toEqual([]);
    expect(nameIsDnsSubdomain('web-', false)).toEqual([SUBDOMAIN_MSG]);
  });
  it('validates path segment names', () => {
    expect(validatePathSegmentName('system:admin', false)).toEqual([]);
    expect(validatePathSegmentName('..', false)).toEqual(["may not be '..'"]);
    expect(validatePathSegmentName('a/b%', false)).toEqual(["may not contain '/'", "may not contain '%'"]);
  });
});
