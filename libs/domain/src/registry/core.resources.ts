import type { KubeObject } from '../objects/object-meta';
import { since } from './cells/age.format';
import { containerCells } from './cells/container.format';
import { endpointsSummary } from './cells/endpoints.format';
import { nodeAddress, nodeInfo, nodeRoles, nodeStatus } from './cells/node.format';
import { bool, int, path, rec, str } from './cells/object.access';
import { podIP, podRowConditions, readinessGates, summarizePod } from './cells/pod-status.format';
import { formatLabelMap } from './cells/selector.format';
import { serviceClusterIP, serviceExternalIP, servicePorts } from './cells/service.format';
import {
  AGE_COLUMN,
  CONTAINERS_COLUMN,
  IMAGES_COLUMN,
  NAME_COLUMN,
  READ_WRITE_VERBS,
  REPLICAS_SCALE,
  age,
  column,
  defineResource,
  subresource,
  wide,
} from './resource.builder';
import type { ResourceType } from './resource-type';

const core = (kind: string) => ({ group: '', version: 'v1', kind });
const CONNECT_VERBS = ['create', 'get'];
const PROXY_VERBS = ['create', 'delete', 'get', 'patch', 'update'];

const namespaces = defineResource({
  group: '',
  version: 'v1',
  kind: 'Namespace',
  plural: 'namespaces',
  namespaced: false,
  shortNames: ['ns'],
  verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
  status: true,
  subresources: [subresource('finalize', core('Namespace'), ['update'])],
  nameFormat: 'label',
  columns: [NAME_COLUMN, column('Status', 'The status of the namespace'), AGE_COLUMN],
  cells: (ns, now) => [ns.metadata.name, str(rec(ns.status).phase), age(ns, now)],
  fieldSelectors: { 'status.phase': (ns) => str(rec(ns.status).phase) },
});

const pods = defineResource({
  group: '',
  version: 'v1',
  kind: 'Pod',
  plural: 'pods',
  namespaced: true,
  shortNames: ['po'],
  categories: ['all'],
  status: true,
  subresources: [
    subresource('attach', core('PodAttachOptions'), CONNECT_VERBS),
    subresource('binding', core('Binding'), ['create']),
    subresource('ephemeralcontainers', core('Pod'), READ_WRITE_VERBS),
    subresource('eviction', { group: 'policy', version: 'v1', kind: 'Eviction' }, ['create']),
    subresource('exec', core('PodExecOptions'), CONNECT_VERBS),
    subresource('log', core('Pod'), ['get']),
    subresource('portforward', core('PodPortForwardOptions'), CONNECT_VERBS),
    subresource('proxy', core('PodProxyOptions'), PROXY_VERBS),
  ],
  columns: [
    NAME_COLUMN,
    column('Ready', 'The aggregate readiness state of this pod for accepting traffic.'),
    column('Status', 'The aggregate status of the containers in this pod.'),
    column('Restarts', 'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.'),
    AGE_COLUMN,
    wide('IP', 'IP address allocated to the pod.'),
    wide('Node', 'The node the pod is bound to.'),
    wide('Nominated Node', 'The node the scheduler nominated for this pod while preempting.'),
    wide('Readiness Gates', 'Readiness gates of the pod that are satisfied.'),
  ],
  cells: (pod, now) => {
    const summary = summarizePod(pod, now);
    const status = rec(pod.status);
    return [
      pod.metadata.name,
      summary.ready,
      summary.status,
      summary.restarts,
      age(pod, now),
      podIP(pod) || '<none>',
      str(rec(pod.spec).nodeName) || '<none>',
      str(status.nominatedNodeName) || '<none>',
      readinessGates(pod),
    ];
  },
  rowConditions: podRowConditions,
  fieldSelectors: {
    'spec.nodeName': (pod) => str(rec(pod.spec).nodeName),
    'spec.restartPolicy': (pod) => str(rec(pod.spec).restartPolicy),
    'spec.schedulerName': (pod) => str(rec(pod.spec).schedulerName),
    'spec.serviceAccountName': (pod) => str(rec(pod.spec).serviceAccountName),
    'spec.hostNetwork': (pod) => String(bool(rec(pod.spec).hostNetwork)),
    'status.phase': (pod) => str(rec(pod.status).phase),
    'status.podIP': podIP,
    // kube-apiserver accepts this label but never fills it in its field set, so it always compares against ''.
    'status.podIPs': () => '',
    'status.nominatedNodeName': (pod) => str(rec(pod.status).nominatedNodeName),
  },
});

