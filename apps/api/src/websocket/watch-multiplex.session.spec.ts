import type { EventStore } from '@flotilla/persistence';
import type { WebSocket } from 'ws';
import type { ResourceService } from '../resources/resource.service';
import { WatchMessage } from '../resources/watch-message';
import type { WatchHandle, WatchSink, WatchStreamer } from '../resources/watch-streamer';
import { MAX_SUBSCRIPTIONS, MultiplexSession } from './watch-multiplex.session';
import type { SubscribeMessage } from './watch-multiplex.messages';

const sub = (id: string): SubscribeMessage => ({ op: 'subscribe', id, resource: 'configmaps', group: '', version: 'v1', namespace: 'default' });

function setup() {
  const sent: unknown[] = [];
  const ws = {
    readyState: 1,
    bufferedAmount: 0,
    send: jest.fn((data: string) => sent.push(JSON.parse(data))),
    close: jest.fn(function (this: { readyState: number }) {
      this.readyState = 2;
    }),
  };
  const sinks = new Map<string, WatchSink>();
  const handles: jest.Mock[] = [];
  let release: () => void = () => undefined;
  let gate: Promise<void> | undefined;
  const streamer = {
    open: jest.fn(async (ctx: { info: { id: string } }, _o: unknown, _f: unknown, sink: WatchSink): Promise<WatchHandle> => {
      if (gate) await gate;
      sink.begin();
      const close = jest.fn(() => sink.end('done'));
      handles.push(close);
      sinks.set(ctx.info.id, sink);
      return { close };
    }),
  };
  let next = 0;
  const resources = { context: jest.fn(() => ({ rt: {}, query: {}, info: { id: `w${next++}` } })) };
  const store = { assertReadable: jest.fn(async () => undefined) };
  const session = new MultiplexSession(ws as unknown as WebSocket, { username: 'u', groups: [] }, {
    resources: resources as unknown as ResourceService,
    streamer: streamer as unknown as WatchStreamer,
    store: store as unknown as EventStore,
  });
  return {
    ws,
    sent,
    sinks,
    handles,
    session,
    streamer,
    hold() {
      gate = new Promise((r) => (release = r));
    },
    release: () => release(),
  };
}

describe(MultiplexSession.name, () => {
  it('tags events with the subscription id and reports start and end', async () => {
    const t = setup();
    await t.session.subscribe(sub('a'));
    t.sinks.get('w0')?.write(new WatchMessage('{"type":"ADDED","object":{"kind":"ConfigMap"}}'));
    t.sinks.get('w0')?.end('timeout');
    expect(t.sent).toEqual([
      { id: 'a', op: 'subscribed' },
      { id: 'a', type: 'ADDED', object: { kind: 'ConfigMap' } },
      { id: 'a', op: 'ended', reason: 'timeout' },
    ]);
    expect(t.session.size).toBe(0);
  });

  it('stops a watch that is unsubscribed while it is still starting', async () => {
    const t = setup();
    t.hold();
    const pending = t.session.subscribe(sub('a'));
    await Promise.resolve();
    t.session.unsubscribe('a');
    t.release();
    await pending;
    expect(t.handles).toHaveLength(1);
    expect(t.handles[0]).toHaveBeenCalled();
    expect(t.sent).toEqual([
      { id: 'a', op: 'subscribed' },
      { id: 'a', op: 'ended', reason: 'unsubscribed' },
    ]);
    // The id is free again.
    await t.session.subscribe(sub('a'));
    expect(t.session.size).toBe(1);
  });

  it('closes the whole socket with 1008 when a subscription finds it too far behind', async () => {
    const t = setup();
    await t.session.subscribe(sub('a'));
    await t.session.subscribe(sub('b'));
    t.sinks.get('w0')?.end('slow-consumer');
    expect(t.ws.close).toHaveBeenCalledWith(1008, 'slow consumer: more than 16777216 bytes queued');
  });

  it('stops every watch silently when the socket goes', async () => {
    const t = setup();
    await t.session.subscribe(sub('a'));
    await t.session.subscribe(sub('b'));
    const before = t.sent.length;
    t.session.close();
    expect(t.handles.every((h) => h.mock.calls.length === 1)).toBe(true);
    expect(t.sent).toHaveLength(before);
    await t.session.subscribe(sub('c'));
    expect(t.streamer.open).toHaveBeenCalledTimes(2);
  });

  it(`refuses more than ${MAX_SUBSCRIPTIONS} subscriptions on one socket`, async () => {
    const t = setup();
    for (let i = 0; i < MAX_SUBSCRIPTIONS; i++) await t.session.subscribe(sub(`s${i}`));
    await t.session.subscribe(sub('one-more'));
    expect(t.sent[t.sent.length - 1]).toMatchObject({ id: 'one-more', op: 'rejected', status: { code: 429, reason: 'TooManyRequests' } });
    expect(t.session.size).toBe(MAX_SUBSCRIPTIONS);
  });
});
