import { atomicList, obj, str } from './schema.builders';
import { labelSelectorSchema, objectMetaSchema } from './meta.schema';

export const policyRuleSchema = obj('v1.PolicyRule', {
  verbs: atomicList(str),
  apiGroups: atomicList(str),
  resources: atomicList(str),
  resourceNames: atomicList(str),
  nonResourceURLs: atomicList(str),
});

export const roleSchema = obj('v1.Role', {
  apiVersion: str,
  kind: str,
  metadata: objectMetaSchema,
  rules: atomicList(policyRuleSchema),
});

export const subjectSchema = obj('v1.Subject', {
  kind: str,
  apiGroup: str,
  name: str,
  namespace: str,
});

export const roleRefSchema = obj('v1.RoleRef', {
  apiGroup: str,
  kind: str,
  name: str,
});

export const roleBindingSchema = obj('v1.RoleBinding', {
  apiVersion: str,
  kind: str,
  metadata: objectMetaSchema,
  subjects: atomicList(subjectSchema),
  roleRef: roleRefSchema,
});

export const aggregationRuleSchema = obj('v1.AggregationRule', {
  clusterRoleSelectors: atomicList(labelSelectorSchema),
});

export const clusterRoleSchema = obj('v1.ClusterRole', {
  apiVersion: str,
  kind: str,
  metadata: objectMetaSchema,
  rules: atomicList(policyRuleSchema),
  aggregationRule: aggregationRuleSchema,
});

export const clusterRoleBindingSchema = obj('v1.ClusterRoleBinding', {
  apiVersion: str,
  kind: str,
  metadata: objectMetaSchema,
  subjects: atomicList(subjectSchema),
  roleRef: roleRefSchema,
});
