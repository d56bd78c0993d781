import { list, rec, str } from './object.access';

/** `labels.FormatLabels`: `k=v` pairs sorted by key, `<none>` when empty. */
export function formatLabelMap(labels: unknown): string {
  const entries = Object.entries(rec(labels));
  if (entries.length === 0) return '<none>';
  return entries
    .sort(([a], [b]) => compare(a, b))
    .map(([k, v]) => `${k}=${str(v)}`)
    .join(',');
}

/**
 * The string form of a `metav1.LabelSelector` (what `LabelSelectorAsSelector(...).String()` prints): requirements
 * sorted by key, values sorted. Returns undefined for a selector that cannot be converted. Empty and missing
 * selectors both print as ''.
 */
export function labelSelectorString(selector: unknown): string | undefined {
  if (selector === undefined || selector === null) return '';
  const s = rec(selector);
  const requirements: { key: string; text: string }[] = [];
  for (const [key, value] of Object.entries(rec(s.matchLabels))) requirements.push({ key, text: `${key}=${str(value)}` });
  for (const raw of list(s.matchExpressions)) {
    const expr = rec(raw);
    const key = str(expr.key);
    const values = list(expr.values).map(str).sort(compare);
    switch (expr.operator) {
      case 'In':
      case 'NotIn':
        if (values.length === 0) return undefined;
        requirements.push({ key, text: `${key} ${expr.operator === 'In' ? 'in' : 'notin'} (${values.join(',')})` });
        break;
      case 'Exists':
        requirements.push({ key, text: key });
        break;
      case 'DoesNotExist':
        requirements.push({ key, text: `!${key}` });
        break;
      default:
        return undefined;
    }
  }
  return requirements
    .sort((a, b) => compare(a.key, b.key))
    .map((r) => r.text)
    .join(',');
}

/** `metav1.FormatLabelSelector`: like labelSelectorString, but `<none>` when empty and `<error>` when invalid. */
export function formatLabelSelector(selector: unknown): string {
  const text = labelSelectorString(selector);
  if (text === undefined) return '<error>';
  return text === '' ? '<none>' : text;
}

/** Byte-wise string order, as Go's sort.Strings. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