const nodes = defineResource({
  group: '',
  version: 'v1',
  kind: 'Node',
  plural: 'nodes',
  namespaced: false,
  shortNames: ['no'],
  status: true,
  subresources: [subresource('proxy', core('NodeProxyOptions'), PROXY_VERBS)],
  columns: [
    NAME_COLUMN,
    column('Status', 'The status of the node'),
    column('Roles', 'The roles of the node'),
    AGE_COLUMN,
    column('Version', 'Kubelet version reported by the node.'),
    wide('Internal-IP', 'The first internal IP address of the node.'),
    wide('External-IP', 'The first external IP address of the node.'),
    wide('OS-Image', 'OS image reported by the node.'),
    wide('Kernel-Version', 'Kernel version reported by the node.'),
    wide('Container-Runtime', 'Container runtime version reported by the node.'),
  ],
  cells: (node, now) => [
    node.metadata.name,
    nodeStatus(node),
    nodeRoles(node),
    age(node, now),
    str(path(node, 'status.nodeInfo').kubeletVersion),
    nodeAddress(node, 'InternalIP'),
    nodeAddress(node, 'ExternalIP'),
    nodeInfo(node, 'osImage'),
    nodeInfo(node, 'kernelVersion'),
    nodeInfo(node, 'containerRuntimeVersion'),
  ],
  fieldSelectors: { 'spec.unschedulable': (node) => String(bool(rec(node.spec).unschedulable)) },
});

const services = defineResource({
  group: '',
  version: 'v1',
  kind: 'Service',
  plural: 'services',
  namespaced: true,
  shortNames: ['svc'],
  categories: ['all'],
  status: true,
  subresources: [subresource('proxy', core('ServiceProxyOptions'), PROXY_VERBS)],
  nameFormat: 'label',
  columns: [
    NAME_COLUMN,
    column('Type', 'How the service is exposed.'),
    column('Cluster-IP', 'The cluster IP of the service.'),
    column('External-IP', 'IP addresses or host names the service is reachable at from outside the cluster.'),
    column('Port(s)', 'The ports the service exposes.'),
    AGE_COLUMN,
    wide('Selector', 'The pods the service routes traffic to.'),
  ],
  cells: (svc, now) => [
    svc.metadata.name,
    str(rec(svc.spec).type),
    serviceClusterIP(svc),
    serviceExternalIP(svc),
    servicePorts(svc),
    age(svc, now),
    formatLabelMap(rec(svc.spec).selector),
  ],
  fieldSelectors: {
    'spec.clusterIP': (svc) => str(rec(svc.spec).clusterIP),
    'spec.type': (svc) => str(rec(svc.spec).type),
  },
});

const endpoints = defineResource({
  group: '',
  version: 'v1',
  kind: 'Endpoints',
  plural: 'endpoints',
  namespaced: true,
  shortNames: ['ep'],
  columns: [NAME_COLUMN, column('Endpoints', 'The endpoints of the service.'), AGE_COLUMN],
  cells: (ep, now) => [ep.metadata.name, endpointsSummary(ep), age(ep, now)],
});

const events = defineResource({
  group: '',
  version: 'v1',
  kind: 'Event',
  plural: 'events',
  namespaced: true,
  shortNames: ['ev'],
  columns: [
    column('Last Seen', 'The time at which the most recent occurrence of this event was recorded.'),
    column('Type', 'Type of this event (Normal, Warning).'),
    column('Reason', 'Short, machine understandable reason for the event.'),
    column('Object', 'The object this event is about.'),
    wide('Subobject', 'The field of the object the event is about, if any.'),
    wide('Source', 'The component reporting this event.'),
    column('Message', 'A human-readable description of the event.'),
    wide('First Seen', 'The time at which the event was first recorded.'),
    wide('Count', 'The number of times this event has occurred.'),
    column('Name', NAME_COLUMN.description, { priority: 1, format: 'name' }),
  ],
  cells: eventCells,
  fieldSelectors: {
    'involvedObject.kind': (ev) => str(rec(ev.involvedObject).kind),
    'involvedObject.namespace': (ev) => str(rec(ev.involvedObject).namespace),
    'involvedObject.name': (ev) => str(rec(ev.involvedObject).name),
    'involvedObject.uid': (ev) => str(rec(ev.involvedObject).uid),
    'involvedObject.apiVersion': (ev) => str(rec(ev.involvedObject).apiVersion),
    'involvedObject.resourceVersion': (ev) => str(rec(ev.involvedObject).resourceVersion),
    'involvedObject.fieldPath': (ev) => str(rec(ev.involvedObject).fieldPath),
    reason: (ev) => str(ev.reason),
    reportingComponent: (ev) => str(ev.reportingComponent),
    source: (ev) => str(rec(ev.source).component) || str(ev.reportingComponent),
    type: (ev) => str(ev.type),
  },
});

