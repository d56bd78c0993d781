import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Harness } from '../../../../test/support/api-harness';

export interface WatchEvent {
  type: string;
  object: { kind?: string; apiVersion?: string; metadata: { name?: string; resourceVersion?: string; annotations?: Record<string, string>; labels?: Record<string, string> }; code?: number; reason?: string; [k: string]: unknown };
}

export interface RawWatch {
  status: number;
  events: WatchEvent[];
  /** Resolves once `count` events arrived (or the stream ended). */
  waitForEvents(count: number, timeoutMs?: number): Promise<WatchEvent[]>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

/** A chunked-HTTP watch against the harness, parsed into events as they arrive. */
export function rawWatch(harness: Harness, path: string, server = harness.server.url): Promise<RawWatch> {
  return new Promise((resolve, reject) => {
    const events: WatchEvent[] = [];
    const waiters = new Set<() => void>();
    let endResolve: () => void = () => undefined;
    const ended = new Promise<void>((r) => (endResolve = r));
    let done = false;
    const url = new URL(path, server);
    const request = url.protocol === 'http:' ? httpRequest : httpsRequest;
    const req = request(url, { headers: { Authorization: `Bearer ${harness.token}` }, ca: harness.caCertPem }, (res) => {
      let buffer = '';
      res.on('data', (chunk: Buffer) => {
        buffer += chunk.toString('utf8');
        let i: number;
        while ((i = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, i);
          buffer = buffer.slice(i + 1);
          if (line.trim()) events.push(JSON.parse(line) as WatchEvent);
        }
        for (const w of waiters) w();
      });
      res.on('end', () => {
        done = true;
        endResolve();
        for (const w of waiters) w();
      });
      res.on('error', () => undefined);
      resolve({
        status: res.statusCode ?? 0,
        events,
        ended,
        waitForEvents(count, timeoutMs = 10_000) {
          return new Promise((res2, rej2) => {
            const check = () => {
              if (events.length >= count || done) {
                clearTimeout(timer);
                waiters.delete(check);
                res2(events.slice());
              }
            };
            const timer = setTimeout(() => {
              waiters.delete(check);
              rej2(new Error(`watch ${path}: wanted ${count} events, got ${JSON.stringify(events.map((e) => e.type))}`));
            }, timeoutMs);
            waiters.add(check);
            check();
          });
        },
        close: () => req.destroy(),
      });
    });
    req.on('error', (e) => (done ? undefined : reject(e)));
    req.end();
  });
}
