/**
 * The connection pools of every call the sandbox makes to a service (its services to each other, the
 * control-plane client, the scenario runner): keep-alive connections pooled per origin, and dropped
 * the moment a server of this process on that origin closes (`listen().close()` calls
 * forgetConnections). Without it, a sandbox started on a port another sandbox had just closed (the
 * fixed bridge port of scenario runs against your own partner) was sent the old sandbox's pooled
 * connection, and the call failed with "fetch failed" (undici: "other side closed"): the close and the
 * next start happen without an I/O turn in between, so the pool never saw the old socket end.
 *
 * Only servers of this process are pooled here (`listen()` registers them with keepAliveTo): a call
 * to a server elsewhere (your partner service, a Pact mock server) goes through Node's global
 * dispatcher, as a plain fetch() would.
 */
import { Dispatcher, Pool, fetch as undiciFetch, getGlobalDispatcher, type RequestInit as UndiciRequestInit, type Response as UndiciResponse } from 'undici';

class OriginPools extends Dispatcher {
  private readonly pools = new Map<string, Pool>();
  /** origins of servers this process listens on, whose closing it hears of */
  readonly own = new Set<string>();

  override dispatch(opts: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandlers): boolean {
    const origin = new URL(String(opts.origin)).origin;
    if (!this.own.has(origin)) return getGlobalDispatcher().dispatch(opts, handler);
    let pool = this.pools.get(origin);
    if (!pool || pool.closed || pool.destroyed) {
      // below the services' keepAliveTimeout (5 s), so the client never reuses a socket the server is closing
      pool = new Pool(origin, { keepAliveTimeout: 4_000 });
      this.pools.set(origin, pool);
    }
    return pool.dispatch(opts, handler);
  }

  /** Drops every pooled connection to an origin (its server closed); the next call opens a new one. */
  forget(origin: string): void {
    this.own.delete(origin);
    const pool = this.pools.get(origin);
    if (!pool) return;
    this.pools.delete(origin);
    pool.destroy().catch(() => undefined);
  }

  override async close(): Promise<void> {
    const all = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(all.map((p) => p.close()));
  }

  override async destroy(): Promise<void> {
    const all = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(all.map((p) => p.destroy()));
  }
}

const pools = new OriginPools();

/** Keeps connections to a server of this process alive between calls (listen() calls it). */
export function keepAliveTo(url: string): void {
  try {
    pools.own.add(new URL(url).origin);
  } catch {
    // not a URL
  }
}

/** Drops the pooled connections to the server at this URL (call it when that server closes). */
export function forgetConnections(url: string): void {
  try {
    pools.forget(new URL(url).origin);
  } catch {
    // not a URL: nothing was pooled for it
  }
}

export type LocalResponse = UndiciResponse;

/** fetch() over the per-origin pools above (same API as the global fetch). */
export function localFetch(url: string | URL, init: Omit<UndiciRequestInit, 'dispatcher'> = {}): Promise<UndiciResponse> {
  return undiciFetch(url, { ...init, dispatcher: pools });
}
