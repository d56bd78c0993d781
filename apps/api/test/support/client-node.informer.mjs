// A long-running @kubernetes/client-node informer on the configmaps of namespace argv[3], against the cluster of
// kubeconfig argv[2]. It restarts itself after errors, as informer users do. Commands on stdin, one per line:
// `dump` prints the cache as one JSON line: {"objects":{name: resourceVersion}, "errors": n, "connects": n}.
import { createInterface } from 'node:readline';
import { CONNECT, CoreV1Api, ERROR, KubeConfig, makeInformer } from '@kubernetes/client-node';

const [kubeconfig, namespace] = process.argv.slice(2);
const kc = new KubeConfig();
kc.loadFromFile(kubeconfig);
const core = kc.makeApiClient(CoreV1Api);
const informer = makeInformer(kc, `/api/v1/namespaces/${namespace}/configmaps`, () => core.listNamespacedConfigMap({ namespace }));

let errors = 0;
let connects = 0;
informer.on(CONNECT, () => connects++);
informer.on(ERROR, () => {
  errors++;
  setTimeout(() => informer.start().catch(() => undefined), 200);
});

const print = (value) => process.stdout.write(JSON.stringify(value) + '\n');
await informer.start();
print({ synced: true });

for await (const line of createInterface({ input: process.stdin })) {
  if (line.trim() === 'dump') {
    const objects = Object.fromEntries(informer.list(namespace).map((o) => [o.metadata.name, o.metadata.resourceVersion]));
    print({ objects, errors, connects });
  }
  if (line.trim() === 'exit') break;
}
await informer.stop();
process.exit(0);
