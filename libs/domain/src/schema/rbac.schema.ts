import { arr, obj, str } from './schema.builders';
import { labelSelectorSchema, objectMetaSchema } from './meta.schema';

export const policyRuleSchema = obj('v1.PolicyRule', {
  verbs: arr(str, { listType: 'atomic' }),
  apiGroups: arr(str, { listType: 'atomic' }),
  resources: arr(str, { listType: 'atomic' }),
  resourceNames: arr(str, { listType: 'atomic' }),
  nonResourceURLs: arr(str, { listType: 'atomic' }),
});

export const roleSchema = obj('v1.Role', {
  apiVersion: str,
  kind: str,
  metadata: objectMetaSchema,
  rules: arr(policyRuleSchema, { listType: 'atomic' }),
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
  subjects: arr(subjectSchema, { listType: 'atomic' }),
  roleRef: roleRefSchema,
});

export const aggregationRuleSchema = obj('v1.AggregationRule', {
  clusterRoleSelectors: arr(labelSelectorSchema, { listType: 'atomic' }),
});

export const clusterRoleSchema = obj('v1.ClusterRole', {
  apiVersion: str,
  kind: str,
  metadata: objectMetaSchema,
  rules: arr(policyRuleSchema, { listType: 'atomic' }),
  aggregationRule: aggregationRuleSchema,
});

export const clusterRoleBindingSchema = obj('v1.ClusterRoleBinding', {
  apiVersion: str,
  kind: str,
  metadata: objectMetaSchema,
  subjects: arr(subjectSchema, { listType: 'atomic' }),
  roleRef: roleRefSchema,
});
