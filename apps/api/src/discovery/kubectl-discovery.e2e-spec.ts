import { createBuiltinRegistry } from '@flotilla/domain';
import { Kubectl } from '../system/kubectl.harness';
import { type Harness, serveModules } from '../system/serve.harness';
import { SystemModule } from '../system/system.module';
import { READINESS, RESOURCE_REGISTRY } from '../tokens';
import { DiscoveryModule } from './discovery.module';

function columns(output: string, name: string): string[] | undefined {
  const line = output.split('\n').find((l) => l.split(/\s+/)[0] === name);
  return line?.trim().split(/\s+/);
}

describe('discovery with the real kubectl', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await serveModules(
      [SystemModule, DiscoveryModule],
      [
        { provide: RESOURCE_REGISTRY, useValue: createBuiltinRegistry() },
        { provide: READINESS, useValue: { isReady: () => true } },
      ],
    );
  });
  afterAll(() => harness.close());

  it.each([33, 29, 27])('kubectl 1.%i api-resources lists every kind with short names, group and scope', async (minor) => {
    const kubectl = new Kubectl(minor, harness.url);
    try {
      const { code, stdout, stderr } = await kubectl.run('api-resources');
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(stdout.split('\n')[0].split(/\s+/)).toEqual(['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND']);
      expect(columns(stdout, 'deployments')).toEqual(['deployments', 'deploy', 'apps/v1', 'true', 'Deployment']);
      expect(columns(stdout, 'pods')).toEqual(['pods', 'po', 'v1', 'true', 'Pod']);
      expect(columns(stdout, 'nodes')).toEqual(['nodes', 'no', 'v1', 'false', 'Node']);
      expect(columns(stdout, 'configmaps')).toEqual(['configmaps', 'cm', 'v1', 'true', 'ConfigMap']);
      const rows = stdout.trim().split('\n').length - 1;
      expect(rows).toBe(createBuiltinRegistry().all().length);

      const all = await kubectl.run('api-resources', '--categories=all', '-o', 'name');
      expect(all.stdout.split('\n')).toEqual(expect.arrayContaining(['pods', 'services', 'deployments.apps', 'replicasets.apps']));
    } finally {
      kubectl.dispose();
    }
  });

  it('kubectl 1.33 version reports the server version', async () => {
    const kubectl = new Kubectl(33, harness.url);
    try {
      const { code, stdout } = await kubectl.run('version', '-o', 'json');
      expect(code).toBe(0);
      expect(JSON.parse(stdout).serverVersion).toMatchObject({ major: '1', minor: '33', gitVersion: 'v1.33.1+flotilla' });
    } finally {
      kubectl.dispose();
    }
  });
});
