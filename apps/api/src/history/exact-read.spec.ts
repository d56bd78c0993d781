import { InvalidError } from '@flotilla/domain';
import { exactReadVersion } from './exact-read';

describe('exactReadVersion', () => {
  it('is undefined for ordinary reads, including a bare resourceVersion (upstream: not older than)', () => {
    expect(exactReadVersion({})).toBeUndefined();
    expect(exactReadVersion({ resourceVersion: '12' })).toBeUndefined();
    expect(exactReadVersion({ resourceVersion: '12', resourceVersionMatch: 'NotOlderThan' })).toBeUndefined();
  });

  it('names the version of an Exact read', () => {
    expect(exactReadVersion({ resourceVersion: '12', resourceVersionMatch: 'Exact' })).toBe(12);
    expect(exactReadVersion({ resourceVersion: ['7', '8'], resourceVersionMatch: ['Exact'] })).toBe(7);
  });

  it("refuses Exact without a version, at 0, or with a non-number, as upstream's ListOptions rules do", () => {
    const message = (q: Record<string, unknown>) => {
      try {
        exactReadVersion(q);
      } catch (e) {
        expect(e).toBeInstanceOf(InvalidError);
        return (e as InvalidError).message;
      }
      throw new Error('no error');
    };
    expect(message({ resourceVersionMatch: 'Exact' })).toBe(
      'GetOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided',
    );
    expect(message({ resourceVersion: '0', resourceVersionMatch: 'Exact' })).toBe(
      'GetOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Forbidden: resourceVersionMatch "exact" is forbidden for resourceVersion "0"',
    );
    expect(message({ resourceVersion: 'x1', resourceVersionMatch: 'Exact' })).toBe(
      'GetOptions.meta.k8s.io "" is invalid: resourceVersion: Invalid value: "x1": must be a non-negative integer',
    );
  });
});
