import { Agent, request as httpsRequest } from 'node:https';
import { LeanPool } from './lean-http';
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';

export interface Reply {
  status: number;
  body: string;
}

export interface ClientOptions {
  baseUrl: string;
  /** PEM CA bundle for an https URL. */
  ca?: string;
  headers?: Record<string, string>;
  maxSockets: number;
}

export interface Stream {
  /** Resolves once the response headers arrived (rejects on a non-2xx status). */
  ready: Promise<void>;
  /** Resolves when the stream ends, for any reason. */
  ended: Promise<void>;
  close(): void;
}

/** What the figures need of a client: requests, JSON requests and line streams. */
export interface Client {
  send(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply>;
  json<T>(method: string, path: string, body: unknown, expect: number | number[], headers?: Record<string, string>): Promise<T>;
  stream(method: string, path: string, body: unknown, onLine: (line: string) => void): Stream;
  destroy(): void;
}

/** A keep-alive HTTP(S) client, as kubectl and client-go hold their connections. */
export class HttpClient implements Client {
  private readonly requests: LeanPool;
  private readonly streamAgent: HttpAgent;
  private readonly tls: boolean;
  private readonly url: URL;

  constructor(private readonly options: ClientOptions) {
    this.url = new URL(options.baseUrl);
    this.tls = this.url.protocol === 'https:';
    this.requests = new LeanPool(options.baseUrl, options.maxSockets, { Accept: 'application/json', ...options.headers }, options.ca);
    // Streams hold their connection for their whole life: they get their own pool so they never starve requests.
    this.streamAgent = this.tls ? new Agent({ keepAlive: false, ca: options.ca }) : new HttpAgent({ keepAlive: false });
  }

  send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    if (payload !== undefined && !('Content-Type' in headers)) headers = { ...headers, 'Content-Type': 'application/json' };
    return this.requests.request(method, path, payload, headers);
  }

  /** Sends and parses JSON, failing on any status other than `expect`. */
  async json<T>(method: string, path: string, body: unknown, expect: number | number[], headers?: Record<string, string>): Promise<T> {
    const reply = await this.send(method, path, body, headers);
    const ok = Array.isArray(expect) ? expect.includes(reply.status) : reply.status === expect;
    if (!ok) throw new Error(`${method} ${path}: HTTP ${reply.status}: ${reply.body.slice(0, 300)}`);
    return JSON.parse(reply.body) as T;
  }

  /** A long-lived request whose body arrives as newline-delimited lines. */
  stream(method: string, path: string, body: unknown, onLine: (line: string) => void): Stream {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    let req: ReturnType<typeof httpRequest> | undefined;
    let endedResolve!: () => void;
    const ended = new Promise<void>((r) => (endedResolve = r));
    const ready = new Promise<void>((resolve, reject) => {
      req = this.open(method, path, this.streamAgent, payload, (res) => {
        if ((res.statusCode ?? 0) >= 300) {
          reject(new Error(`${method} ${path}: HTTP ${res.statusCode}`));
          res.resume();
          res.on('end', endedResolve);
          return;
        }
        resolve();
        let rest = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          const text = rest + chunk;
          let from = 0;
          for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', from)) {
            if (nl > from) onLine(text.slice(from, nl));
            from = nl + 1;
          }
          rest = text.slice(from);
        });
        res.on('end', endedResolve);
        res.on('close', endedResolve);
        res.on('error', endedResolve);
      });
      req.on('error', (e) => {
        reject(e);
        endedResolve();
      });
      req.end(payload);
    });
    return { ready, ended, close: () => req?.destroy() };
  }

  destroy(): void {
    this.requests.close();
    this.streamAgent.destroy();
  }

  private open(method: string, path: string, agent: HttpAgent, payload: string | undefined, onResponse: (res: IncomingMessage) => void) {
    const all: Record<string, string> = { Accept: 'application/json', ...this.options.headers };
    if (payload !== undefined) {
      all['Content-Type'] ??= 'application/json';
      all['Content-Length'] = String(Buffer.byteLength(payload));
    }
    const options = { method, host: this.url.hostname, port: this.url.port, path, agent, headers: all };
    return this.tls ? httpsRequest({ ...options, ca: this.options.ca }, onResponse) : httpRequest(options, onResponse);
  }
}

/**
 * Spreads requests and streams over several servers in turn, as a load balancer in front of API replicas does:
 * each request (or stream) goes to the next one.
 */
export class RoundRobinClient implements Client {
  private next = 0;

  constructor(private readonly clients: HttpClient[]) {}

  private pick(): HttpClient {
    return this.clients[this.next++ % this.clients.length];
  }

  send(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply> {
    return this.pick().send(method, path, body, headers);
  }

  json<T>(method: string, path: string, body: unknown, expect: number | number[], headers?: Record<string, string>): Promise<T> {
    return this.pick().json<T>(method, path, body, expect, headers);
  }

  stream(method: string, path: string, body: unknown, onLine: (line: string) => void): Stream {
    return this.pick().stream(method, path, body, onLine);
  }

  destroy(): void {
    this.clients.forEach((c) => c.destroy());
  }
}
