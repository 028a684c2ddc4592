/**
 * The load generator, in its own process so that it does not share an event loop with the server
 * being measured. It receives a job over IPC, sends `count` requests with `concurrency` in flight
 * over keep-alive node:http connections, and answers with the elapsed time and the statuses.
 */
import http from 'node:http';

export interface LoadJob {
  /** one URL per request, used round robin */
  urls: string[];
  method: string;
  headers: Record<string, string>;
  body: string;
  count: number;
  concurrency: number;
}

export interface LoadResult {
  ms: number;
  statuses: Record<string, number>;
}

function one(agent: http.Agent, url: string, job: LoadJob): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request(url, { method: job.method, agent, headers: { ...job.headers, 'content-length': Buffer.byteLength(job.body) } }, (res) => {
      res.on('data', () => undefined);
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
    req.end(job.body);
  });
}

export async function runLoad(job: LoadJob): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.concurrency });
  const statuses: Record<string, number> = {};
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: job.concurrency }, async () => {
      while (next < job.count) {
        const i = next++;
        const s = await one(agent, job.urls[i % job.urls.length], job);
        statuses[s] = (statuses[s] ?? 0) + 1;
      }
    }),
  );
  const ms = performance.now() - t0;
  agent.destroy();
  return { ms, statuses };
}

if (process.send) {
  process.on('message', (job: LoadJob | 'exit') => {
    if (job === 'exit') process.exit(0);
    void runLoad(job).then((r) => process.send!(r));
  });
  process.send('ready');
}
