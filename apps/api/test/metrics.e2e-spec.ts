import { startHarness, type Harness } from '../../../test/support/api-harness';
import { rawRequest } from './support/raw-http';

describe('/metrics', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.stop());

  it('counts and times requests by verb, resource and code', async () => {
    expect((await h.kubectl('1.33', ['get', 'namespaces'])).code).toBe(0);
    expect((await h.kubectl('1.33', ['get', 'configmap', 'missing'])).code).toBe(1);
    const res = await rawRequest(h, { path: '/metrics' });
    expect(res.status).toBe(200);
    const lines = res.body.split('\n');
    const counter = (re: RegExp) => lines.find((l) => l.startsWith('apiserver_request_total{') && re.test(l));
    expect(counter(/verb="LIST".*resource="namespaces".*code="200"|code="200".*resource="namespaces".*verb="LIST"/)).toBeDefined();
    expect(counter(/resource="configmaps"/)).toMatch(/code="404"/);
    expect(lines.some((l) => l.startsWith('apiserver_request_duration_seconds_bucket{') && l.includes('resource="namespaces"'))).toBe(true);
  });

  it('needs credentials', async () => {
    expect((await rawRequest(h, { path: '/metrics', anonymous: true })).status).toBe(401);
  });
});
