import { rec, records, str } from './object.access';

/** Container names and images of a pod spec, each joined with commas (upstream `layoutContainerCells`). */
export function containerCells(podSpec: unknown): [string, string] {
  const containers = records(rec(podSpec).containers);
  return [containers.map((c) => str(c.name)).join(','), containers.map((c) => str(c.image)).join(',')];
}
