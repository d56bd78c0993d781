import { atomicList, int32, intOrString, named, obj, str } from './schema.builders';
import { labelSelectorSchema, objectMetaSchema } from './meta.schema';
import { typedLocalObjectReferenceSchema } from './volume.schema';

export const serviceBackendPortSchema = obj('v1.ServiceBackendPort', {
  name: str,
  number: int32,
});

export const ingressServiceBackendSchema = obj('v1.IngressServiceBackend', {
  name: str,
  port: serviceBackendPortSchema,
});

export const ingressBackendSchema = obj('v1.IngressBackend', {
  service: ingressServiceBackendSchema,
  resource: typedLocalObjectReferenceSchema,
});

export const ingressTLSSchema = obj('v1.IngressTLS', {
  hosts: atomicList(str),
  secretName: str,
});

export const httpIngressPathSchema = obj('v1.HTTPIngressPath', {
  path: str,
  pathType: named('v1.PathType'),
  backend: ingressBackendSchema,
});

export const httpIngressRuleValueSchema = obj('v1.HTTPIngressRuleValue', {
  paths: atomicList(httpIngressPathSchema),
});

export const ingressRuleSchema = obj('v1.IngressRule', {
  host: str,
  http: httpIngressRuleValueSchema,
});

export const ingressSpecSchema = obj('v1.IngressSpec', {
  ingressClassName: str,
  defaultBackend: ingressBackendSchema,
  tls: atomicList(ingressTLSSchema),
  rules: atomicList(ingressRuleSchema),
});

export const ingressPortStatusSchema = obj('v1.IngressPortStatus', {
  port: int32,
  protocol: named('v1.Protocol'),
  error: str,
});

export const ingressLoadBalancerIngressSchema = obj('v1.IngressLoadBalancerIngress', {
  ip: str,
  hostname: str,
  ports: atomicList(ingressPortStatusSchema),
});

export const ingressLoadBalancerStatusSchema = obj('v1.IngressLoadBalancerStatus', {
  ingress: atomicList(ingressLoadBalancerIngressSchema),
});

export const ingressStatusSchema = obj('v1.IngressStatus', {
  loadBalancer: ingressLoadBalancerStatusSchema,
});

export const ingressSchema = obj('v1.Ingress', {
  apiVersion: str,
  kind: str,
  metadata: objectMetaSchema,
  spec: ingressSpecSchema,
  status: ingressStatusSchema,
});

export const ingressClassParametersReferenceSchema = obj('v1.IngressClassParametersReference', {
  apiGroup: str,
  kind: str,
  name: str,
  scope: str,
  namespace: str,
});

export const ingressClassSpecSchema = obj('v1.IngressClassSpec', {
  controller: str,
  parameters: ingressClassParametersReferenceSchema,
});

export const ingressClassSchema = obj('v1.IngressClass', {
  apiVersion: str,
  kind: str,
  metadata: objectMetaSchema,
  spec: ingressClassSpecSchema,
});

export const networkPolicyPortSchema = obj('v1.NetworkPolicyPort', {
  protocol: named('v1.Protocol'),
  port: intOrString,
  endPort: int32,
});

export const ipBlockSchema = obj('v1.IPBlock', {
  cidr: str,
  except: atomicList(str),
});

export const networkPolicyPeerSchema = obj('v1.NetworkPolicyPeer', {
  podSelector: labelSelectorSchema,
  namespaceSelector: labelSelectorSchema,
  ipBlock: ipBlockSchema,
});

export const networkPolicyIngressRuleSchema = obj('v1.NetworkPolicyIngressRule', {
  ports: atomicList(networkPolicyPortSchema),
  from: atomicList(networkPolicyPeerSchema),
});

export const networkPolicyEgressRuleSchema = obj('v1.NetworkPolicyEgressRule', {
  ports: atomicList(networkPolicyPortSchema),
  to: atomicList(networkPolicyPeerSchema),
});

export const networkPolicySpecSchema = obj('v1.NetworkPolicySpec', {
  podSelector: labelSelectorSchema,
  ingress: atomicList(networkPolicyIngressRuleSchema),
  egress: atomicList(networkPolicyEgressRuleSchema),
  policyTypes: atomicList(named('v1.PolicyType')),
});

export const networkPolicySchema = obj('v1.NetworkPolicy', {
  apiVersion: str,
  kind: str,
  metadata: objectMetaSchema,
  spec: networkPolicySpecSchema,
});
