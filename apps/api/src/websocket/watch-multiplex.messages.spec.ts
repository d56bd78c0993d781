import { isInvalid, parseClientMessage, subscriptionTarget, type SubscribeMessage } from './watch-multiplex.messages';

const refusal = (data: string) => {
  const m = parseClientMessage(data);
  if (!isInvalid(m)) throw new Error(`accepted: ${data}`);
  return { id: m.id, code: m.error.code, message: m.error.message };
};

describe('multiplexed watch messages', () => {
  it('parses a subscribe with every option', () => {
    const m = parseClientMessage(
      JSON.stringify({
        op: 'subscribe',
        id: 's1',
        resource: 'pods',
        group: '',
        version: 'v1',
        namespace: 'default',
        name: 'web',
        labelSelector: 'app=web',
        fieldSelector: 'status.phase=Running',
        resourceVersion: '42',
        allowWatchBookmarks: true,
        sendInitialEvents: false,
        timeoutSeconds: 30,
      }),
    );
    expect(m).toEqual({
      op: 'subscribe',
      id: 's1',
      resource: 'pods',
      group: '',
      version: 'v1',
      namespace: 'default',
      name: 'web',
      labelSelector: 'app=web',
      fieldSelector: 'status.phase=Running',
      resourceVersion: '42',
      allowWatchBookmarks: true,
      sendInitialEvents: false,
      timeoutSeconds: 30,
    });
  });

  it('defaults the core group and its version, and drops empty optional strings', () => {
    expect(parseClientMessage(Buffer.from('{"op":"subscribe","id":"a","resource":"configmaps","namespace":"","labelSelector":null}'))).toEqual({
      op: 'subscribe',
      id: 'a',
      resource: 'configmaps',
      group: '',
      version: 'v1',
    });
    expect(parseClientMessage('{"op":"unsubscribe","id":"a","extra":1}')).toEqual({ op: 'unsubscribe', id: 'a' });
  });

  it('refuses malformed messages with a BadRequest naming the field', () => {
    expect(refusal('nope')).toEqual({ id: undefined, code: 400, message: 'message is not valid JSON' });
    expect(refusal('[1]')).toEqual({ id: undefined, code: 400, message: 'message must be a JSON object' });
    expect(refusal('{"op":"subscribe","id":""}')).toMatchObject({ id: undefined, message: 'id: Required value: a string of 1 to 128 characters' });
    expect(refusal(JSON.stringify({ op: 'subscribe', id: 'x'.repeat(129), resource: 'pods' }))).toMatchObject({ id: undefined });
    expect(refusal('{"id":"a"}')).toEqual({ id: 'a', code: 400, message: 'op: Unsupported value: null: supported values: "subscribe", "unsubscribe"' });
    expect(refusal('{"op":"subscribe","id":"a"}')).toMatchObject({ id: 'a', message: 'resource: Required value' });
    expect(refusal('{"op":"subscribe","id":"a","resource":"deployments","group":"apps"}')).toMatchObject({ message: 'version: Required value' });
    expect(refusal('{"op":"subscribe","id":"a","resource":"pods","group":1}')).toMatchObject({ message: 'group: Invalid value: must be a string' });
    expect(refusal('{"op":"subscribe","id":"a","resource":"pods","resourceVersion":5}')).toMatchObject({ message: 'resourceVersion: Invalid value: must be a string' });
    expect(refusal('{"op":"subscribe","id":"a","resource":"pods","allowWatchBookmarks":"yes"}')).toMatchObject({ message: 'allowWatchBookmarks: Invalid value: must be a boolean' });
    expect(refusal('{"op":"subscribe","id":"a","resource":"pods","timeoutSeconds":1.5}')).toMatchObject({ message: 'timeoutSeconds: Invalid value: must be a non-negative integer' });
  });

  it('maps a subscription to the watch URL it stands for', () => {
    const base: SubscribeMessage = { op: 'subscribe', id: 'a', resource: 'pods', group: '', version: 'v1' };
    expect(subscriptionTarget(base)).toEqual({ path: '/api/v1/pods', query: { watch: 'true' } });
    expect(subscriptionTarget({ ...base, namespace: 'default', name: 'web', labelSelector: 'a in (b)', resourceVersion: '7', timeoutSeconds: 0, allowWatchBookmarks: false })).toEqual({
      path: '/api/v1/namespaces/default/pods/web',
      query: { watch: 'true', labelSelector: 'a in (b)', resourceVersion: '7', timeoutSeconds: '0', allowWatchBookmarks: 'false' },
    });
    expect(subscriptionTarget({ ...base, group: 'apps', resource: 'deployments', namespace: 'a/b' }).path).toBe('/apis/apps/v1/namespaces/a%2Fb/deployments');
  });
});
