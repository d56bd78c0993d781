// Value checks done by the custom JSON unmarshalers of upstream types (resource.Quantity, []byte), with their texts.

export const QUANTITY_FORMAT_ERROR =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
export const QUANTITY_SUFFIX_ERROR = "unable to parse quantity's suffix";

const SUFFIX_LETTERS = 'eEinumkKMGTP';
const KNOWN_SUFFIXES = new Set(['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei', 'n', 'u', 'm', 'k', 'M', 'G', 'T', 'P', 'E']);

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function suffixError(suffix: string): string | undefined {
  if (KNOWN_SUFFIXES.has(suffix)) return undefined;
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E') && /^[+-]?\d+$/.test(suffix.slice(1))) {
    return undefined;
  }
  return QUANTITY_SUFFIX_ERROR;
}

/** Why upstream ParseQuantity rejects `text` (the raw JSON text, quotes removed), or undefined if it parses. */
export function quantityError(text: string): string | undefined {
  const s = text.trim();
  if (s === '') return QUANTITY_FORMAT_ERROR;
  const end = s.length;
  let pos = s[0] === '-' || s[0] === '+' ? 1 : 0;
  while (pos < end && isDigit(s[pos])) pos++;
  if (pos >= end) return undefined;
  if (s[pos] === '.') {
    pos++;
    while (pos < end && isDigit(s[pos])) pos++;
    if (pos >= end) return undefined;
  }
  const suffixStart = pos;
  while (pos < end && SUFFIX_LETTERS.includes(s[pos])) pos++;
  if (pos < end && (s[pos] === '-' || s[pos] === '+')) pos++;
  while (pos < end && isDigit(s[pos])) pos++;
  if (pos < end) return QUANTITY_FORMAT_ERROR;
  return suffixError(s.slice(suffixStart));
}

const BASE64_ALPHABET = /[A-Za-z0-9+/]/;

/**
 * The offset Go's base64.StdEncoding reports for malformed input (`illegal base64 data at input byte N`), or
 * undefined when `s` decodes. Newlines are skipped, as Go does.
 */
export function base64ErrorOffset(s: string): number | undefined {
  let i = 0;
  const next = (): void => {
    while (i < s.length && (s[i] === '\n' || s[i] === '\r')) i++;
  };
  for (;;) {
    let j = 0;
    for (; j < 4; j++) {
      next();
      if (i === s.length) {
        if (j === 0) return undefined;
        return i - j;
      }
      const c = s[i++];
      if (c === '=') {
        if (j < 2) return i - 1;
        if (j === 2) {
          next();
          if (i === s.length) return s.length;
          if (s[i] !== '=') return i - 1;
          i++;
        }
        next();
        return i < s.length ? i : undefined;
      }
      if (!BASE64_ALPHABET.test(c)) return i - 1;
    }
  }
}
