/** Tokens of the label selector string syntax, split the way apimachinery's labels lexer splits them. */
export type TokenKind =
  | 'error'
  | 'end'
  | 'closedPar'
  | 'comma'
  | 'doesNotExist'
  | 'doubleEquals'
  | 'equals'
  | 'greaterThan'
  | 'identifier'
  | 'in'
  | 'lessThan'
  | 'notEquals'
  | 'notIn'
  | 'openPar';

export interface Token {
  kind: TokenKind;
  literal: string;
}

const KEYWORDS: Record<string, TokenKind> = {
  ')': 'closedPar',
  ',': 'comma',
  '!': 'doesNotExist',
  '==': 'doubleEquals',
  '=': 'equals',
  '>': 'greaterThan',
  in: 'in',
  '<': 'lessThan',
  '!=': 'notEquals',
  notin: 'notIn',
  '(': 'openPar',
};

const isWhitespace = (ch: string): boolean => ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
const isSpecialSymbol = (ch: string): boolean => '=!(),><'.includes(ch);

export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  for (;;) {
    while (pos < input.length && isWhitespace(input[pos])) pos++;
    if (pos >= input.length) {
      tokens.push({ kind: 'end', literal: '' });
      return tokens;
    }
    if (isSpecialSymbol(input[pos])) {
      // Longest run of symbols that still forms a token: `!=` rather than `!` then `=`.
      let buffer = '';
      let last: Token | undefined;
      while (pos < input.length && isSpecialSymbol(input[pos])) {
        buffer += input[pos];
        const kind = Object.prototype.hasOwnProperty.call(KEYWORDS, buffer) ? KEYWORDS[buffer] : undefined;
        if (kind) last = { kind, literal: buffer };
        else if (last) break;
        pos++;
      }
      tokens.push(last ?? { kind: 'error', literal: `error expected: keyword found '${buffer}'` });
      continue;
    }
    const start = pos;
    while (pos < input.length && !isSpecialSymbol(input[pos]) && !isWhitespace(input[pos])) pos++;
    const word = input.slice(start, pos);
    const keyword = word === 'in' || word === 'notin' ? KEYWORDS[word] : undefined;
    tokens.push({ kind: keyword ?? 'identifier', literal: word });
  }
}
