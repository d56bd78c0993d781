/**
 * A resource quantity as printed. Stored quantities are shown as written (upstream re-serialises them in canonical
 * form first, e.g. `1000m` → `1`); a missing quantity prints as Go's zero Quantity, `0`.
 */
export function quantity(value: unknown): string {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '0';
}

const ACCESS_MODE_ABBREVIATIONS: [string, string][] = [
  ['ReadWriteOnce', 'RWO'],
  ['ReadOnlyMany', 'ROX'],
  ['ReadWriteMany', 'RWX'],
  ['ReadWriteOncePod', 'RWOP'],
];

/** `RWO,ROX,…` in upstream's fixed order, each mode once. */
export function accessModes(modes: unknown): string {
  const present = new Set(Array.isArray(modes) ? modes : []);
  return ACCESS_MODE_ABBREVIATIONS.filter(([mode]) => present.has(mode))
    .map(([, short]) => short)
    .join(',');
}
