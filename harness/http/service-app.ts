/**
 * The express base every sandbox service is built on: JSON bodies with a size limit and the raw
 * bytes kept (signatures are checked on them), a journal entry per request, a trace id carried
 * through, and every error rendered in the service's own shape. Nothing a client sends can make it
 * answer 5xx through the parser.
 */
import express, { type Express, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import http, { type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { parse as parseQuery } from 'node:querystring';
import { ApiError, toApiError } from '../errors.ts';
import type { Journal } from '../journal.ts';
import { applyFault, installFaults } from '../faults/middleware.ts';
import type { FaultRegistry } from '../faults/registry.ts';
import { DirectRoutes, withCharset, type DirectMatch, type HopLocals, type HopRequest } from './direct-routes.ts';
import { guardRequest, isJsonType, writeCors, type GuardPolicy } from './request-guard.ts';
import type { SchemaVerdict } from '../../schemas/generated/sandbox/journal-entry.ts';
import type { Verdict } from '../schemas/registry.ts';
import type { FieldIssue } from '../../schemas/generated/unified/common.ts';
import { forgetConnections, keepAliveTo } from './pools.ts';

export const TRACE_HEADER = 'x-sandbox-trace-id';

declare module 'express-serve-static-core' {
  interface Request {
    rawBody?: Buffer;
    traceId: string;
  }
  interface Locals {
    /** schema verdicts of this hop, recorded in its journal entry */
    verdicts?: SchemaVerdict[];
    /** what the service accepted on a guess, recorded in its journal entry */
    warnings?: FieldIssue[];
    hop?: string;
    orderId?: string;
    provider?: string;
    accountId?: string;
  }
}

export interface ServiceAppOptions {
  service: string;
  journal: Journal;
  /** renders an error in the service's own shape */
  /** `req.path`: where the error happened (an endpoint may have its own error shape, e.g. an OAuth token URL) */
  renderError: (err: ApiError, req?: { path: string }) => { status?: number; body: unknown; contentType?: string };
  bodyLimit?: string;
  /** extra JSON media types (e.g. application/vnd.api+json) */
  jsonTypes?: string[];
}

export function createServiceApp(opts: ServiceAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  // an ETag is a hash of every answer; no client of the sandbox revalidates, so it is pure cost
  app.set('etag', false);
  app.set('query parser', 'simple');
  app.use((req, res, next) => {
    const started = performance.now();
    req.traceId = traceIdOf(req.headers[TRACE_HEADER]);
    res.setHeader(TRACE_HEADER, req.traceId);
    const chunks: Buffer[] = [];
    let size = 0;
    const write = res.write.bind(res) as (...a: unknown[]) => boolean;
    const end = res.end.bind(res) as (...a: unknown[]) => Response;
    const keep = (chunk: unknown): void => {
      if (chunk && size < 32_768) {
        const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
        chunks.push(b);
        size += b.length;
      }
    };
    res.write = ((chunk: unknown, ...rest: unknown[]) => (keep(chunk), write(chunk, ...rest))) as Response['write'];
    res.end = ((chunk?: unknown, ...rest: unknown[]) => (typeof chunk !== 'function' && keep(chunk), end(chunk, ...rest))) as Response['end'];
    res.on('finish', () => {
      // sandbox plumbing (control plane, recruiter actions, admin routes) is not a hop of the emulated flow
      if (opts.service === 'control-plane' || req.path.startsWith('/_sandbox/') || req.path.startsWith('/_partner/')) return;
      journalHop(opts, req, res.statusCode, Buffer.concat(chunks).toString('utf8'), res.locals, started);
    });
    next();
  });
  const policy: GuardPolicy = { allowedOrigins: [] };
  app.use((req, res, next) => {
    if (guarded(opts, policy, req, res)) next();
  });
  const faults = installFaults(app, opts.service, opts.journal);
  const parseBody = express.json({
    limit: opts.bodyLimit ?? '1mb',
    type: ['application/json', '*/*+json', ...(opts.jsonTypes ?? [])],
    strict: false,
    verify: (req, _res, buf) => {
      (req as Request).rawBody = buf;
    },
  });
  app.use(parseBody);
  app.use((req, _res, next) => {
    checkDepth(req.body);
    next();
  });
  lanes.set(app, { opts, routes: new DirectRoutes(), faults, parseBody, policy });
  return app;
}

/**
 * Runs the request guard (request-guard.ts) for either lane: false when it answered the request
 * itself (a refusal in the service's own shape, or a CORS preflight from an allowed origin).
 */
function guarded(opts: ServiceAppOptions, policy: GuardPolicy, req: IncomingMessage & { path?: string }, res: ServerResponse): boolean {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const out = guardRequest(opts.service, { method: req.method ?? 'GET', path: q < 0 ? url : url.slice(0, q), headers: req.headers, localPort: req.socket?.localPort }, policy);
  if (out.corsOrigin) writeCors(res, out.corsOrigin, out.preflight ? { headers: req.headers['access-control-request-headers'] as string | undefined } : undefined);
  if (out.preflight) {
    res.statusCode = 204;
    res.end();
    return false;
  }
  if (!out.refusal) return true;
  const { status, body, contentType } = opts.renderError(out.refusal, { path: q < 0 ? url : url.slice(0, q) });
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.statusCode = status ?? out.refusal.status;
  res.setHeader('content-type', withCharset(contentType ?? 'application/json'));
  res.setHeader('content-length', Buffer.byteLength(text));
  res.end(req.method === 'HEAD' ? undefined : text);
  return false;
}

/** The journal entry of a request a service answered (both lanes). */
function journalHop(
  opts: ServiceAppOptions,
  req: { method: string; originalUrl: string; traceId: string; headers: IncomingHttpHeaders; rawBody?: Buffer },
  status: number,
  responseBody: string,
  locals: HopLocals,
  started: number,
): void {
  opts.journal.append({
    service: opts.service,
    direction: 'in',
    hop: locals.hop,
    method: req.method,
    url: req.originalUrl,
    status,
    durationMs: Math.round((performance.now() - started) * 100) / 100,
    traceId: req.traceId,
    orderId: locals.orderId,
    provider: locals.provider,
    accountId: locals.accountId,
    requestHeaders: req.headers as Record<string, unknown> as Record<string, string>,
    requestBody: req.rawBody?.toString('utf8'),
    responseBody,
    verdicts: locals.verdicts,
    warnings: locals.warnings,
    error: locals.fault,
  });
}

function checkDepth(body: unknown): void {
  if (body !== undefined && depthOf(body) > MAX_JSON_DEPTH) {
    throw new ApiError(400, 'ValidationError', `Request body is nested deeper than ${MAX_JSON_DEPTH} levels`, [
      { pointer: '', message: 'is nested too deeply', expected: `at most ${MAX_JSON_DEPTH} levels of objects and arrays`, actual: 'deeper' },
    ]);
  }
}

/** What a service's direct routes need of it: they are served ahead of its express app by `listen`. */
interface DirectLane {
  opts: ServiceAppOptions;
  routes: DirectRoutes;
  faults: FaultRegistry | undefined;
  parseBody: RequestHandler;
  policy: GuardPolicy;
}

const lanes = new WeakMap<Express, DirectLane>();

/** Records a schema verdict on the hop (its journal entry shows it). */
export function recordVerdict(locals: HopLocals, v: Verdict, part: 'request' | 'response' = 'request'): void {
  (locals.verdicts ??= []).push({ schema: v.schema, part, valid: v.valid, ...(v.valid ? {} : { issues: v.issues }) });
}

/** The routes this service app serves directly on node:http (see direct-routes.ts); add to them. */
export function directRoutes(app: Express): DirectRoutes {
  const lane = lanes.get(app);
  if (!lane) throw new Error('directRoutes() needs an app made by createServiceApp()');
  return lane.routes;
}

function traceIdOf(header: string | string[] | undefined): string {
  return typeof header === 'string' && /^[\w-]{1,64}$/.test(header) ? header : randomUUID();
}

/** Serves a request on a direct route if one matches; false lets express have it. */
function serveDirect(lane: DirectLane, req: IncomingMessage, res: ServerResponse): boolean {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  let match: DirectMatch | undefined;
  let early: unknown;
  try {
    match = lane.routes.match(req.method ?? 'GET', path);
  } catch (e) {
    early = e;
  }
  if (!match && early === undefined) return false;
  const started = performance.now();
  const traceId = traceIdOf(req.headers[TRACE_HEADER]);
  res.setHeader(TRACE_HEADER, traceId);
  const locals = {} as HopLocals;
  const hop: HopRequest = {
    method: req.method ?? 'GET',
    path,
    originalUrl: url,
    headers: req.headers,
    params: match?.params ?? {},
    query: q < 0 ? {} : parseQuery(url.slice(q + 1)),
    traceId,
    header: (name) => {
      const v = req.headers[name.toLowerCase()];
      return Array.isArray(v) ? v.join(', ') : v;
    },
  };
  let sent = '';
  const send = (status: number, body: unknown, contentType?: string): void => {
    sent = typeof body === 'string' ? body : JSON.stringify(body);
    res.statusCode = status;
    res.setHeader('content-type', withCharset(contentType ?? 'application/json'));
    res.setHeader('content-length', Buffer.byteLength(sent));
    res.end(match?.head ? undefined : sent);
  };
  const fail = (e: unknown): void => {
    const err = toApiError(e);
    if (err.status >= 500 && !(e instanceof ApiError)) console.error(`[${lane.opts.service}]`, e);
    if (res.headersSent) return void res.end();
    const { status, body, contentType } = lane.opts.renderError(err, { path: hop.path });
    for (const [k, v] of Object.entries(err.headers ?? {})) res.setHeader(k, v);
    send(status ?? err.status, body, contentType);
  };
  res.on('finish', () => journalHop(lane.opts, hop, res.statusCode, sent, locals, started));
  if (!guarded(lane.opts, lane.policy, req, res)) return true;
  if (!match) {
    fail(early);
    return true;
  }
  const { handler } = match;
  const run = (): void =>
    void lane.parseBody(req as Request, res as Response, (err?: unknown) => {
      if (err) return fail(err);
      try {
        hop.body = (req as Request).body;
        hop.rawBody = (req as Request).rawBody;
        checkDepth(hop.body);
        // a throw while answering (a body that cannot be JSON) is an error like any other, never unhandled
        Promise.resolve(handler(hop, locals))
          .then((r) => {
            for (const [k, v] of Object.entries(r.headers ?? {})) res.setHeader(k, v);
            send(r.status ?? 200, r.body);
          })
          .catch(fail);
      } catch (e) {
        fail(e);
      }
    });
  try {
    const fault = lane.faults?.take(hop.method, path);
    if (!fault) run();
    else sent = applyFault(fault, { method: hop.method, url, traceId }, res, locals, run, lane.opts.service, lane.opts.journal) ?? '';
  } catch (e) {
    fail(e);
  }
  return true;
}

const MAX_JSON_DEPTH = 64;

/** Nesting depth of a parsed JSON value, counted without recursion (stops early past the limit). */
function depthOf(value: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d + 1 > max) max = d + 1;
    if (max > MAX_JSON_DEPTH) return max;
    for (const child of Object.values(v)) if (child !== null && typeof child === 'object') stack.push([child, d + 1]);
  }
  return max;
}

