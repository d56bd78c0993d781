import { type KubectlVersion, useHarness } from '../../../test/support/api-harness';
import { ok, parseTable } from './support/kubectl-output';

const CLIENT_VERSIONS: Record<string, string> = { '1.33': 'v1.33.1', '1.32': 'v1.32.5', '1.29': 'v1.29.14', '1.27': 'v1.27.16' };

describe('kubectl version, api-resources and cluster-info', () => {
  const harness = useHarness();

  describe.each(['1.33', '1.32', '1.29', '1.27'] as KubectlVersion[])('kubectl %s', (version) => {
    const kubectl = (...args: string[]) => harness.kubectl(version, args);

    it('version prints the client and the server version', async () => {
      const result = await kubectl('version');
      expect(result.code).toBe(0);
      const client = CLIENT_VERSIONS[version].replace(/\./g, '\\.');
      expect(result.stdout).toMatch(/^Kustomize Version: v\d+\.\d+\.\d+\S*$/m);
      if (version === '1.27') {
        // 1.27 still prints the whole version.Info structs by default.
        expect(result.stdout).toMatch(new RegExp(`^Client Version: version\\.Info\\{Major:"1", Minor:"27", GitVersion:"${client}"`, 'm'));
        expect(result.stdout).toMatch(/^Server Version: version\.Info\{Major:"1", Minor:"33", GitVersion:"v1\.33\.\d+(\+[\w.-]+)?"/m);
      } else {
        expect(result.stdout).toMatch(new RegExp(`^Client Version: ${client}$`, 'm'));
        expect(result.stdout).toMatch(/^Server Version: v1\.33\.\d+(\+[\w.-]+)?$/m);
      }
      // Only clients more than one minor version away warn about the skew.
      if (version === '1.33' || version === '1.32') expect(result.stderr).toBe('');
      else expect(result.stderr).toMatch(/^WARNING: version difference between client \(1\.(29|27)\) and server \(1\.33\) exceeds the supported minor version skew of \+\/-1$/m);
    });

    it('version -o json carries the server version.Info', async () => {
      const result = await kubectl('version', '-o', 'json');
      expect(result.code).toBe(0);
      const info = JSON.parse(result.stdout) as { serverVersion: Record<string, string> };
      expect(info.serverVersion).toMatchObject({ major: '1', minor: '33', platform: expect.stringMatching(/^\w+\/\w+$/) });
      expect(info.serverVersion.gitVersion).toMatch(/^v1\.33\.\d+/);
    });

    it('api-resources lists the built-in kinds with short names, group version and scope', async () => {
      const stdout = ok(await kubectl('api-resources'));
      const lines = stdout.split('\n');
      expect(lines[0]).toMatch(/^NAME\s+SHORTNAMES\s+APIVERSION\s+NAMESPACED\s+KIND$/);
      for (const row of [
        'configmaps cm v1 true ConfigMap',
        'namespaces ns v1 false Namespace',
        'nodes no v1 false Node',
        'pods po v1 true Pod',
        'secrets v1 true Secret',
        'services svc v1 true Service',
        'deployments deploy apps/v1 true Deployment',
        'replicasets rs apps/v1 true ReplicaSet',
        'statefulsets sts apps/v1 true StatefulSet',
        'jobs batch/v1 true Job',
        'cronjobs cj batch/v1 true CronJob',
        'ingresses ing networking.k8s.io/v1 true Ingress',
        'clusterroles rbac.authorization.k8s.io/v1 false ClusterRole',
      ]) {
        expect(lines.map((l) => l.trim().split(/\s+/).join(' '))).toContain(row);
      }
    });

    it('api-resources --api-group=apps -o name lists only that group', async () => {
      const names = ok(await kubectl('api-resources', '--api-group=apps', '-o', 'name')).trim().split('\n');
      expect(names).toEqual(expect.arrayContaining(['deployments.apps', 'replicasets.apps', 'statefulsets.apps', 'daemonsets.apps']));
      expect(names.every((n) => n.endsWith('.apps'))).toBe(true);
    });

    it('api-resources -o wide shows verbs and categories', async () => {
      const rows = parseTable(ok(await kubectl('api-resources', '-o', 'wide', '--api-group=apps')));
      expect(rows[0]).toEqual(['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', 'VERBS', 'CATEGORIES']);
      expect(rows).toContainEqual(['deployments', 'deploy', 'apps/v1', 'true', 'Deployment', 'create,delete,deletecollection,get,list,patch,update,watch', 'all']);
    });

    it('cluster-info prints the control plane address', async () => {
      // Before 1.31 kubectl colours this output even when it is not a terminal.
      const stdout = ok(await kubectl('cluster-info')).replace(/\x1b\[[0-9;]*m/g, '');
      expect(stdout).toBe(
        `Kubernetes control plane is running at ${harness.server.url}\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n`,
      );
    });
  });
});
