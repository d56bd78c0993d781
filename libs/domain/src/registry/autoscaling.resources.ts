import { hpaTargets } from './cells/hpa.format';
import { int, rec, str } from './cells/object.access';
import { AGE_COLUMN, NAME_COLUMN, age, column, defineResource } from './resource.builder';
import type { ResourceType } from './resource-type';

const horizontalPodAutoscalers = defineResource({
  group: 'autoscaling',
  version: 'v2',
  kind: 'HorizontalPodAutoscaler',
  plural: 'horizontalpodautoscalers',
  namespaced: true,
  shortNames: ['hpa'],
  categories: ['all'],
  status: true,
  columns: [
    NAME_COLUMN,
    column('Reference', 'The scaled resource.'),
    column('Targets', 'Current and target values of the metrics.'),
    column('MinPods', 'The lower limit for the number of replicas.'),
    column('MaxPods', 'The upper limit for the number of replicas.'),
    column('Replicas', 'Current number of replicas.'),
    AGE_COLUMN,
  ],
  cells: (hpa, now) => {
    const spec = rec(hpa.spec);
    const target = rec(spec.scaleTargetRef);
    return [
      hpa.metadata.name,
      `${str(target.kind)}/${str(target.name)}`,
      hpaTargets(hpa),
      typeof spec.minReplicas === 'number' ? String(int(spec.minReplicas)) : '<unset>',
      int(spec.maxReplicas),
      int(rec(hpa.status).currentReplicas),
      age(hpa, now),
    ];
  },
});

export const autoscalingResources: ResourceType[] = [horizontalPodAutoscalers];