function eventCells(ev: KubeObject, now: Date): unknown[] {
  const firstSeen = ev.firstTimestamp ? since(ev.firstTimestamp, now) : since(ev.eventTime, now);
  let lastSeen = ev.lastTimestamp ? since(ev.lastTimestamp, now) : firstSeen;
  let count = int(ev.count);
  if (ev.series !== undefined && ev.series !== null) {
    const series = rec(ev.series);
    lastSeen = since(series.lastObservedTime, now);
    count = int(series.count);
  } else if (count === 0) {
    count = 1;
  }
  const involved = rec(ev.involvedObject);
  const kind = str(involved.kind).toLowerCase();
  const target = str(involved.name) ? `${kind}/${str(involved.name)}` : kind;
  const source = rec(ev.source);
  const component = str(source.component) || str(ev.reportingComponent);
  const instance = str(source.host) || str(ev.reportingInstance);
  return [
    lastSeen,
    str(ev.type),
    str(ev.reason),
    target,
    str(involved.fieldPath),
    instance ? `${component}, ${instance}` : component,
    str(ev.message).trim(),
    firstSeen,
    count,
    ev.metadata.name,
  ];
}

const replicationControllers = defineResource({
  group: '',
  version: 'v1',
  kind: 'ReplicationController',
  plural: 'replicationcontrollers',
  namespaced: true,
  shortNames: ['rc'],
  categories: ['all'],
  status: true,
  scale: REPLICAS_SCALE,
  columns: [
    NAME_COLUMN,
    column('Desired', 'Number of desired pods.', { type: 'integer' }),
    column('Current', 'Number of pods the controller has created.', { type: 'integer' }),
    column('Ready', 'Number of ready pods.', { type: 'integer' }),
    AGE_COLUMN,
    CONTAINERS_COLUMN,
    IMAGES_COLUMN,
    wide('Selector', 'Label query over the pods the controller manages.'),
  ],
  cells: (rc, now) => {
    const spec = rec(rc.spec);
    const status = rec(rc.status);
    const [names, images] = containerCells(path(rc, 'spec.template.spec'));
    return [
      rc.metadata.name,
      replicas(spec.replicas),
      int(status.replicas),
      int(status.readyReplicas),
      age(rc, now),
      names,
      images,
      formatLabelMap(spec.selector),
    ];
  },
  fieldSelectors: { 'status.replicas': (rc) => String(int(rec(rc.status).replicas)) },
});

const podTemplates = defineResource({
  group: '',
  version: 'v1',
  kind: 'PodTemplate',
  plural: 'podtemplates',
  namespaced: true,
  columns: [
    NAME_COLUMN,
    column('Containers', CONTAINERS_COLUMN.description),
    column('Images', IMAGES_COLUMN.description),
    column('Pod Labels', 'The labels for the pod template.'),
  ],
  cells: (pt) => {
    const [names, images] = containerCells(path(pt, 'template.spec'));
    return [pt.metadata.name, names, images, formatLabelMap(path(pt, 'template.metadata').labels)];
  },
});

/** `spec.replicas` of a workload; the API defaults an omitted count to 1. */
export function replicas(value: unknown): number {
  return value === undefined || value === null ? 1 : int(value);
}

export const coreWorkloadResources: ResourceType[] = [
  namespaces,
  pods,
  nodes,
  services,
  endpoints,
  events,
  replicationControllers,
  podTemplates,
];
