import { Client } from 'pg';

/**
 * One Postgres connection in pipeline mode: a query is written as soon as it is asked for, without waiting for the
 * answers to the queries before it, and Postgres runs them one after another in the order they were written. Each
 * query is its own implicit transaction (its own Sync), so one that fails does not stop those behind it.
 *
 * The event store sends its chained appends here (docs/decisions.md D21): the next append is already waiting in
 * Postgres' socket when the one before it commits, instead of leaving after a round trip through this process.
 *
 * It connects on first use. A connection that fails fails the queries on it; the next query opens a new one.
 */
export class PipelinedClient {
  private client?: Client;
  /** Queries asked while connecting, in the order asked. */
  private waiting?: Waiting[];
  private closed = false;

  constructor(private readonly url: string) {}

  /**
   * Runs `text` with `values`; queries asked in order are run in that order. With a `name`, the statement is prepared
   * on the connection the first time and only bound after that.
   */
  query<R>(text: string, values: unknown[], name?: string): Promise<R[]> {
    if (this.client) return rowsOf<R>(this.client.query({ text, values, name }));
    if (this.closed) return Promise.reject(new Error('the pipelined connection is closed'));
    return new Promise<unknown[]>((resolve, reject) => {
      const first = this.waiting === undefined;
      (this.waiting ??= []).push({ text, values, name, resolve, reject });
      if (first) void this.connect();
    }) as Promise<R[]>;
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.url, pipeline: true });
    // A lost server must not crash the process: the queries on the connection fail on their own, and the next
    // query opens a new connection.
    const drop = () => {
      if (this.client === client) this.client = undefined;
    };
    client.on('error', drop);
    client.on('end', drop);
    const waiting = () => {
      const w = this.waiting ?? [];
      this.waiting = undefined;
      return w;
    };
    try {
      await client.connect();
    } catch (error) {
      await client.end().catch(() => undefined);
      for (const w of waiting()) w.reject(error);
      return;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      for (const w of waiting()) w.reject(new Error('the pipelined connection is closed'));
      return;
    }
    // Written in the order asked, before any later query can go straight to the client.
    for (const w of waiting()) rowsOf(client.query({ text: w.text, values: w.values, name: w.name })).then(w.resolve, w.reject);
    this.client = client;
  }
}

interface Waiting {
  text: string;
  values: unknown[];
  name?: string;
  resolve(rows: unknown[]): void;
  reject(error: unknown): void;
}

function rowsOf<R>(result: Promise<{ rows: unknown[] }>): Promise<R[]> {
  return result.then((r) => r.rows as R[]);
}