/** Installs the 404 fallback and the error renderer; call after the routes. */
export function finishServiceApp(app: Express, opts: ServiceAppOptions): void {
  app.use((req: Request) => {
    throw new ApiError(404, 'RouteNotFoundError', `No route for ${req.method} ${req.path}`);
  });
  app.use((e: unknown, req: Request, res: Response, _next: NextFunction) => {
    const err = toApiError(e);
    if (err.status >= 500 && !(e instanceof ApiError)) console.error(`[${opts.service}]`, e);
    const { status, body, contentType } = opts.renderError(err, { path: req.path });
    if (res.headersSent) return void res.end();
    res.status(status ?? err.status);
    for (const [k, v] of Object.entries(err.headers ?? {})) res.setHeader(k, v);
    if (contentType) res.type(contentType);
    if (typeof body === 'string') res.send(body);
    else res.json(body);
  });
}

;

/** A body must be JSON: a write with another content type gets a clear 415. */
export function requireJson(req: Pick<HopRequest, 'rawBody' | 'headers'>): void {
  const hasBody = req.rawBody !== undefined || Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'];
  if (hasBody && !isJsonType(req.headers['content-type'])) {
    throw new ApiError(415, 'UnsupportedMediaTypeError', `Content-Type must be application/json, got ${req.headers['content-type'] ?? 'none'}`, [
      { pointer: '', message: 'has the wrong content type', expected: 'application/json', actual: req.headers['content-type'] ?? 'none' },
    ]);
  }
}

