import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startHarness, type Harness } from '../../../test/support/api-harness';

const run = promisify(execFile);
const NS = 'client-node';

interface Meta {
  name?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
}

interface ScenarioReport {
  created: { metadata: Meta; data: Record<string, string> };
  list: { kind: string; apiVersion: string; metadata: { resourceVersion: string }; items: Array<{ metadata: Meta }> };
  mergePatched: { metadata: Meta; data: Record<string, string> };
  deleted: { kind?: string; status?: string; details?: { name?: string; kind?: string } };
  readAfterDelete: { error?: { code: number; body: { reason: string; message: string } } };
  strategicPatched: { metadata: Meta; spec: { replicas: number; template: { spec: { containers: Array<Record<string, unknown>> } } } };
  informer: { failed?: string; events: Array<{ type: string; name: string; value: string }>; errors: string[]; cached?: string[] };
}

/** @kubernetes/client-node 1.4.0 is ESM-only; jest on Node 20 cannot import it, so it runs in a child Node process. */
describe('@kubernetes/client-node 1.4.0', () => {
  let harness: Harness;
  let report: ScenarioReport;

  beforeAll(async () => {
    harness = await startHarness();
    const { stdout } = await run(process.execPath, [join(__dirname, 'support', 'client-node.scenario.mjs'), harness.kubeconfig, NS], {
      cwd: join(__dirname, '..', '..', '..'),
      timeout: 45_000,
    });
    report = JSON.parse(stdout) as ScenarioReport;
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('creates a ConfigMap', () => {
    expect(report.created.metadata).toMatchObject({ name: 'cfg', namespace: NS, uid: expect.stringMatching(/^[0-9a-f-]{36}$/), resourceVersion: expect.stringMatching(/^\d+$/) });
    expect(report.created.data).toEqual({ a: '1' });
  });

  it('lists with a label selector', () => {
    expect(report.list).toMatchObject({ kind: 'ConfigMapList', apiVersion: 'v1', metadata: { resourceVersion: expect.stringMatching(/^\d+$/) } });
    expect(report.list.items.map((i) => i.metadata.name)).toEqual(['cfg']);
  });

  it('applies a JSON merge patch (null removes a key)', () => {
    expect(report.mergePatched.data).toEqual({ b: '2' });
    expect(Number(report.mergePatched.metadata.resourceVersion)).toBeGreaterThan(Number(report.created.metadata.resourceVersion));
  });

  it('deletes with a Success Status, after which a read is a 404 NotFound Status', () => {
    expect(report.deleted).toMatchObject({ kind: 'Status', status: 'Success', details: { name: 'cfg', kind: 'configmaps' } });
    expect(report.readAfterDelete.error).toEqual({
      code: 404,
      body: expect.objectContaining({ kind: 'Status', status: 'Failure', reason: 'NotFound', code: 404, message: 'configmaps "cfg" not found' }),
    });
  });

  it('applies a strategic merge patch that merges containers by name', () => {
    expect(report.strategicPatched.metadata.generation).toBe(2);
    expect(report.strategicPatched.spec.replicas).toBe(2);
    expect(report.strategicPatched.spec.template.spec.containers.map((c) => `${c.name}=${c.image}`)).toEqual(['nginx=nginx:1.27', 'sidecar=busybox']);
  });

  it('an informer sees add, update and delete events', () => {
    expect(report.informer).toEqual({
      events: [
        { type: 'add', name: 'watched', value: '1' },
        { type: 'update', name: 'watched', value: '2' },
        { type: 'delete', name: 'watched', value: '2' },
      ],
      errors: [],
      cached: [],
    });
  });
});
