import { Logger } from '@nestjs/common';
import { loadSettings } from '@flotilla/persistence';
import { RoleRegistry, type RoleRunner } from './role-registry';

function runner(name: string, log: string[]): RoleRunner {
  return {
    name,
    start: async () => void log.push(`start ${name}`),
    stop: async () => void log.push(`stop ${name}`),
  };
}

describe(RoleRegistry.name, () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('starts only the runners of enabled roles, in role order, and stops them in reverse', async () => {
    const log: string[] = [];
    const registry = new RoleRegistry(loadSettings({ FLOTILLA_WORKER_ROLES: 'kubelet,controllers' }, '/'));
    registry.register('kubelet', runner('kubelet-agent', log));
    registry.register('scheduler', runner('scheduler', log));
    registry.register('controllers', runner('deployment-controller', log));
    registry.register('controllers', runner('replicaset-controller', log));

    expect(registry.plan()).toEqual([
      { role: 'controllers', runners: ['deployment-controller', 'replicaset-controller'] },
      { role: 'kubelet', runners: ['kubelet-agent'] },
    ]);
    expect(registry.isEnabled('scheduler')).toBe(false);

    await registry.startAll();
    expect(log).toEqual(['start deployment-controller', 'start replicaset-controller', 'start kubelet-agent']);
    expect(() => registry.register('dispatcher', runner('late', log))).toThrow('Role runner late registered after start');

    log.length = 0;
    await registry.onModuleDestroy();
    expect(log).toEqual(['stop kubelet-agent', 'stop replicaset-controller', 'stop deployment-controller']);
  });

  it('plans every role with no runners when all roles are enabled and none registered', () => {
    const registry = new RoleRegistry(loadSettings({}, '/'));
    expect(registry.plan()).toEqual([
      { role: 'controllers', runners: [] },
      { role: 'scheduler', runners: [] },
      { role: 'kubelet', runners: [] },
      { role: 'dispatcher', runners: [] },
    ]);
  });
});
