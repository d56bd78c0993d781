import { join } from 'node:path';
import { dump } from 'js-yaml';
import { writeFileAtomic } from './private-file';

export interface KubeconfigInput {
  /** e.g. https://127.0.0.1:6443 */
  server: string;
  caCertPem: string;
  token: string;
}

export const KUBECONFIG_NAME = 'flotilla';

export function kubeconfigPath(dataDir: string): string {
  return join(dataDir, 'kubeconfig');
}

export function renderKubeconfig({ server, caCertPem, token }: KubeconfigInput): string {
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name: KUBECONFIG_NAME,
        cluster: { server, 'certificate-authority-data': Buffer.from(caCertPem).toString('base64') },
      },
    ],
    users: [{ name: KUBECONFIG_NAME, user: { token } }],
    contexts: [{ name: KUBECONFIG_NAME, context: { cluster: KUBECONFIG_NAME, user: KUBECONFIG_NAME } }],
    'current-context': KUBECONFIG_NAME,
    preferences: {},
  };
  return dump(config, { lineWidth: -1 });
}

/** Writes `$dataDir/kubeconfig` (mode 0600, it holds the admin token) and returns its path. */
export async function writeKubeconfig(dataDir: string, input: KubeconfigInput): Promise<string> {
  const path = kubeconfigPath(dataDir);
  await writeFileAtomic(path, renderKubeconfig(input), 0o600);
  return path;
}
