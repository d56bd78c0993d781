import type { BenchContext, Comparison, Metric } from '../bench.types';
import type { Client } from './https-client';
import { forEachLimited } from './load';
import { configMap, namespace, pod } from './objects';

interface Meta {
  metadata: { resourceVersion: string; name: string };
}

export async function ensureNamespace(client: Client, name: string): Promise<void> {
  await client.json('POST', '/api/v1/namespaces', namespace(name), [201, 409]);
}

/** The store's current resourceVersion, as a list reports it. */
export async function currentResourceVersion(client: Client): Promise<number> {
  const list = await client.json<{ metadata: { resourceVersion: string } }>('GET', '/api/v1/namespaces?limit=1', undefined, 200);
  return Number(list.metadata.resourceVersion);
}

export async function createObject(client: Client, path: string, body: unknown): Promise<number> {
  const created = await client.json<Meta>('POST', path, body, 201);
  return Number(created.metadata.resourceVersion);
}

/**
 * The create load's operation against Flotilla through `client`: a ConfigMap of about `bytes` in `namespace` (created
 * first if missing), named `<prefix>-<client>-<seq>`, so each window's names differ by prefix.
 */
export async function configMapCreates(client: Client, namespace: string, bytes: number): Promise<(prefix: string) => (c: number, seq: number) => Promise<void>> {
  await ensureNamespace(client, namespace);
  const path = `/api/v1/namespaces/${namespace}/configmaps`;
  return (prefix) => async (c, seq) => {
    await createObject(client, path, configMap(namespace, `${prefix}-${c}-${seq}`, bytes));
  };
}

/** Stores `count` pods in namespace `bench-pods` once per run (the LIST and memory figures share them). */
export async function ensurePods(ctx: BenchContext): Promise<{ namespace: string; count: number }> {
  const key = 'pods';
  const existing = ctx.shared.get(key) as { namespace: string; count: number } | undefined;
  if (existing) return existing;
  const client = ctx.flotilla.client(ctx.sizes.clients);
  const ns = 'bench-pods';
  await ensureNamespace(client, ns);
  const names = Array.from({ length: ctx.sizes.pods }, (_, i) => `pod-${String(i).padStart(5, '0')}`);
  const started = Date.now();
  await forEachLimited(names, ctx.sizes.clients, async (name) => {
    await createObject(client, `/api/v1/namespaces/${ns}/pods`, pod(ns, name));
  });
  ctx.log(`stored ${names.length} pods in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const result = { namespace: ns, count: names.length };
  ctx.shared.set(key, result);
  return result;
}

/** Flotilla against one baseline metric: the ratio is always flotilla ÷ baseline. */
export function compare(ctx: Pick<BenchContext, 'baselines'>, label: string, flotilla: Metric, baseline: string, metric: string): Comparison {
  const b = ctx.baselines[baseline]?.[metric];
  if (!b) return { label, missing: 'not measured in this run' };
  return { label, baseline: b, ratio: flotilla.value / b.value };
}
