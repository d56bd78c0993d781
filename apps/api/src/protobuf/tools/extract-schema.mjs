// Regenerates kube-messages.schema.ts from the Go API types (struct tags carry the protobuf field numbers).
// Usage (from this folder): node extract-schema.mjs <kubernetes/api checkout> <kubernetes/apimachinery checkout> > ../kube-messages.schema.ts
// The committed schema was generated from the v0.36.3 tags of both repositories.
import fs from 'node:fs';
import path from 'node:path';

const [apiDir, machineryDir] = process.argv.slice(2);
const packages = {
  'core.v1': path.join(apiDir, 'core/v1/types.go'),
  'apps.v1': path.join(apiDir, 'apps/v1/types.go'),
  'batch.v1': path.join(apiDir, 'batch/v1/types.go'),
  'rbac.v1': path.join(apiDir, 'rbac/v1/types.go'),
  'scheduling.v1': path.join(apiDir, 'scheduling/v1/types.go'),
  'networking.v1': path.join(apiDir, 'networking/v1/types.go'),
  'policy.v1': path.join(apiDir, 'policy/v1/types.go'),
  'authentication.v1': path.join(apiDir, 'authentication/v1/types.go'),
  'autoscaling.v1': path.join(apiDir, 'autoscaling/v1/types.go'),
  'meta.v1': path.join(machineryDir, 'pkg/apis/meta/v1/types.go'),
};
const roots = [
  'core.v1.ConfigMap', 'core.v1.Secret', 'core.v1.Namespace', 'core.v1.Service', 'core.v1.ServiceAccount',
  'core.v1.ResourceQuota', 'core.v1.Pod', 'core.v1.LimitRange', 'core.v1.PersistentVolumeClaim', 'core.v1.Endpoints',
  'apps.v1.Deployment', 'apps.v1.ReplicaSet', 'apps.v1.StatefulSet', 'apps.v1.DaemonSet',
  'batch.v1.Job', 'batch.v1.CronJob',
  'rbac.v1.Role', 'rbac.v1.RoleBinding', 'rbac.v1.ClusterRole', 'rbac.v1.ClusterRoleBinding',
  'scheduling.v1.PriorityClass', 'networking.v1.Ingress', 'networking.v1.IngressClass', 'networking.v1.NetworkPolicy',
  'policy.v1.PodDisruptionBudget', 'authentication.v1.TokenRequest', 'autoscaling.v1.Scale',
];
const wrappers = { 'meta.v1.Time': 1, 'meta.v1.MicroTime': 1, 'meta.v1.Duration': 1, 'meta.v1.FieldsV1': 1,
  'intstr.IntOrString': 1, 'resource.Quantity': 1, 'runtime.RawExtension': 1 };
const scalars = new Set(['string', 'int32', 'int64', 'bool', 'float64', 'byte']);

