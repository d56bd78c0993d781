import { formatLabelMap, formatLabelSelector, labelSelectorString } from './selector.format';

describe('label formatting', () => {
  it('formats label maps sorted by key, <none> when empty', () => {
    expect(formatLabelMap({ tier: 'web', app: 'shop' })).toBe('app=shop,tier=web');
    expect(formatLabelMap({})).toBe('<none>');
    expect(formatLabelMap(undefined)).toBe('<none>');
  });

  it('formats label selectors with set-based requirements sorted by key and values', () => {
    const selector = {
      matchLabels: { app: 'shop' },
      matchExpressions: [
        { key: 'tier', operator: 'In', values: ['web', 'api'] },
        { key: 'env', operator: 'NotIn', values: ['prod'] },
        { key: 'canary', operator: 'DoesNotExist' },
        { key: 'beta', operator: 'Exists' },
      ],
    };
    expect(labelSelectorString(selector)).toBe('app=shop,beta,!canary,env notin (prod),tier in (api,web)');
  });

  it('prints empty selectors as empty strings, or <none> in the FormatLabelSelector form', () => {
    expect(labelSelectorString({})).toBe('');
    expect(labelSelectorString(undefined)).toBe('');
    expect(formatLabelSelector({})).toBe('<none>');
    expect(formatLabelSelector(undefined)).toBe('<none>');
  });

  it('rejects unknown operators and empty value sets', () => {
    expect(labelSelectorString({ matchExpressions: [{ key: 'a', operator: 'Gt', values: ['1'] }] })).toBeUndefined();
    expect(formatLabelSelector({ matchExpressions: [{ key: 'a', operator: 'In', values: [] }] })).toBe('<error>');
  });
});
