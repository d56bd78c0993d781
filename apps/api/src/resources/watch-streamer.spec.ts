import type { KubeObject } from '@flotilla/domain';
import type { StoredEvent } from '@flotilla/persistence';
import { watchEventType } from './watch-streamer';

const pod = (tier: string): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default', labels: { tier } } });
const event = (type: StoredEvent['type'], object: KubeObject, prevObject: KubeObject | null): StoredEvent => ({
  resourceVersion: 5,
  type,
  group: '',
  resource: 'pods',
  namespace: 'default',
  name: 'p',
  uid: 'u',
  object,
  prevObject,
  actor: null,
  fieldManager: null,
  time: new Date(0),
});
const frontend = (o: KubeObject) => o.metadata.labels?.tier === 'front';

describe(watchEventType.name, () => {
  it('passes events through for a watcher without a selector', () => {
    expect(watchEventType(event('ADDED', pod('back'), null), () => true)).toBe('ADDED');
    expect(watchEventType(event('MODIFIED', pod('back'), pod('back')), () => true)).toBe('MODIFIED');
    expect(watchEventType(event('DELETED', pod('back'), pod('back')), () => true)).toBe('DELETED');
  });

  it('turns selector transitions into ADDED and DELETED', () => {
    expect(watchEventType(event('MODIFIED', pod('front'), pod('back')), frontend)).toBe('ADDED');
    expect(watchEventType(event('MODIFIED', pod('back'), pod('front')), frontend)).toBe('DELETED');
    expect(watchEventType(event('MODIFIED', pod('front'), pod('front')), frontend)).toBe('MODIFIED');
  });

  it('sends nothing for objects outside the selection', () => {
    expect(watchEventType(event('MODIFIED', pod('back'), pod('back')), frontend)).toBeUndefined();
    expect(watchEventType(event('ADDED', pod('back'), null), frontend)).toBeUndefined();
    expect(watchEventType(event('DELETED', pod('back'), pod('back')), frontend)).toBeUndefined();
  });
});