const structs = {};
const named = {};
for (const [pkg, file] of Object.entries(packages)) {
  const src = fs.readFileSync(file, 'utf8');
  const aliases = {};
  for (const m of src.matchAll(/^\s*(\w+)?\s*"(k8s\.io\/[^"]+)"/gm)) {
    const p = m[2];
    let target = p.startsWith('k8s.io/api/') ? p.slice('k8s.io/api/'.length).replace('/', '.') : p.endsWith('/meta/v1') ? 'meta.v1' : p.split('/').pop();
    aliases[m[1] ?? p.split('/').pop()] = target;
  }
  const qualify = (t) => {
    const m = /^(\*|\[\])?(?:(\w+)\.)?(\w+)$/.exec(t);
    if (!m) return t;
    if (!m[2] && scalars.has(m[3])) return t;
    return (m[1] ?? '') + (m[2] ? aliases[m[2]] ?? m[2] : pkg) + '.' + m[3];
  };
  for (const m of src.matchAll(/^type (\w+) struct \{\n([\s\S]*?)^\}/gm)) {
    const fields = [];
    for (const line of m[2].split('\n')) {
      const f = /^\s*(?:(\w+)\s+)?([\w.*[\]]+)\s+`([^`]*)`/.exec(line);
      if (!f || line.trim().startsWith('//')) continue;
      const tags = Object.fromEntries([...f[3].matchAll(/(\w+):"([^"]*)"/g)].map((t) => [t[1], t[2]]));
      if (!tags.protobuf || tags.protobuf === '-') continue;
      const [jsonName, ...jsonOpts] = (tags.json ?? '').split(',');
      const pb = tags.protobuf.split(',');
      let goType = f[2];
      const mapM = /^map\[([\w.]+)\](.+)$/.exec(goType);
      if (mapM) goType = `map[${qualify(mapM[1])}]${qualify(mapM[2])}`;
      else goType = qualify(goType.replace(/^\[\]\*/, '[]'));
      // An embedded struct without a JSON name is flattened by encoding/json, like an explicit inline.
      const embedded = !f[1];
      const protoName = /name=(\w+)/.exec(tags.protobuf)?.[1] ?? f[2].replace(/^\w/, (c) => c.toLowerCase());
      fields.push({ json: jsonName, num: Number(pb[1]), goType, protoName,
        omitempty: jsonOpts.includes('omitempty'), omitzero: jsonOpts.includes('omitzero'),
        inline: jsonOpts.includes('inline') || (embedded && jsonName === '') });
    }
    structs[`${pkg}.${m[1]}`] = fields;
  }
  for (const m of src.matchAll(/^type (\w+) (?:= )?([\w.[\]*]+(?:\][\w.]+)?)\s*$/gm)) {
    if (m[2] === 'struct' || m[2] === 'interface') continue;
    const mm = /^map\[([\w.]+)\](.+)$/.exec(m[2]);
    named[`${pkg}.${m[1]}`] = mm ? `map[${qualify(mm[1])}]${qualify(mm[2])}` : qualify(m[2]);
  }
}
named['types.UID'] = 'string';

function resolve(t) {
  const prefix = /^(\*|\[\])?/.exec(t)[0];
  let base = t.slice(prefix.length);
  if (base.startsWith('map[')) {
    const mm = /^map\[([\w.]+)\](.+)$/.exec(base);
    return `${prefix}map[${resolve(mm[1])}]${resolve(mm[2])}`;
  }
  while (named[base] && !structs[base] && !wrappers[base]) {
    const r = named[base];
    if (r.startsWith('[]') || r.startsWith('map[')) return prefix + resolve(r);
    base = r;
  }
  return prefix + base;
}

const out = {};
const queue = [...roots];
while (queue.length) {
  const name = queue.shift();
  if (out[name] || wrappers[name]) continue;
  const fields = structs[name];
  if (!fields) throw new Error(`unknown struct ${name}`);
  out[name] = fields.map((f) => {
    const goType = resolve(f.goType);
    for (const ref of goType.match(/[a-z0-9]+\.v\d\w*\.\w+|intstr\.\w+|resource\.\w+|runtime\.\w+/g) ?? []) {
      if (!out[ref] && !wrappers[ref]) queue.push(ref);
    }
    return { ...f, goType };
  });
}

const lines = [];
lines.push('/**');
lines.push(' * Field facts of the Kubernetes API types that Flotilla decodes from protobuf request bodies, written by');
lines.push(' * tools/extract-schema.mjs from the Go struct tags. Per JSON field name (the proto field name for inline');
lines.push(' * structs): `<proto field number> <Go type> [omitempty] [omitzero] [inline]`.');
lines.push(' */');
lines.push('export const KUBE_MESSAGES: Record<string, Record<string, string>> = {');
for (const name of Object.keys(out).sort()) {
  lines.push(`  '${name}': {`);
  for (const f of out[name]) {
    const key = f.inline ? f.protoName : f.json;
    const flags = [f.omitempty && 'omitempty', f.omitzero && 'omitzero', f.inline && 'inline'].filter(Boolean);
    const k = /^\w+$/.test(key) ? key : `'${key}'`;
    lines.push(`    ${k}: '${[f.num, f.goType, ...flags].join(' ')}',`);
  }
  lines.push('  },');
}
lines.push('};');
process.stdout.write(lines.join('\n') + '\n');
