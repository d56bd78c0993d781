import { atomicList, bool, int32, mapOf, named, obj, setList, str } from './schema.builders';
import { objectMetaSchema } from './meta.schema';
import { objectReferenceSchema } from './volume.schema';

export const endpointConditionsSchema = obj('v1.EndpointConditions', {
  ready: bool,
  serving: bool,
  terminating: bool,
});

export const forZoneSchema = obj('v1.ForZone', {
  name: str,
});

export const forNodeSchema = obj('v1.ForNode', {
  name: str,
});

export const endpointHintsSchema = obj('v1.EndpointHints', {
  forZones: atomicList(forZoneSchema),
  forNodes: atomicList(forNodeSchema),
});

export const endpointSchema = obj('v1.Endpoint', {
  addresses: setList(str),
  conditions: endpointConditionsSchema,
  hostname: str,
  targetRef: objectReferenceSchema,
  deprecatedTopology: mapOf(str),
  nodeName: str,
  zone: str,
  hints: endpointHintsSchema,
});

export const discoveryEndpointPortSchema = obj('v1.EndpointPort', {
  name: str,
  protocol: named('v1.Protocol'),
  port: int32,
  appProtocol: str,
});

export const endpointSliceSchema = obj('v1.EndpointSlice', {
  apiVersion: str,
  kind: str,
  metadata: objectMetaSchema,
  addressType: named('v1.AddressType'),
  endpoints: atomicList(endpointSchema),
  ports: atomicList(discoveryEndpointPortSchema),
});
