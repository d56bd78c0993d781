import { base64ErrorOffset, QUANTITY_FORMAT_ERROR, QUANTITY_SUFFIX_ERROR, quantityError } from './go-decode.values';

describe('quantityError', () => {
  it.each(['0', '1', '100m', '1.5', '.5', '1Gi', '500Mi', '2k', '1e3', '1E-3', '-1', '+2', '1.', ' 3 '])('accepts %p', (q) => {
    expect(quantityError(q)).toBeUndefined();
  });

  it.each(['', 'abc', 'true', '1Qi', '3KiB', '1.2.3', '1 Gi', '{"a":1}'])('rejects %p with the format message', (q) => {
    expect(quantityError(q)).toBe(QUANTITY_FORMAT_ERROR);
  });

  it.each(['1ki', '5e', '1mi', '1Mm'])('rejects %p with the suffix message', (q) => {
    expect(quantityError(q)).toBe(QUANTITY_SUFFIX_ERROR);
  });
});

describe('base64ErrorOffset', () => {
  it.each(['', 'aGVsbG8=', 'aGk=', 'YWJj', 'YW\nJj', 'YWJj\n'])('accepts %p', (s) => {
    expect(base64ErrorOffset(s)).toBeUndefined();
  });

  it.each([
    ['abc', 0],
    ['abcde', 4],
    ['a===', 1],
    ['ab=c', 2],
    ['ab=', 3],
    ['ab==x', 4],
    ['ab!d', 2],
  ])('reports %p at byte %d, as Go does', (s, offset) => {
    expect(base64ErrorOffset(s)).toBe(offset);
  });
});
