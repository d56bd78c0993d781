import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startHarness, type Harness } from '../../../test/support/api-harness';

const CHROMIUM = '/usr/bin/chromium';
/** As measured on these machines: without the background-networking flags Chromium keeps dialling out and is refused. */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const NS = 'browser';

/**
 * A dashboard in miniature: it opens the multiplexed watch socket with the token in the bearer subprotocol (a page
 * cannot set headers), subscribes to ConfigMaps and lists each event it receives.
 */
const PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>watch</title></head>
<body>
<p id="state">connecting</p>
<ul id="events"></ul>
<script>
  const params = new URLSearchParams(location.hash.slice(1));
  const b64url = (s) => btoa(s).replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');
  const ws = new WebSocket(params.get('api') + '/flotilla/v1/watch', ['v1.watch.flotilla.dev', 'base64url.bearer.authorization.k8s.io.' + b64url(params.get('token'))]);
  const state = document.getElementById('state');
  ws.onopen = () => {
    state.textContent = 'open ' + ws.protocol;
    ws.send(JSON.stringify({ op: 'subscribe', id: 'cms', resource: 'configmaps', group: '', version: 'v1', namespace: params.get('ns') }));
  };
  ws.onclose = (e) => { state.textContent = 'closed ' + e.code; };
  ws.onmessage = (e) => {
    const m = JSON.parse(e.data);
    if (m.op) { state.textContent = m.op + ' ' + m.id; return; }
    const li = document.createElement('li');
    li.dataset.sub = m.id;
    li.dataset.type = m.type;
    li.dataset.name = m.object.metadata.name;
    li.textContent = m.id + ' ' + m.type + ' ' + m.object.kind + ' ' + m.object.metadata.name;
    document.getElementById('events').appendChild(li);
  };
</script>
</body></html>`;

describe('multiplexed watch from a browser page', () => {
  let harness: Harness;
  let pageServer: Server;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium); .ci/run does so`);
    harness = await startHarness();
    pageServer = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(PAGE));
    await new Promise<void>((resolve) => pageServer.listen(0, '127.0.0.1', resolve));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    // The API's certificate comes from the cluster's own CA, which this throwaway profile does not trust.
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    page = await context.newPage();
    expect((await harness.kubectl('1.33', ['create', 'namespace', NS])).code).toBe(0);
  });

  afterAll(async () => {
    await browser?.close();
    if (pageServer) await new Promise((resolve) => pageServer.close(resolve));
    await harness?.stop();
  });

  it('sees live events for objects created and deleted with kubectl', async () => {
    const pagePort = (pageServer.address() as AddressInfo).port;
    const api = harness.server.url.replace(/^https/, 'wss');
    await page.goto(`http://127.0.0.1:${pagePort}/#${new URLSearchParams({ api, token: harness.token, ns: NS })}`);
    await page.locator('#state', { hasText: 'subscribed cms' }).waitFor({ timeout: 15_000 });

    const created = await harness.kubectl('1.33', ['-n', NS, 'create', 'configmap', 'from-kubectl', '--from-literal=a=1']);
    expect(created).toMatchObject({ code: 0, stdout: 'configmap/from-kubectl created\n' });
    await page.locator('li[data-type="ADDED"][data-name="from-kubectl"]').waitFor({ timeout: 10_000 });

    expect((await harness.kubectl('1.33', ['-n', NS, 'delete', 'configmap', 'from-kubectl'])).code).toBe(0);
    await page.locator('li[data-type="DELETED"][data-name="from-kubectl"]').waitFor({ timeout: 10_000 });
    expect(await page.locator('#events li').allTextContents()).toEqual(['cms ADDED ConfigMap from-kubectl', 'cms DELETED ConfigMap from-kubectl']);
  });
});
