import { rec, str } from './cells/object.access';
import { AGE_COLUMN, NAME_COLUMN, age, column, defineResource } from './resource.builder';
import type { ResourceType } from './resource-type';

const leases = defineResource({
  group: 'coordination.k8s.io',
  version: 'v1',
  kind: 'Lease',
  plural: 'leases',
  namespaced: true,
  columns: [NAME_COLUMN, column('Holder', 'The identity of the current holder of the lease.'), AGE_COLUMN],
  cells: (lease, now) => [lease.metadata.name, str(rec(lease.spec).holderIdentity), age(lease, now)],
});

export const coordinationResources: ResourceType[] = [leases];
