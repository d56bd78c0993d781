import type { KubeObject } from '../objects/object-meta';
import { createBuiltinRegistry } from './builtin.registry';

const NOW = new Date('2024-05-01T12:00:00Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();
const MIN = 60_000;
const pods = createBuiltinRegistry().lookup('', 'v1', 'pods')!;

function pod(status: Record<string, unknown>, spec: Record<string, unknown> = {}, meta: Record<string, unknown> = {}): KubeObject {
  return {
    metadata: { name: 'web', namespace: 'default', creationTimestamp: ago(10 * MIN), ...meta },
    spec: { containers: [{ name: 'app', image: 'nginx' }], ...spec },
    status,
  };
}

const running = { running: { startedAt: ago(9 * MIN) } };

describe('pod Table cells', () => {
  it('renders the upstream column set', () => {
    expect(pods.columns.map((c) => [c.name, c.type, c.priority, c.format])).toEqual([
      ['Name', 'string', 0, 'name'],
      ['Ready', 'string', 0, ''],
      ['Status', 'string', 0, ''],
      ['Restarts', 'string', 0, ''],
      ['Age', 'string', 0, ''],
      ['IP', 'string', 1, ''],
      ['Node', 'string', 1, ''],
      ['Nominated Node', 'string', 1, ''],
      ['Readiness Gates', 'string', 1, ''],
    ]);
  });

  it('renders a running pod', () => {
    const p = pod(
      {
        phase: 'Running',
        podIP: '10.244.0.5',
        podIPs: [{ ip: '10.244.0.5' }],
        conditions: [{ type: 'Ready', status: 'True' }],
        containerStatuses: [{ name: 'app', ready: true, restartCount: 0, state: running }],
      },
      { nodeName: 'node-1' },
    );
    expect(pods.cells(p, NOW)).toEqual(['web', '1/1', 'Running', '0', '10m', '10.244.0.5', 'node-1', '<none>', '<none>']);
    expect(pods.rowConditions?.(p)).toBeUndefined();
  });

  it('renders an unscheduled pod as Pending', () => {
    const p = pod({ phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable' }] });
    expect(pods.cells(p, NOW).slice(0, 5)).toEqual(['web', '0/1', 'Pending', '0', '10m']);
    expect(pods.cells(p, NOW).slice(5)).toEqual(['<none>', '<none>', '<none>', '<none>']);
  });

  it('shows the waiting reason while containers are created', () => {
    const p = pod({
      phase: 'Pending',
      containerStatuses: [{ name: 'app', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } }],
    });
    expect(pods.cells(p, NOW).slice(1, 4)).toEqual(['0/1', 'ContainerCreating', '0']);
  });

  it('shows CrashLoopBackOff with restarts and the time since the last one', () => {
    const p = pod({
      phase: 'Running',
      containerStatuses: [
        {
          name: 'app',
          ready: false,
          restartCount: 5,
          state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 2m40s' } },
          lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: ago(5 * MIN) } },
        },
      ],
    });
    expect(pods.cells(p, NOW).slice(1, 4)).toEqual(['0/1', 'CrashLoopBackOff', '5 (5m ago)']);
  });

  it('shows a finished pod as Completed and marks the row Completed', () => {
    const p = pod({
      phase: 'Succeeded',
      containerStatuses: [{ name: 'app', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } }],
    });
    expect(pods.cells(p, NOW).slice(1, 4)).toEqual(['0/1', 'Completed', '0']);
    expect(pods.rowConditions?.(p)).toEqual([
      { type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' },
    ]);
  });

  it('reports a terminated container without reason by exit code or signal', () => {
    const exit = pod({ phase: 'Failed', containerStatuses: [{ name: 'app', state: { terminated: { exitCode: 3 } } }] });
    const signal = pod({ phase: 'Failed', containerStatuses: [{ name: 'app', state: { terminated: { exitCode: 137, signal: 9 } } }] });
    expect(pods.cells(exit, NOW)[2]).toBe('ExitCode:3');
    expect(pods.cells(signal, NOW)[2]).toBe('Signal:9');
    expect(pods.rowConditions?.(exit)).toEqual([{ type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' }]);
  });

  it('shows Terminating once a deletion timestamp is set, unless the pod already finished', () => {
    const status = {
      phase: 'Running',
      containerStatuses: [{ name: 'app', ready: true, restartCount: 0, state: running }],
    };
    expect(pods.cells(pod(status, {}, { deletionTimestamp: ago(0) }), NOW).slice(1, 3)).toEqual(['1/1', 'Terminating']);
    const done = { phase: 'Succeeded', containerStatuses: [{ name: 'app', state: { terminated: { exitCode: 0, reason: 'Completed' } } }] };
    expect(pods.cells(pod(done, {}, { deletionTimestamp: ago(0) }), NOW)[2]).toBe('Completed');
    expect(pods.cells(pod({ ...status, reason: 'NodeLost' }, {}, { deletionTimestamp: ago(0) }), NOW)[2]).toBe('Unknown');
  });

  it('shows init progress while init containers run', () => {
    const spec = { initContainers: [{ name: 'setup', image: 'busybox' }] };
    const initRunning = pod(
      {
        phase: 'Pending',
        conditions: [{ type: 'Initialized', status: 'False' }],
        initContainerStatuses: [{ name: 'setup', ready: false, restartCount: 0, state: running }],
        containerStatuses: [{ name: 'app', ready: false, restartCount: 0, state: { waiting: { reason: 'PodInitializing' } } }],
      },
      spec,
    );
    expect(pods.cells(initRunning, NOW).slice(1, 4)).toEqual(['0/1', 'Init:0/1', '0']);
  });

  it('shows failing init containers by reason', () => {
    const spec = { initContainers: [{ name: 'a', image: 'busybox' }, { name: 'b', image: 'busybox' }] };
    const crashing = pod(
      {
        phase: 'Pending',
        initContainerStatuses: [
          { name: 'a', restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } },
          { name: 'b', restartCount: 2, state: { waiting: { reason: 'CrashLoopBackOff' } } },
        ],
      },
      spec,
    );
    expect(pods.cells(crashing, NOW).slice(1, 4)).toEqual(['0/1', 'Init:CrashLoopBackOff', '2']);
    const failed = pod({ phase: 'Failed', initContainerStatuses: [{ name: 'a', state: { terminated: { exitCode: 1, reason: 'Error' } } }] }, spec);
    expect(pods.cells(failed, NOW)[2]).toBe('Init:Error');
    const second = pod(
      {
        phase: 'Pending',
        initContainerStatuses: [
          { name: 'a', state: { terminated: { exitCode: 0, reason: 'Completed' } } },
          { name: 'b', state: running },
        ],
      },
      spec,
    );
    expect(pods.cells(second, NOW)[2]).toBe('Init:1/2');
  });

  it('counts started sidecar init containers as containers', () => {
    const p = pod(
      {
        phase: 'Running',
        conditions: [{ type: 'Initialized', status: 'True' }, { type: 'Ready', status: 'True' }],
        initContainerStatuses: [{ name: 'proxy', ready: true, started: true, restartCount: 1, state: running }],
        containerStatuses: [{ name: 'app', ready: true, restartCount: 0, state: running }],
      },
      { initContainers: [{ name: 'proxy', image: 'envoy', restartPolicy: 'Always' }] },
    );
    expect(pods.cells(p, NOW).slice(1, 4)).toEqual(['2/2', 'Running', '1']);
  });

  it('shows Running or NotReady, not Completed, while another container still runs', () => {
    const withReady = (ready: string) =>
      pod(
        {
          phase: 'Running',
          conditions: [{ type: 'Ready', status: ready }],
          containerStatuses: [
            { name: 'a', ready: false, state: { terminated: { exitCode: 0, reason: 'Completed' } } },
            { name: 'b', ready: true, state: running },
          ],
        },
        { containers: [{ name: 'a' }, { name: 'b' }] },
      );
    expect(pods.cells(withReady('False'), NOW).slice(1, 3)).toEqual(['1/2', 'NotReady']);
    expect(pods.cells(withReady('True'), NOW).slice(1, 3)).toEqual(['1/2', 'Running']);
  });

  it('shows SchedulingGated and readiness gates', () => {
    const p = pod(
      {
        phase: 'Pending',
        conditions: [
          { type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' },
          { type: 'example.com/lb', status: 'True' },
        ],
      },
      { readinessGates: [{ conditionType: 'example.com/lb' }, { conditionType: 'example.com/dns' }] },
    );
    const cells = pods.cells(p, NOW);
    expect(cells[2]).toBe('SchedulingGated');
    expect(cells[8]).toBe('1/2');
  });

  it('renders <unknown> age without a creation timestamp', () => {
    const p = pod({ phase: 'Pending' }, {}, { creationTimestamp: undefined });
    expect(pods.cells(p, NOW)[4]).toBe('<unknown>');
  });
});
