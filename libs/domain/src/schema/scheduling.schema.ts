import { bool, int32, named, obj, str } from './schema.builders';
import { objectMetaSchema } from './meta.schema';

export const priorityClassSchema = obj('v1.PriorityClass', {
  apiVersion: str,
  kind: str,
  metadata: objectMetaSchema,
  value: int32,
  globalDefault: bool,
  description: str,
  preemptionPolicy: named('v1.PreemptionPolicy'),
});
