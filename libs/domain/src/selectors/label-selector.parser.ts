import { BadRequestError } from '../errors';
import { LabelSelectorOperator, LabelSelectorRequirement, requirementErrors, sortRequirements } from './label-selector';
import { Token, TokenKind, tokenize } from './label-selector.lexer';
import { aggregateMessage, invalidValue, labelKeyErrors } from './label-validation';

const BINARY_OPERATORS: Partial<Record<TokenKind, LabelSelectorOperator>> = {
  in: 'in',
  notIn: 'notin',
  equals: '=',
  doubleEquals: '==',
  notEquals: '!=',
  greaterThan: 'gt',
  lessThan: 'lt',
};

class ParseError extends Error {}

/** Recursive-descent parser with the same token contexts and messages as apimachinery's labels.Parse. */
class Parser {
  private position = 0;

  constructor(private readonly tokens: Token[]) {}

  /** In the values context the keywords `in`/`notin` are plain identifiers. */
  private lookahead(valuesContext = true): Token {
    const token = this.tokens[this.position];
    if (valuesContext && (token.kind === 'in' || token.kind === 'notIn')) return { kind: 'identifier', literal: token.literal };
    return token;
  }

  private consume(valuesContext = true): Token {
    const token = this.lookahead(valuesContext);
    if (this.position < this.tokens.length - 1) this.position++;
    return token;
  }

  parse(): LabelSelectorRequirement[] {
    const reqs: LabelSelectorRequirement[] = [];
    for (;;) {
      const next = this.lookahead();
      if (next.kind === 'end') return reqs;
      if (next.kind !== 'identifier' && next.kind !== 'doesNotExist') {
        throw new ParseError(`found '${next.literal}', expected: !, identifier, or 'end of string'`);
      }
      reqs.push(this.requirement());
      const after = this.consume();
      if (after.kind === 'end') return reqs;
      if (after.kind !== 'comma') throw new ParseError(`found '${after.literal}', expected: ',' or 'end of string'`);
      const following = this.lookahead();
      if (following.kind !== 'identifier' && following.kind !== 'doesNotExist') {
        throw new ParseError(`found '${following.literal}', expected: identifier after ','`);
      }
    }
  }

  private requirement(): LabelSelectorRequirement {
    try {
      return this.requirementUnwrapped();
    } catch (e) {
      if (e instanceof ParseError) throw new ParseError(`unable to parse requirement: ${e.message}`);
      throw e;
    }
  }

  private requirementUnwrapped(): LabelSelectorRequirement {
    let unary: LabelSelectorOperator | undefined;
    let token = this.consume();
    if (token.kind === 'doesNotExist') {
      unary = '!';
      token = this.consume();
    }
    if (token.kind !== 'identifier') throw new ParseError(`found '${token.literal}', expected: identifier`);
    const key = token.literal;
    const keyErrors = labelKeyErrors(key);
    if (keyErrors.length > 0) throw new ParseError(invalidValue(null, key, keyErrors.join('; ')));
    const next = this.lookahead().kind;
    if (!unary && (next === 'end' || next === 'comma')) unary = 'exists';
    if (unary) return this.build(key, unary, []);

    const opToken = this.consume(false);
    const operator = BINARY_OPERATORS[opToken.kind];
    if (!operator) throw new ParseError(`found '${opToken.literal}', expected: in, notin, =, ==, !=, gt, lt`);
    const values = operator === 'in' || operator === 'notin' ? this.valueSet() : this.exactValue();
    // sets.String.List(): unique and sorted.
    return this.build(key, operator, [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  }

  private build(key: string, operator: LabelSelectorOperator, values: string[]): LabelSelectorRequirement {
    const errs = requirementErrors(key, operator, values);
    if (errs.length > 0) throw new ParseError(aggregateMessage(errs));
    return { key, operator, values };
  }

  private valueSet(): string[] {
    const open = this.consume();
    if (open.kind !== 'openPar') throw new ParseError(`found '${open.literal}' expected: '('`);
    const first = this.lookahead();
    if (first.kind === 'closedPar') {
      this.consume();
      return [''];
    }
    if (first.kind !== 'identifier' && first.kind !== 'comma') {
      throw new ParseError(`found '${first.literal}', expected: ',', ')' or identifier`);
    }
    const values = this.identifiers();
    // Upstream reports the token that opened the list here, not the one found.
    if (this.consume().kind !== 'closedPar') throw new ParseError(`found '${first.literal}', expected: ')'`);
    return values;
  }

  private identifiers(): string[] {
    const values: string[] = [];
    for (;;) {
      const token = this.consume();
      if (token.kind === 'identifier') {
        values.push(token.literal);
        const next = this.lookahead();
        if (next.kind === 'comma') continue;
        if (next.kind === 'closedPar') return values;
        throw new ParseError(`found '${next.literal}', expected: ',' or ')'`);
      }
      if (token.kind === 'comma') {
        // Empty entries (`(,a)`, `(a,)`, `(a,,b)`) stand for the empty value.
        if (values.length === 0) values.push('');
        const next = this.lookahead();
        if (next.kind === 'closedPar') {
          values.push('');
          return values;
        }
        if (next.kind === 'comma') {
          this.consume();
          values.push('');
        }
        continue;
      }
      throw new ParseError(`found '${token.literal}', expected: ',', or identifier`);
    }
  }

  private exactValue(): string[] {
    const next = this.lookahead();
    if (next.kind === 'end' || next.kind === 'comma') return [''];
    const token = this.consume();
    if (token.kind === 'identifier') return [token.literal];
    throw new ParseError(`found '${token.literal}', expected: identifier`);
  }
}

/**
 * labels.Parse: the label selector string syntax of `?labelSelector=` (`a=b`, `a==b`, `a!=b`, `a in (x,y)`,
 * `a notin (x)`, `a`, `!a`, `a>1`, `a<1`), requirements sorted by key. Errors throw BadRequestError with
 * upstream's message.
 */
export function parseLabelSelector(selector: string): LabelSelectorRequirement[] {
  try {
    return sortRequirements(new Parser(tokenize(selector)).parse());
  } catch (e) {
    if (e instanceof ParseError) throw new BadRequestError(e.message);
    throw e;
  }
}
