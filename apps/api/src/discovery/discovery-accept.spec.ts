import { aggregatedContentType, negotiateDiscovery } from './discovery-accept';

describe(negotiateDiscovery.name, () => {
  const V2 = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';
  const V2BETA1 = 'application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList';

  it('gives kubectl 1.33 the v2 document (its first choice)', () => {
    expect(negotiateDiscovery(`${V2},${V2BETA1},application/json`)).toBe('v2');
  });

  it('gives kubectl 1.27-1.29 v2beta1', () => {
    expect(negotiateDiscovery(`${V2BETA1},application/json`)).toBe('v2beta1');
  });

  it('falls back to legacy for plain JSON, wildcards and a missing header', () => {
    expect(negotiateDiscovery('application/json, */*')).toBe('legacy');
    expect(negotiateDiscovery('*/*')).toBe('legacy');
    expect(negotiateDiscovery('application/*')).toBe('legacy');
    expect(negotiateDiscovery(undefined)).toBe('legacy');
    expect(negotiateDiscovery('')).toBe('legacy');
  });

  it('skips types it cannot serve and takes the next one', () => {
    expect(negotiateDiscovery('application/vnd.kubernetes.protobuf,application/json')).toBe('legacy');
    expect(negotiateDiscovery(`application/vnd.kubernetes.protobuf;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,${V2BETA1}`)).toBe('v2beta1');
    expect(negotiateDiscovery('application/json;g=apidiscovery.k8s.io;v=v3;as=APIGroupDiscoveryList,application/json')).toBe('legacy');
  });

  it('honours quality values and q=0', () => {
    expect(negotiateDiscovery(`application/json;q=0.5, ${V2}`)).toBe('v2');
    expect(negotiateDiscovery(`${V2};q=0, application/json`)).toBe('legacy');
  });

  it('refuses when nothing offered is servable', () => {
    expect(negotiateDiscovery('text/html')).toBeUndefined();
    expect(negotiateDiscovery('application/json;as=Table;v=v1;g=meta.k8s.io')).toBeUndefined();
  });

  it('names the aggregated media types exactly', () => {
    expect(aggregatedContentType('v2')).toBe(V2);
    expect(aggregatedContentType('v2beta1')).toBe(V2BETA1);
  });
});
