// Runs @kubernetes/client-node (ESM-only, which jest on Node 20 cannot load) in its own Node process against the
// cluster of the kubeconfig given as argv[2], in namespace argv[3], and prints what it observed as one JSON document.
import { ADD, AppsV1Api, CoreV1Api, DELETE, KubeConfig, PatchStrategy, UPDATE, makeInformer, setHeaderOptions } from '@kubernetes/client-node';

const [kubeconfig, namespace] = process.argv.slice(2);
const kc = new KubeConfig();
kc.loadFromFile(kubeconfig);
const core = kc.makeApiClient(CoreV1Api);
const apps = kc.makeApiClient(AppsV1Api);

async function eventually(events, predicate, timeoutMs = 10_000) {
  const started = Date.now();
  for (;;) {
    const found = events.find(predicate);
    if (found) return found;
    if (Date.now() - started > timeoutMs) throw new Error(`no matching event among ${JSON.stringify(events)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function settle(promise) {
  try {
    return { value: await promise };
  } catch (e) {
    return { error: { code: e.code, body: typeof e.body === 'string' ? JSON.parse(e.body) : e.body } };
  }
}

const report = {};
await core.createNamespace({ body: { metadata: { name: namespace } } });

report.created = await core.createNamespacedConfigMap({ namespace, body: { metadata: { name: 'cfg', labels: { app: 'demo' } }, data: { a: '1' } } });
report.list = await core.listNamespacedConfigMap({ namespace, labelSelector: 'app=demo' });
report.mergePatched = await core.patchNamespacedConfigMap(
  { name: 'cfg', namespace, body: { data: { b: '2', a: null } } },
  setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
);
report.deleted = await core.deleteNamespacedConfigMap({ name: 'cfg', namespace });
report.readAfterDelete = await settle(core.readNamespacedConfigMap({ name: 'cfg', namespace }));

await apps.createNamespacedDeployment({
  namespace,
  body: {
    metadata: { name: 'web' },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.26' }, { name: 'sidecar', image: 'busybox' }] } },
    },
  },
});
report.strategicPatched = await apps.patchNamespacedDeployment(
  { name: 'web', namespace, body: { spec: { replicas: 2, template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } } } },
  setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch),
);

const seen = [];
const errors = [];
const informer = makeInformer(kc, `/api/v1/namespaces/${namespace}/configmaps`, () => core.listNamespacedConfigMap({ namespace }));
const record = (type) => (obj) => seen.push({ type, name: obj.metadata?.name, value: obj.data?.v });
informer.on(ADD, record(ADD));
informer.on(UPDATE, record(UPDATE));
informer.on(DELETE, record(DELETE));
informer.on('error', (e) => errors.push(String(e)));
await informer.start();
try {
  await core.createNamespacedConfigMap({ namespace, body: { metadata: { name: 'watched' }, data: { v: '1' } } });
  await eventually(seen, (e) => e.type === ADD && e.name === 'watched');
  await core.replaceNamespacedConfigMap({ name: 'watched', namespace, body: { metadata: { name: 'watched' }, data: { v: '2' } } });
  await eventually(seen, (e) => e.type === UPDATE && e.value === '2');
  await core.deleteNamespacedConfigMap({ name: 'watched', namespace });
  await eventually(seen, (e) => e.type === DELETE && e.name === 'watched');
  report.informer = { events: seen.filter((e) => e.name === 'watched'), errors: [...errors], cached: informer.list(namespace).map((o) => o.metadata?.name) };
} catch (e) {
  report.informer = { failed: String(e), events: seen, errors };
} finally {
  await informer.stop();
}

process.stdout.write(JSON.stringify(report));
process.exit(0);
