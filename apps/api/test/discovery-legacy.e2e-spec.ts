import { startHarness, type Harness } from '../../../test/support/api-harness';
import { rawRequest } from './support/raw-http';

/** Legacy discovery on the full server (clients that do not ask for the aggregated form, e.g. older kubectl). */
describe('legacy discovery', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.stop());

  it.each([
    ['/api', 'APIVersions'],
    ['/apis', 'APIGroupList'],
    ['/api/v1', 'APIResourceList'],
    ['/apis/apps', 'APIGroup'],
    ['/apis/apps/v1', 'APIResourceList'],
    ['/apis/batch/v1', 'APIResourceList'],
  ])('%s answers %s, not the resource handler', async (path, kind) => {
    const res = await rawRequest(h, { path });
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({ kind });
  });

  it('still serves resources under the same prefixes', async () => {
    expect((await rawRequest(h, { path: '/apis/apps/v1/deployments' })).json()).toMatchObject({ kind: 'DeploymentList' });
  });
});
