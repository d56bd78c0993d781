import { int, rec } from './cells/object.access';
import { AGE_COLUMN, NAME_COLUMN, age, column, defineResource } from './resource.builder';
import type { ResourceType } from './resource-type';

function intOrString(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  return 'N/A';
}

const podDisruptionBudgets = defineResource({
  group: 'policy',
  version: 'v1',
  kind: 'PodDisruptionBudget',
  plural: 'poddisruptionbudgets',
  namespaced: true,
  shortNames: ['pdb'],
  status: true,
  columns: [
    NAME_COLUMN,
    column('Min Available', 'The minimum number of pods that must be available.'),
    column('Max Unavailable', 'The maximum number of pods that may be unavailable.'),
    column('Allowed Disruptions', 'Calculated number of pods that may be disrupted at this time.', { type: 'integer' }),
    AGE_COLUMN,
  ],
  cells: (pdb, now) => {
    const spec = rec(pdb.spec);
    return [
      pdb.metadata.name,
      intOrString(spec.minAvailable),
      intOrString(spec.maxUnavailable),
      int(rec(pdb.status).disruptionsAllowed),
      age(pdb, now),
    ];
  },
});

export const policyResources: ResourceType[] = [podDisruptionBudgets];
