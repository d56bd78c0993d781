import { READINESS } from '../tokens';
import { fetchText, type Harness, serveModules } from './serve.harness';
import { SystemModule } from './system.module';
import { goPlatform } from './version.info';

describe('SystemModule', () => {
  let harness: Harness;
  let ready = true;

  beforeAll(async () => {
    harness = await serveModules(
      [SystemModule.forRoot({ gitCommit: 'abc123', gitTreeState: 'clean', buildDate: '2026-11-23T19:07:08Z' })],
      [{ provide: READINESS, useValue: { isReady: () => ready } }],
    );
  });
  afterAll(() => harness.close());
  beforeEach(() => {
    ready = true;
  });

  const get = (path: string) => fetchText(`${harness.url}${path}`);

  it('GET /version answers version.Info in upstream field order, indented', async () => {
    const res = await get('/version');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    const info = JSON.parse(res.body);
    expect(Object.keys(info)).toEqual([
      'major',
      'minor',
      'emulationMajor',
      'emulationMinor',
      'minCompatibilityMajor',
      'minCompatibilityMinor',
      'gitVersion',
      'gitCommit',
      'gitTreeState',
      'buildDate',
      'goVersion',
      'compiler',
      'platform',
    ]);
    expect(info).toMatchObject({
      major: '1',
      minor: '33',
      emulationMajor: '1',
      emulationMinor: '33',
      minCompatibilityMajor: '1',
      minCompatibilityMinor: '32',
      gitVersion: 'v1.33.1+flotilla',
      gitCommit: 'abc123',
      gitTreeState: 'clean',
      buildDate: '2026-11-23T19:07:08Z',
      platform: goPlatform(),
    });
    expect(res.body).toBe(JSON.stringify(info, null, 2));
  });

  it.each(['/healthz', '/livez', '/readyz'])('GET %s answers ok as text/plain', async (path) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.body).toBe('ok');
  });

  it('?verbose lists each check and a trailer', async () => {
    expect((await get('/readyz?verbose')).body).toBe('[+]ping ok\n[+]store ok\nreadyz check passed\n');
    expect((await get('/livez?verbose')).body).toBe('[+]ping ok\nlivez check passed\n');
  });

  it('readyz fails with 500 and the failing check when not ready; livez stays ok', async () => {
    ready = false;
    const res = await get('/readyz');
    expect(res.status).toBe(500);
    expect(res.body).toBe('[+]ping ok\n[-]store failed: reason withheld\nreadyz check failed\n');
    expect((await get('/healthz')).status).toBe(500);
    expect((await get('/livez')).body).toBe('ok');
  });

  it('?exclude skips a check', async () => {
    ready = false;
    const res = await get('/readyz?verbose&exclude=store');
    expect(res.status).toBe(200);
    expect(res.body).toBe('[+]ping ok\n[+]store excluded: ok\nreadyz check passed\n');
  });

  it('serves single checks and 404s unknown ones', async () => {
    expect((await get('/readyz/ping')).body).toBe('ok');
    ready = false;
    expect((await get('/readyz/store')).status).toBe(500);
    const missing = await get('/livez/store');
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body)).toMatchObject({ kind: 'Status', reason: 'NotFound', code: 404 });
  });
});
