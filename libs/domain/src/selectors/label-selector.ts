import { BadRequestError } from '../errors';
import { aggregateMessage, invalidValue, labelKeyErrors, labelValueErrors } from './label-validation';

/** apimachinery's selection.Operator values. */
export type LabelSelectorOperator = '=' | '==' | '!=' | 'in' | 'notin' | 'exists' | '!' | 'gt' | 'lt';

export interface LabelSelectorRequirement {
  key: string;
  operator: LabelSelectorOperator;
  values: string[];
}

/** The wire shape of metav1.LabelSelector (as in Deployment `spec.selector`). */
export interface LabelSelector {
  matchLabels?: Record<string, string> | null;
  matchExpressions?: { key: string; operator: string; values?: string[] | null }[] | null;
}

const INTEGER = /^[+-]?\d+$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** strconv.ParseInt(v, 10, 64), or undefined when Go would refuse it. */
export function parseInt64(value: string): bigint | undefined {
  if (!INTEGER.test(value)) return undefined;
  const n = BigInt(value);
  return n < INT64_MIN || n > INT64_MAX ? undefined : n;
}

/**
 * labels.NewRequirement's checks, returning the messages it aggregates. `values` is the field path prefix
 * (`values` for requirements built from the string syntax and from LabelSelector objects alike).
 */
export function requirementErrors(key: string, operator: LabelSelectorOperator, values: readonly string[] | null): string[] {
  const errs: string[] = [];
  const keyErrors = labelKeyErrors(key);
  if (keyErrors.length > 0) errs.push(invalidValue('key', key, keyErrors.join('; ')));
  const vals = values ?? [];
  switch (operator) {
    case 'in':
    case 'notin':
      if (vals.length === 0) errs.push(invalidValue('values', values, "for 'in', 'notin' operators, values set can't be empty"));
      break;
    case '=':
    case '==':
    case '!=':
      if (vals.length !== 1) errs.push(invalidValue('values', values, 'exact-match compatibility requires one single value'));
      break;
    case 'exists':
    case '!':
      if (vals.length !== 0) errs.push(invalidValue('values', values, 'values set must be empty for exists and does not exist'));
      break;
    case 'gt':
    case 'lt':
      if (vals.length !== 1) errs.push(invalidValue('values', values, "for 'Gt', 'Lt' operators, exactly one value is required"));
      vals.forEach((v, i) => {
        if (parseInt64(v) === undefined) errs.push(invalidValue(`values[${i}]`, v, "for 'Gt', 'Lt' operators, the value must be an integer"));
      });
      break;
  }
  vals.forEach((v, i) => {
    const valueErrors = labelValueErrors(v);
    if (valueErrors.length > 0) errs.push(invalidValue(`values[${i}][${key}]`, v, valueErrors.join('; ')));
  });
  return errs;
}

/** Requirements sorted by key, keeping the given order among equal keys, as a selector holds them. */
export function sortRequirements(reqs: LabelSelectorRequirement[]): LabelSelectorRequirement[] {
  return reqs
    .map((r, i) => [r, i] as const)
    .sort(([a, i], [b, j]) => (a.key < b.key ? -1 : a.key > b.key ? 1 : i - j))
    .map(([r]) => r);
}

function requirementMatches(req: LabelSelectorRequirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, req.key);
  const value = has ? labels[req.key] : undefined;
  switch (req.operator) {
    case '=':
    case '==':
    case 'in':
      return has && req.values.includes(value!);
    case '!=':
    case 'notin':
      return !has || !req.values.includes(value!);
    case 'exists':
      return has;
    case '!':
      return !has;
    case 'gt':
    case 'lt': {
      if (!has || req.values.length !== 1) return false;
      const actual = parseInt64(value!);
      const bound = parseInt64(req.values[0]);
      if (actual === undefined || bound === undefined) return false;
      return req.operator === 'gt' ? actual > bound : actual < bound;
    }
  }
}

/** Whether labels satisfy every requirement (an empty list selects everything). */
export function matchesLabels(reqs: readonly LabelSelectorRequirement[] | null, labels?: Record<string, string> | null): boolean {
  if (reqs === null) return false;
  return reqs.every((req) => requirementMatches(req, labels ?? {}));
}

/** A Go-style sorted copy, as Requirement.String prints multi-value sets. */
function sortedValues(values: readonly string[]): string[] {
  return [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function formatRequirement(req: LabelSelectorRequirement): string {
  const values = req.values.length === 1 ? req.values[0] : sortedValues(req.values).join(',');
  switch (req.operator) {
    case '!':
      return `!${req.key}`;
    case 'exists':
      return req.key;
    case 'in':
    case 'notin':
      return `${req.key} ${req.operator} (${values})`;
    case 'gt':
      return `${req.key}>${values}`;
    case 'lt':
      return `${req.key}<${values}`;
    default:
      return `${req.key}${req.operator}${values}`;
  }
}

/** labels.Selector.String(): requirements joined by `,` (`''` for everything). */
export function formatLabelRequirements(reqs: readonly LabelSelectorRequirement[]): string {
  return reqs.map(formatRequirement).join(',');
}

const OBJECT_OPERATORS: Record<string, LabelSelectorOperator> = {
  In: 'in',
  NotIn: 'notin',
  Exists: 'exists',
  DoesNotExist: '!',
};

/**
 * metav1.LabelSelectorAsSelector: null/undefined selects nothing (returned as null), an empty selector
 * selects everything (returned as []). Invalid keys, values or operators throw BadRequestError.
 */
export function labelSelectorFromObject(sel: LabelSelector): LabelSelectorRequirement[];
export function labelSelectorFromObject(sel: LabelSelector | null | undefined): LabelSelectorRequirement[] | null;
export function labelSelectorFromObject(sel: LabelSelector | null | undefined): LabelSelectorRequirement[] | null {
  if (sel === null || sel === undefined) return null;
  const reqs: LabelSelectorRequirement[] = [];
  for (const [key, value] of Object.entries(sel.matchLabels ?? {})) {
    const errs = requirementErrors(key, '=', [value]);
    if (errs.length > 0) throw new BadRequestError(aggregateMessage(errs));
    reqs.push({ key, operator: '=', values: [value] });
  }
  for (const expr of sel.matchExpressions ?? []) {
    const operator = Object.prototype.hasOwnProperty.call(OBJECT_OPERATORS, expr.operator) ? OBJECT_OPERATORS[expr.operator] : undefined;
    if (!operator) throw new BadRequestError(`${JSON.stringify(expr.operator)} is not a valid label selector operator`);
    const values = expr.values && expr.values.length > 0 ? [...expr.values] : null;
    const errs = requirementErrors(expr.key, operator, values);
    if (errs.length > 0) throw new BadRequestError(aggregateMessage(errs));
    reqs.push({ key: expr.key, operator, values: values ?? [] });
  }
  return sortRequirements(reqs);
}

/** metav1.FormatLabelSelector: `app=web,tier in (a,b)`; `<none>` for a nil or empty selector, `<error>` if invalid. */
export function labelSelectorToString(sel: LabelSelector | null | undefined): string {
  let reqs: LabelSelectorRequirement[] | null;
  try {
    reqs = labelSelectorFromObject(sel);
  } catch {
    return '<error>';
  }
  const text = formatLabelRequirements(reqs ?? []);
  return text === '' ? '<none>' : text;
}
