import { jsonText, knownJsonText, storedJsonText } from './json-text';

describe('stored JSON texts', () => {
  it('serialises a stored object once and hands the same text back for it', () => {
    const stored = { metadata: { name: 'a' }, data: { k: 'v' } };
    const text = storedJsonText(stored);
    expect(text).toBe(JSON.stringify(stored));
    expect(knownJsonText(stored)).toBe(text);
    expect(jsonText(stored)).toBe(text);
  });

  it('knows nothing of other values and serialises them as JSON.stringify does', () => {
    const other = { a: [1, 'two', null] };
    expect(knownJsonText(other)).toBeUndefined();
    expect(jsonText(other)).toBe(JSON.stringify(other));
    expect(knownJsonText(null)).toBeUndefined();
    expect(jsonText('text')).toBe('"text"');
    expect(knownJsonText(other)).toBeUndefined(); // jsonText does not remember
  });
});
