import { bool, int, str } from './cells/object.access';
import { AGE_COLUMN, NAME_COLUMN, age, column, defineResource } from './resource.builder';
import type { ResourceType } from './resource-type';

const priorityClasses = defineResource({
  group: 'scheduling.k8s.io',
  version: 'v1',
  kind: 'PriorityClass',
  plural: 'priorityclasses',
  namespaced: false,
  shortNames: ['pc'],
  columns: [
    NAME_COLUMN,
    column('Value', 'The priority of pods using this class.', { type: 'integer' }),
    column('Global-Default', 'Whether this class is the default for pods without one.', { type: 'boolean' }),
    AGE_COLUMN,
    column('PreemptionPolicy', 'Whether pods of this class may preempt lower-priority pods.'),
  ],
  cells: (pc, now) => [pc.metadata.name, int(pc.value), bool(pc.globalDefault), age(pc, now), str(pc.preemptionPolicy)],
});

export const schedulingResources: ResourceType[] = [priorityClasses];
