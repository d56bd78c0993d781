import { BadRequestError } from '../errors';

export interface FieldRequirement {
  field: string;
  operator: '=' | '==' | '!=';
  /** Unescaped: `\,` `\=` `\\` in the selector string arrive here as `,` `=` `\`. */
  value: string;
}

/** Splits on commas that are not escaped; the backslashes stay in the terms. */
function splitTerms(selector: string): string[] {
  if (selector === '') return [];
  const terms: string[] = [];
  let start = 0;
  let escaped = false;
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i];
    if (escaped) escaped = false;
    else if (c === '\\') escaped = true;
    else if (c === ',') {
      terms.push(selector.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(selector.slice(start));
  return terms;
}

/** `==` is tried before `=` so that `a==b` does not leave `=b` as the value. */
const TERM_OPERATORS = ['!=', '==', '='] as const;

function splitTerm(term: string): [string, FieldRequirement['operator'], string] | undefined {
  for (let i = 0; i < term.length; i++) {
    for (const op of TERM_OPERATORS) {
      if (term.startsWith(op, i)) return [term.slice(0, i), op, term.slice(i + op.length)];
    }
  }
  return undefined;
}

function unescapeValue(value: string): string {
  if (!/[\\,=]/.test(value)) return value;
  let out = '';
  let escaped = false;
  for (const c of value) {
    if (escaped) {
      if (c !== '\\' && c !== ',' && c !== '=') {
        throw new BadRequestError(`invalid field selector: invalid escape sequence: \\${c}`);
      }
      out += c;
      escaped = false;
    } else if (c === '\\') {
      escaped = true;
    } else if (c === ',' || c === '=') {
      // Go prints the rune with %v, i.e. as its code point number.
      throw new BadRequestError(`invalid field selector: unescaped character in value: ${c.codePointAt(0)}`);
    } else {
      out += c;
    }
  }
  if (escaped) throw new BadRequestError('invalid field selector: invalid escape sequence: \\');
  return out;
}

/** fields.ParseSelector: comma-separated `field=value`, `field==value`, `field!=value` terms, sorted. */
export function parseFieldSelector(selector: string): FieldRequirement[] {
  const reqs: FieldRequirement[] = [];
  const terms = splitTerms(selector).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const term of terms) {
    if (term === '') continue;
    const split = splitTerm(term);
    if (!split) throw new BadRequestError(`invalid selector: '${selector}'; can't understand '${term}'`);
    const [field, operator, raw] = split;
    reqs.push({ field, operator, value: unescapeValue(raw) });
  }
  return reqs;
}

/** Whether an object satisfies every requirement; `get` returns a field's string form, absent fields count as ''. */
export function matchesFields(reqs: readonly FieldRequirement[], get: (path: string) => string | undefined): boolean {
  return reqs.every((req) => {
    const actual = get(req.field) ?? '';
    return req.operator === '!=' ? actual !== req.value : actual === req.value;
  });
}

const METADATA_FIELDS = ['metadata.name', 'metadata.namespace'];

/**
 * Refuses fields the kind does not support, as the API server's field label conversion does: kinds with
 * their own field labels answer `field label not supported: <field>`, kinds with only the metadata ones
 * answer apimachinery's default `"<field>" is not a known field selector: only "metadata.name", "metadata.namespace"`.
 * `resource` (e.g. `pods`) is carried in the Status details; upstream does not name it in the message.
 */
export function checkFieldSelector(reqs: readonly FieldRequirement[], supported: readonly string[], resource?: string): void {
  const ownFields = supported.some((f) => !METADATA_FIELDS.includes(f));
  for (const req of reqs) {
    if (supported.includes(req.field)) continue;
    const message = ownFields
      ? `field label not supported: ${req.field}`
      : `${JSON.stringify(req.field)} is not a known field selector: only "metadata.name", "metadata.namespace"`;
    throw new BadRequestError(message, resource ? { kind: resource } : undefined);
  }
}

/** The selector string form of requirements (values re-escaped), e.g. for logging or continue tokens. */
export function formatFieldSelector(reqs: readonly FieldRequirement[]): string {
  return reqs.map((r) => `${r.field}${r.operator}${r.value.replace(/[\\,=]/g, (c) => `\\${c}`)}`).join(',');
}
