import { bearerTokenFromProtocols, encodeWatchMessage, framingOf, offeredProtocols, selectProtocol, WATCH_PROTOCOLS } from './watch-subprotocols';

const tokenProtocol = (token: string) => `base64url.bearer.authorization.k8s.io.${Buffer.from(token).toString('base64url')}`;

describe('watch subprotocols', () => {
  it('reads offered protocols from comma lists and repeated headers, in order', () => {
    expect(offeredProtocols('binary.k8s.io, base64.binary.k8s.io')).toEqual(['binary.k8s.io', 'base64.binary.k8s.io']);
    expect(offeredProtocols(['a', ' b ,c'])).toEqual(['a', 'b', 'c']);
    expect(offeredProtocols(undefined)).toEqual([]);
    expect(offeredProtocols('')).toEqual([]);
  });

  it('decodes the bearer token of the first bearer protocol', () => {
    expect(bearerTokenFromProtocols(['base64.binary.k8s.io', tokenProtocol('abc.DEF-123')])).toBe('abc.DEF-123');
    expect(bearerTokenFromProtocols([tokenProtocol('first'), tokenProtocol('second')])).toBe('first');
    expect(bearerTokenFromProtocols(['binary.k8s.io'])).toBeUndefined();
  });

  it('refuses bearer protocols that are empty, padded, not base64url or not UTF-8', () => {
    expect(bearerTokenFromProtocols(['base64url.bearer.authorization.k8s.io.'])).toBeUndefined();
    expect(bearerTokenFromProtocols(['base64url.bearer.authorization.k8s.io.YWJj='])).toBeUndefined();
    expect(bearerTokenFromProtocols(['base64url.bearer.authorization.k8s.io.a+b/'])).toBeUndefined();
    expect(bearerTokenFromProtocols([`base64url.bearer.authorization.k8s.io.${Buffer.from([0xff, 0xfe]).toString('base64url')}`])).toBeUndefined();
  });

  it('selects the first offered protocol the server speaks, never the bearer one', () => {
    const speaks = (p: string) => WATCH_PROTOCOLS.has(p) || p.startsWith('base64url.bearer');
    expect(selectProtocol([tokenProtocol('t'), 'x', 'base64.binary.k8s.io', 'binary.k8s.io'], speaks)).toBe('base64.binary.k8s.io');
    expect(selectProtocol(new Set(['binary.k8s.io']), speaks)).toBe('binary.k8s.io');
    expect(selectProtocol([tokenProtocol('t')], speaks)).toBe(false);
    expect(selectProtocol([], speaks)).toBe(false);
  });

  it('frames an event as text, binary or base64 text', () => {
    const json = '{"type":"ADDED","object":{"kind":"Pod","metadata":{"name":"é"}}}';
    expect(framingOf(undefined)).toBe('text');
    expect(framingOf('')).toBe('text');
    expect(framingOf('binary.k8s.io')).toBe('binary');
    expect(framingOf('base64.binary.k8s.io')).toBe('base64');
    expect(encodeWatchMessage(json, 'text')).toEqual({ data: json, binary: false });
    expect(encodeWatchMessage(json, 'binary')).toEqual({ data: Buffer.from(json, 'utf8'), binary: true });
    const b64 = encodeWatchMessage(json, 'base64');
    expect(b64.binary).toBe(false);
    expect(Buffer.from(b64.data as string, 'base64').toString('utf8')).toBe(json);
  });
});
