import { int32, named, obj, str, time } from './schema.builders';
import { objectMetaSchema } from './meta.schema';

export const leaseSpecSchema = obj('v1.LeaseSpec', {
  holderIdentity: str,
  leaseDurationSeconds: int32,
  acquireTime: time,
  renewTime: time,
  leaseTransitions: int32,
  strategy: named('v1.CoordinatedLeaseStrategy'),
  preferredHolder: str,
});

export const leaseSchema = obj('v1.Lease', {
  apiVersion: str,
  kind: str,
  metadata: objectMetaSchema,
  spec: leaseSpecSchema,
});
