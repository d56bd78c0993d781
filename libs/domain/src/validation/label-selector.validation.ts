import type { FieldError } from '../errors';
import { child, index, invalid, notSupported, required, forbidden } from './field-errors';
import { validateLabels } from './object-meta.validation';
import { isQualifiedName } from './names';
import { asArray, asRecord, asString, asStringMap } from './values';

const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

/** metav1 LabelSelector validation (ValidateLabelSelector). */
export function validateLabelSelector(selector: unknown, path: string): FieldError[] {
  const sel = asRecord(selector);
  if (!sel) return [];
  const errs = validateLabels(sel.matchLabels, child(path, 'matchLabels'));
  asArray(sel.matchExpressions).forEach((raw, i) => {
    const req = asRecord(raw) ?? {};
    const p = index(child(path, 'matchExpressions'), i);
    const op = asString(req.operator);
    const values = asArray(req.values);
    if (op === 'In' || op === 'NotIn') {
      if (values.length === 0) errs.push(required(child(p, 'values'), "must be specified when `operator` is 'In' or 'NotIn'"));
    } else if (op === 'Exists' || op === 'DoesNotExist') {
      if (values.length > 0) errs.push(forbidden(child(p, 'values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
    } else {
      errs.push(notSupported(child(p, 'operator'), op, OPERATORS));
    }
    const k = asString(req.key);
    for (const msg of isQualifiedName(k)) errs.push(invalid(child(p, 'key'), k, msg));
  });
  return errs;
}

export function isEmptySelector(selector: unknown): boolean {
  const sel = asRecord(selector);
  return !sel || (Object.keys(asRecord(sel.matchLabels) ?? {}).length === 0 && asArray(sel.matchExpressions).length === 0);
}

/** Whether `labels` satisfy a LabelSelector; an empty selector matches everything, as upstream's LabelSelectorAsSelector. */
export function selectorMatches(selector: unknown, labels: unknown): boolean {
  const sel = asRecord(selector) ?? {};
  const set = asStringMap(labels);
  for (const [k, v] of Object.entries(asStringMap(sel.matchLabels))) if (set[k] !== v) return false;
  for (const raw of asArray(sel.matchExpressions)) {
    const req = asRecord(raw) ?? {};
    const k = asString(req.key);
    const values = asArray(req.values).map(asString);
    const has = Object.prototype.hasOwnProperty.call(set, k);
    switch (req.operator) {
      case 'In':
        if (!has || !values.includes(set[k])) return false;
        break;
      case 'NotIn':
        if (has && values.includes(set[k])) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}
