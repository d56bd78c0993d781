import type { KubeObject } from '../objects/object-meta';
import { containerCells } from './cells/container.format';
import { int, path, rec } from './cells/object.access';
import { formatLabelMap, formatLabelSelector, labelSelectorString } from './cells/selector.format';
import { replicas } from './core.resources';
import {
  AGE_COLUMN,
  CONTAINERS_COLUMN,
  IMAGES_COLUMN,
  NAME_COLUMN,
  REPLICAS_SCALE,
  age,
  column,
  defineResource,
  wide,
} from './resource.builder';
import type { ResourceType } from './resource-type';

const SELECTOR_COLUMN = wide('Selector', 'Label query over the pods the controller manages.');

function templateContainers(obj: KubeObject): [string, string] {
  return containerCells(path(obj, 'spec.template.spec'));
}

const deployments = defineResource({
  group: 'apps',
  version: 'v1',
  kind: 'Deployment',
  plural: 'deployments',
  namespaced: true,
  shortNames: ['deploy'],
  categories: ['all'],
  status: true,
  scale: REPLICAS_SCALE,
  columns: [
    NAME_COLUMN,
    column('Ready', 'Number of the pod with ready state'),
    column('Up-to-date', 'Total number of pods targeted by the deployment that have the desired template.'),
    column('Available', 'Total number of available pods targeted by the deployment.'),
    AGE_COLUMN,
    CONTAINERS_COLUMN,
    IMAGES_COLUMN,
    SELECTOR_COLUMN,
  ],
  cells: (deploy, now) => {
    const status = rec(deploy.status);
    const [names, images] = templateContainers(deploy);
    return [
      deploy.metadata.name,
      `${int(status.readyReplicas)}/${replicas(rec(deploy.spec).replicas)}`,
      int(status.updatedReplicas),
      int(status.availableReplicas),
      age(deploy, now),
      names,
      images,
      labelSelectorString(rec(deploy.spec).selector) ?? '<invalid>',
    ];
  },
});

const replicaSets = defineResource({
  group: 'apps',
  version: 'v1',
  kind: 'ReplicaSet',
  plural: 'replicasets',
  namespaced: true,
  shortNames: ['rs'],
  categories: ['all'],
  status: true,
  scale: REPLICAS_SCALE,
  columns: [
    NAME_COLUMN,
    column('Desired', 'Number of desired pods.', { type: 'integer' }),
    column('Current', 'Number of pods the replica set has created.', { type: 'integer' }),
    column('Ready', 'Number of ready pods.', { type: 'integer' }),
    AGE_COLUMN,
    CONTAINERS_COLUMN,
    IMAGES_COLUMN,
    SELECTOR_COLUMN,
  ],
  cells: (rs, now) => {
    const status = rec(rs.status);
    const [names, images] = templateContainers(rs);
    return [
      rs.metadata.name,
      replicas(rec(rs.spec).replicas),
      int(status.replicas),
      int(status.readyReplicas),
      age(rs, now),
      names,
      images,
      formatLabelSelector(rec(rs.spec).selector),
    ];
  },
  fieldSelectors: { 'status.replicas': (rs) => String(int(rec(rs.status).replicas)) },
});

const daemonSets = defineResource({
  group: 'apps',
  version: 'v1',
  kind: 'DaemonSet',
  plural: 'daemonsets',
  namespaced: true,
  shortNames: ['ds'],
  categories: ['all'],
  status: true,
  columns: [
    NAME_COLUMN,
    column('Desired', 'Number of nodes that should run the daemon pod.', { type: 'integer' }),
    column('Current', 'Number of nodes running at least one daemon pod.', { type: 'integer' }),
    column('Ready', 'Number of nodes with a ready daemon pod.', { type: 'integer' }),
    column('Up-to-date', 'Number of nodes running the updated daemon pod.', { type: 'integer' }),
    column('Available', 'Number of nodes with an available daemon pod.', { type: 'integer' }),
    column('Node Selector', 'The node selector of the pod template.'),
    AGE_COLUMN,
    CONTAINERS_COLUMN,
    IMAGES_COLUMN,
    SELECTOR_COLUMN,
  ],
  cells: (ds, now) => {
    const status = rec(ds.status);
    const [names, images] = templateContainers(ds);
    return [
      ds.metadata.name,
      int(status.desiredNumberScheduled),
      int(status.currentNumberScheduled),
      int(status.numberReady),
      int(status.updatedNumberScheduled),
      int(status.numberAvailable),
      formatLabelMap(path(ds, 'spec.template.spec').nodeSelector),
      age(ds, now),
      names,
      images,
      formatLabelSelector(rec(ds.spec).selector),
    ];
  },
});

const statefulSets = defineResource({
  group: 'apps',
  version: 'v1',
  kind: 'StatefulSet',
  plural: 'statefulsets',
  namespaced: true,
  shortNames: ['sts'],
  categories: ['all'],
  status: true,
  scale: REPLICAS_SCALE,
  columns: [NAME_COLUMN, column('Ready', 'Number of the pod with ready state'), AGE_COLUMN, CONTAINERS_COLUMN, IMAGES_COLUMN],
  cells: (sts, now) => {
    const [names, images] = templateContainers(sts);
    return [
      sts.metadata.name,
      `${int(rec(sts.status).readyReplicas)}/${replicas(rec(sts.spec).replicas)}`,
      age(sts, now),
      names,
      images,
    ];
  },
});

const controllerRevisions = defineResource({
  group: 'apps',
  version: 'v1',
  kind: 'ControllerRevision',
  plural: 'controllerrevisions',
  namespaced: true,
  columns: [
    NAME_COLUMN,
    column('Controller', 'Controller of the object'),
    column('Revision', 'Revision indicates the revision of the state represented by Data.'),
    AGE_COLUMN,
  ],
  cells: (cr, now) => [cr.metadata.name, controllerName(cr), int(cr.revision), age(cr, now)],
});

/** `kind.group/name` of the controlling owner, lower case (`statefulset.apps/web`); `<none>` without one. */
function controllerName(obj: KubeObject): string {
  const owner = (obj.metadata.ownerReferences ?? []).find((ref) => ref.controller === true);
  if (!owner) return '<none>';
  const slash = owner.apiVersion.indexOf('/');
  const group = slash >= 0 ? owner.apiVersion.slice(0, slash) : '';
  if (!group && !owner.kind) return owner.name;
  const groupKind = group ? `${owner.kind}.${group}` : owner.kind;
  return `${groupKind.toLowerCase()}/${owner.name}`;
}

export const appsResources: ResourceType[] = [deployments, replicaSets, daemonSets, statefulSets, controllerRevisions];