/** Connections a server holds at once unless configured (limits.maxConnections): far above what a laptop's tests need. */
const DEFAULT_MAX_CONNECTIONS = 1_024;

export interface Listening {
  server: Server;
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Listens with the app's direct routes first (when it has any) and express for the rest. */
export interface ListenOptions {
  /** origins a browser may call this service from (CORS for them only); none by default */
  allowedOrigins?: readonly string[];
  /** most connections the server holds open at once (further ones are refused) */
  maxConnections?: number;
  /** most fault rules this service holds at once */
  maxFaultRules?: number;
}

export async function listen(app: Express, port: number, host: string, options: ListenOptions = {}): Promise<Listening> {
  const lane = lanes.get(app);
  if (lane) {
    lane.policy.host = host;
    lane.policy.allowedOrigins = options.allowedOrigins ?? [];
    if (lane.faults && options.maxFaultRules) lane.faults.maxRules = options.maxFaultRules;
  }
  const handler = lane ? (req: IncomingMessage, res: ServerResponse) => void (serveDirect(lane, req, res) || app(req, res)) : app;
  const server = await new Promise<Server>((resolve, reject) => {
    const s = http.createServer(handler);
    s.once('error', reject);
    s.listen(port, host, () => resolve(s));
  });
  server.maxConnections = options.maxConnections ?? DEFAULT_MAX_CONNECTIONS;
  server.keepAliveTimeout = 5_000;
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  const addr = server.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  keepAliveTo(`http://${shownHost}:${addr.port}`);
  return {
    server,
    port: addr.port,
    url: `http://${shownHost}:${addr.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        // no pooled client connection of this process may outlive the server (see ./pools.ts)
        forgetConnections(`http://${shownHost}:${addr.port}`);
      }),
  };
}
