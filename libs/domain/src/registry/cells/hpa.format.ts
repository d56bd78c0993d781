import type { KubeObject } from '../../objects/object-meta';
import { type Json, rec, records, str } from './object.access';

const MAX_SHOWN = 2;

/** A quantity field as Go prints a `*Quantity`: its value, or `<nil>` when absent. */
function q(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return '<nil>';
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** `current/target` for a metric whose target is an average value or a plain value. */
function valueTarget(target: Json, current: Json | undefined): string {
  if (present(target.averageValue)) {
    const now = current && present(current.averageValue) ? q(current.averageValue) : '<unknown>';
    return `${now}/${q(target.averageValue)} (avg)`;
  }
  return `${current ? q(current.value) : '<unknown>'}/${q(target.value)}`;
}

function resourceTarget(source: Json, current: Json | undefined): string {
  const target = rec(source.target);
  const name = str(source.name);
  if (present(target.averageValue)) {
    return `${name}: ${current ? q(current.averageValue) : '<unknown>'}/${q(target.averageValue)}`;
  }
  const now = current && typeof current.averageUtilization === 'number' ? `${current.averageUtilization}%` : '<unknown>';
  const goal = typeof target.averageUtilization === 'number' ? `${target.averageUtilization}%` : '<auto>';
  return `${name}: ${now}/${goal}`;
}

/** The TARGETS column of an autoscaling/v2 HorizontalPodAutoscaler. */
export function hpaTargets(hpa: KubeObject): string {
  const specs = records(rec(hpa.spec).metrics);
  if (specs.length === 0) return '<none>';
  const statuses = records(rec(hpa.status).currentMetrics);
  const texts = specs.map((spec, i) => {
    const status = statuses[i];
    const sourceOf = (field: string): Json | undefined =>
      status && present(status[field]) ? rec(rec(status[field]).current) : undefined;
    switch (spec.type) {
      case 'External':
        return valueTarget(rec(rec(spec.external).target), sourceOf('external'));
      case 'Pods': {
        const current = sourceOf('pods');
        return `${current ? q(current.averageValue) : '<unknown>'}/${q(rec(rec(spec.pods).target).averageValue)}`;
      }
      case 'Object':
        return valueTarget(rec(rec(spec.object).target), sourceOf('object'));
      case 'Resource':
        return resourceTarget(rec(spec.resource), sourceOf('resource'));
      case 'ContainerResource':
        return resourceTarget(rec(spec.containerResource), sourceOf('containerResource'));
      default:
        return '<unknown type>';
    }
  });
  if (texts.length <= MAX_SHOWN) return texts.join(', ');
  return `${texts.slice(0, MAX_SHOWN).join(', ')} + ${texts.length - MAX_SHOWN} more...`;
}
