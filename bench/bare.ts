/**
 * The baseline: bare node:http JSON servers on loopback. A hop server parses the JSON it gets and
 * answers a canned JSON body, so a chain of them costs what the same hops cost with nothing on top.
 */
import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Hop {
  method: string;
  /** the body sent (JSON text or empty) */
  request: string;
  /** the body answered */
  response: string;
  status: number;
}

export interface BareServer {
  url: string;
  close(): Promise<void>;
}

/** A server whose route `/h/<i>` answers hop i's response after parsing its request body. */
export async function bareHopServer(hops: () => Hop[]): Promise<BareServer> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let parsed: unknown;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"bad json"}');
        return;
      }
      void parsed;
      const i = Number((req.url ?? '').split('/')[2] ?? -1);
      const hop = hops()[i];
      const body = hop ? hop.response : JSON.stringify({ statusCode: 200, message: 'Record updated successfully.', timestamp: new Date().toISOString() });
      res.writeHead(hop?.status ?? 200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
    });
  });
  return serve(server);
}

export async function serve(server: Server): Promise<BareServer> {
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}

/** Sends the hops one after the other, as fetch calls (the sandbox's services call each other with fetch). */
export async function replayChain(base: string, hops: Hop[]): Promise<void> {
  for (let i = 0; i < hops.length; i++) {
    const h = hops[i];
    const hasBody = h.request !== '' && h.method !== 'GET' && h.method !== 'HEAD';
    const res = await fetch(`${base}/h/${i}`, { method: h.method, headers: hasBody ? { 'content-type': 'application/json' } : {}, body: hasBody ? h.request : undefined });
    const text = await res.text();
    if (text) JSON.parse(text);
  }
}
