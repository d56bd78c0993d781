import { createServer as createHttp1Server, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttp2Server, type Http2ServerRequest, type Http2ServerResponse } from 'node:http2';

/**
 * The `http2` diagnostic's server, in a process of its own: it answers every request by parsing its JSON body and
 * sending a ~1.3 KB JSON object, as the API's create does, over HTTP/1.1 or over cleartext HTTP/2 (`argv[2]`). The
 * parent asks for its CPU time and request count over IPC.
 */
const version = process.argv[2] === 'h2' ? 'h2' : 'h1';
const reply = JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'n', namespace: 'ns', resourceVersion: '1' }, data: { value: 'v'.repeat(1200) } });
let requests = 0;

function handle(req: IncomingMessage | Http2ServerRequest, res: ServerResponse | Http2ServerResponse): void {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    JSON.parse(Buffer.concat(chunks).toString('utf8'));
    requests++;
    res.writeHead(201, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(reply) });
    res.end(reply);
  });
}

const server = version === 'h2' ? createHttp2Server(handle) : createHttp1Server({ keepAliveTimeout: 60_000 }, handle);
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.send?.({ type: 'ready', port: typeof address === 'object' && address ? address.port : 0 });
});
process.on('message', (message: { type: string }) => {
  if (message.type === 'sample') {
    const cpu = process.cpuUsage();
    process.send?.({ type: 'sample', cpuMicros: cpu.user + cpu.system, requests });
  } else if (message.type === 'stop') process.exit(0);
});
