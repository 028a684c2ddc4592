/**
 * How the CLI finds its sandbox. `up` writes `endpoint.json` in its data dir (where it listens, its
 * pid); every other command takes `--url`, then `ATS_SANDBOX_URL`, then that file, then the default
 * http://127.0.0.1:4000, and says which one it used when nothing answers there.
 */
import { readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { ServiceName } from '../names.ts';

const DEFAULT_CONTROL_PLANE = 'http://127.0.0.1:4000';
const DEFAULT_DATA_DIR = '.sandbox-data';
const ENDPOINT_FILE = 'endpoint.json';
export const URL_ENV = 'ATS_SANDBOX_URL';

/** What `up` records in `<data dir>/endpoint.json`. */
export interface Endpoint {
  controlPlane: string;
  urls: Partial<Record<ServiceName, string>>;
  apiKey: string;
  accounts: Record<string, { id: string }>;
  pid: number;
  startedAt: string;
  /** the detached process's output (`up --detach`) */
  log?: string;
}

export interface Target {
  url: string;
  /** how it was chosen, in words, for error messages */
  source: string;
  endpoint?: Endpoint;
  endpointFile?: string;
}

/**
 * The data dir whose endpoint file the CLI reads: `--data-dir`, else the `dataDir` of
 * ./sandbox.config.json when it names one, else .sandbox-data (all relative to the working directory).
 */
export function dataDirFor(explicit: string | undefined): string {
  if (explicit) return path.resolve(explicit);
  try {
    const c = JSON.parse(readFileSync('sandbox.config.json', 'utf8')) as { dataDir?: unknown };
    if (typeof c.dataDir === 'string' && c.dataDir) return path.resolve(c.dataDir);
  } catch {
    /* no config file, or not ours to judge here (`up` validates it) */
  }
  return path.resolve(DEFAULT_DATA_DIR);
}

const endpointFile = (dataDir: string): string => path.join(dataDir, ENDPOINT_FILE);

export function writeEndpoint(dataDir: string, e: Endpoint): string {
  mkdirSync(dataDir, { recursive: true });
  const file = endpointFile(dataDir);
  writeFileSync(file, `${JSON.stringify(e, null, 2)}\n`);
  return file;
}

export function readEndpoint(dataDir: string): Endpoint | undefined {
  try {
    const e = JSON.parse(readFileSync(endpointFile(dataDir), 'utf8')) as Endpoint;
    return typeof e?.controlPlane === 'string' && Number.isInteger(e.pid) ? e : undefined;
  } catch {
    return undefined;
  }
}

/** Removes the endpoint file if it is still the one process `pid` wrote. */
export function clearEndpoint(dataDir: string, pid: number): void {
  if (readEndpoint(dataDir)?.pid === pid) rmSync(endpointFile(dataDir), { force: true });
}

/** True while process `pid` runs (an exited process not yet reaped by its parent, a zombie, has stopped). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    // Linux: "pid (name) S ..."; a detached `up` is reaped by whatever adopted it, sometimes a second later
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // no /proc: kill(pid, 0) is all there is
  }
}

const rel = (f: string): string => path.relative(process.cwd(), f) || f;

/** --url, then ATS_SANDBOX_URL, then the endpoint file, then the default. */
export function resolveTarget(o: { url?: string; dataDir?: string }, env: NodeJS.ProcessEnv = process.env): Target {
  const dir = dataDirFor(o.dataDir);
  const file = endpointFile(dir);
  const endpoint = readEndpoint(dir);
  const withFile = (t: Target): Target => (endpoint && endpoint.controlPlane === t.url ? { ...t, endpoint, endpointFile: file } : t);
  if (o.url) return withFile({ url: o.url.replace(/\/+$/, ''), source: '--url' });
  if (env[URL_ENV]) return withFile({ url: env[URL_ENV]!.replace(/\/+$/, ''), source: `${URL_ENV}` });
  if (endpoint) {
    const stale = alive(endpoint.pid) ? '' : `; its process ${endpoint.pid} is gone, so the file is stale`;
    return { url: endpoint.controlPlane, source: `${rel(file)}, written by \`up\` (pid ${endpoint.pid})${stale}`, endpoint, endpointFile: file };
  }
  return { url: DEFAULT_CONTROL_PLANE, source: `the default; there is no --url, no ${URL_ENV}, no ${rel(file)}` };
}

/** True when the control plane at `url` answers (any HTTP status). */
export async function answers(url: string, timeoutMs = 1_000): Promise<boolean> {
  try {
    const res = await fetch(`${url}/_sandbox/state`, { signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer();
    return true;
  } catch {
    return false;
  }
}
