import { sql } from 'kysely';
import { startHarness, type Harness } from '../../../test/support/api-harness';
import { rawRequest, type RawRequest } from './support/raw-http';

const CONFIGMAPS = '/api/v1/namespaces/default/configmaps';
const JSON_HEADERS = { 'Content-Type': 'application/json', Accept: 'application/json' };

const configMap = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'raw', namespace: 'default' }, data: { a: 'b' }, ...extra });

function status(code: number, reason: string, message: string | RegExp): Record<string, unknown> {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    reason,
    code,
    message: typeof message === 'string' ? message : expect.stringMatching(message),
  };
}

describe('bad HTTP input gets a precise Status and leaves the store unchanged', () => {
  let harness: Harness;

  const eventCount = async () => {
    const row = await harness.database.db.selectFrom('events').select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  };

  beforeAll(async () => {
    harness = await startHarness();
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it.each<[string, RawRequest, number, string, string | RegExp]>([
    ['malformed JSON', { method: 'POST', path: CONFIGMAPS, body: '{"apiVersion":"v1","kind":', headers: JSON_HEADERS }, 400, 'BadRequest', /json parse error/],
    ['an unsupported media type', { method: 'POST', path: CONFIGMAPS, body: 'a=b', headers: { 'Content-Type': 'text/plain' } }, 415, 'UnsupportedMediaType', /^the body of the request was in an unknown format - accepted media types include: application\/json, application\/yaml, application\/vnd\.kubernetes\.protobuf/],
    ['a kind that does not belong to the URL', { method: 'POST', path: CONFIGMAPS, body: configMap({ kind: 'Secret' }), headers: JSON_HEADERS }, 400, 'BadRequest', /Secret/],
    ['an apiVersion that does not belong to the URL', { method: 'POST', path: CONFIGMAPS, body: configMap({ apiVersion: 'apps/v1' }), headers: JSON_HEADERS }, 400, 'BadRequest', /apps\/v1/],
    [
      'a namespace that differs from the URL',
      { method: 'POST', path: CONFIGMAPS, body: configMap({ metadata: { name: 'raw', namespace: 'kube-system' } }), headers: JSON_HEADERS },
      400,
      'BadRequest',
      'the namespace of the provided object does not match the namespace sent on the request',
    ],
    ['an unknown resource', { method: 'GET', path: '/api/v1/namespaces/default/widgets' }, 404, 'NotFound', 'the server could not find the requested resource'],
    ['an unknown group', { method: 'GET', path: '/apis/example.com/v1/widgets' }, 404, 'NotFound', 'the server could not find the requested resource'],
    ['PUT on a collection', { method: 'PUT', path: CONFIGMAPS, body: configMap(), headers: JSON_HEADERS }, 405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource'],
    ['POST to a named object', { method: 'POST', path: `${CONFIGMAPS}/raw`, body: configMap(), headers: JSON_HEADERS }, 405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource'],
    ['no token', { method: 'POST', path: CONFIGMAPS, body: configMap(), headers: JSON_HEADERS, anonymous: true }, 401, 'Unauthorized', 'Unauthorized'],
    ['a wrong token', { method: 'GET', path: CONFIGMAPS, headers: { Authorization: 'Bearer not-a-token' }, anonymous: true }, 401, 'Unauthorized', 'Unauthorized'],
  ])('%s', async (_name, req, code, reason, message) => {
    const before = await eventCount();
    const res = await rawRequest(harness, req);
    expect(res.status).toBe(code);
    expect(res.json()).toMatchObject(status(code, reason, message));
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(await eventCount()).toBe(before);
  });

  it('a body over 3 MiB is 413 RequestEntityTooLarge', async () => {
    const before = await eventCount();
    const big = configMap({ data: { a: 'x'.repeat(3 * 1024 * 1024 + 1) } });
    const res = await rawRequest(harness, { method: 'POST', path: CONFIGMAPS, body: big, headers: JSON_HEADERS });
    expect(res.status).toBe(413);
    expect(res.json()).toMatchObject(status(413, 'RequestEntityTooLarge', 'Request entity too large: limit is 3145728'));
    expect(await eventCount()).toBe(before);
  });

  it('/healthz answers without a token', async () => {
    const res = await rawRequest(harness, { path: '/healthz', anonymous: true });
    expect({ status: res.status, body: res.body }).toEqual({ status: 200, body: 'ok' });
  });

  it('a well-formed create still works afterwards and appends one event', async () => {
    const before = await eventCount();
    const res = await rawRequest(harness, { method: 'POST', path: CONFIGMAPS, body: configMap(), headers: JSON_HEADERS });
    expect(res.status).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'raw', namespace: 'default' }, data: { a: 'b' } });
    expect(await eventCount()).toBe(before + 1);
  });
});
