import { readFileSync } from 'node:fs';
import { createObject, ensureNamespace } from '../support/flotilla-ops';
import type { Client } from '../support/https-client';
import { configMap } from '../support/objects';

export interface DiagnosticOptions {
  /** The measured window of each load, after `warmupSeconds` of the same load untimed. */
  seconds: number;
  warmupSeconds: number;
  /** The concurrencies a sweep runs (`clients`); the others use the first. */
  clients: number[];
  log: (line: string) => void;
}

/** Context switches on the whole machine since boot (`ctxt` in /proc/stat). */
export function contextSwitches(): number {
  const line = readFileSync('/proc/stat', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('ctxt '));
  return line ? Number(line.slice(5)) : Number.NaN;
}

/**
 * The create load's operation against Flotilla through `client`: a ~1 KB ConfigMap in `namespace` (created first if
 * missing), named `<prefix>-<client>-<seq>`, so each window's names differ by prefix.
 */
export async function configMapCreates(client: Client, namespace: string): Promise<(prefix: string) => (c: number, seq: number) => Promise<void>> {
  await ensureNamespace(client, namespace);
  return (prefix) => async (c, seq) => {
    await createObject(client, `/api/v1/namespaces/${namespace}/configmaps`, configMap(namespace, `${prefix}-${c}-${seq}`, 1024));
  };
}
