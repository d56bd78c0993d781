import { createBuiltinRegistry, toRevision, type KubeObject } from '@flotilla/domain';
import { encodeHistoryContinue, parseHistoryListOptions } from './history.query';

const registry = createBuiltinRegistry();

function revision(overrides: { resource?: string; group?: string; type?: 'ADDED' | 'MODIFIED'; fieldManager?: string }): KubeObject {
  return toRevision({
    resourceVersion: 5,
    type: overrides.type ?? 'MODIFIED',
    group: overrides.group ?? 'apps',
    resource: overrides.resource ?? 'deployments',
    namespace: 'shop',
    name: 'web',
    uid: 'u',
    object: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' } },
    time: new Date(0),
    actor: 'admin',
    fieldManager: overrides.fieldManager ?? 'kubectl-edit',
    prevResourceVersion: 4,
    prevObject: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' } },
  });
}

describe('parseHistoryListOptions', () => {
  it('takes the object from query parameters', () => {
    const o = parseHistoryListOptions(registry, { group: 'apps', resource: 'deployments', name: 'web' });
    expect([o.group, o.resource, o.name, o.limit, o.continueFrom]).toEqual(['apps', 'deployments', 'web', 0, undefined]);
  });

  it('takes the object from target.* field selector terms, resolving typed resource names', () => {
    for (const typed of ['deployments.apps', 'deploy', 'deployment', 'deployments']) {
      const o = parseHistoryListOptions(registry, { fieldSelector: `target.resource=${typed},target.name=web` });
      expect([o.group, o.resource, o.name]).toEqual(['apps', 'deployments', 'web']);
    }
    const pods = parseHistoryListOptions(registry, { fieldSelector: 'target.resource==po' });
    expect([pods.group, pods.resource]).toEqual(['', 'pods']);
    const unknown = parseHistoryListOptions(registry, { resource: 'widgets', group: 'example.com' });
    expect([unknown.group, unknown.resource]).toEqual(['example.com', 'widgets']);
  });

  it('matches the remaining terms on each revision', () => {
    const o = parseHistoryListOptions(registry, { fieldSelector: 'type=MODIFIED,fieldManager!=kubectl-set' });
    expect(o.matches(revision({}))).toBe(true);
    expect(o.matches(revision({ type: 'ADDED' }))).toBe(false);
    expect(o.matches(revision({ fieldManager: 'kubectl-set' }))).toBe(false);
  });

  it('matches nothing when a parameter and a selector term disagree', () => {
    const o = parseHistoryListOptions(registry, { name: 'web', fieldSelector: 'target.name=api' });
    expect(o.name).toBe('web');
    expect(o.matches(revision({}))).toBe(false);
  });

  it('refuses unknown selector fields, bad limits and foreign continue tokens', () => {
    expect(() => parseHistoryListOptions(registry, { fieldSelector: 'spec.replicas=1' })).toThrow('field label not supported: spec.replicas');
    expect(() => parseHistoryListOptions(registry, { limit: 'ten' })).toThrow('invalid value for limit: "ten": must be an integer');
    expect(() => parseHistoryListOptions(registry, { continue: 'bm9wZQ' })).toThrow(
      'continue key is not valid: incorrect encoded start resourceVersion (version history.flotilla.dev/v1)',
    );
  });

  it('round-trips continue tokens', () => {
    const o = parseHistoryListOptions(registry, { limit: '2', continue: encodeHistoryContinue({ upto: 90, after: 41 }) });
    expect([o.limit, o.continueFrom]).toEqual([2, { upto: 90, after: 41 }]);
  });
});
