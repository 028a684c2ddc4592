/**
 * The express base every sandbox service is built on: JSON bodies with a size limit and the raw
 * bytes kept (signatures are checked on them), a journal entry per request, a trace id carried
 * through, and every error rendered in the service's own shape. Nothing a client sends can make it
 * answer 5xx through the parser.
 */
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { ApiError, toApiError } from '../errors.ts';
import type { Journal } from '../journal.ts';
import { installFaults } from '../faults/middleware.ts';
import type { SchemaVerdict } from '../../schemas/generated/sandbox/journal-entry.ts';

export const TRACE_HEADER = 'x-sandbox-trace-id';

declare module 'express-serve-static-core' {
  interface Request {
    rawBody?: Buffer;
    traceId: string;
  }
  interface Locals {
    /** schema verdicts of this hop, recorded in its journal entry */
    verdicts?: SchemaVerdict[];
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
  renderError: (err: ApiError, req: Request) => { status?: number; body: unknown; contentType?: string };
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
    const incoming = req.header(TRACE_HEADER);
    req.traceId = incoming && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
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
      opts.journal.append({
        service: opts.service,
        direction: 'in',
        hop: res.locals.hop,
        method: req.method,
        url: req.originalUrl,
        status: res.statusCode,
        durationMs: Math.round((performance.now() - started) * 100) / 100,
        traceId: req.traceId,
        orderId: res.locals.orderId,
        provider: res.locals.provider,
        accountId: res.locals.accountId,
        requestHeaders: req.headers as Record<string, unknown> as Record<string, string>,
        requestBody: req.rawBody?.toString('utf8'),
        responseBody: Buffer.concat(chunks).toString('utf8'),
        verdicts: res.locals.verdicts,
        error: res.locals.fault,
      });
    });
    next();
  });
  installFaults(app, opts.service, opts.journal);
  const types = ['application/json', '*/*+json', ...(opts.jsonTypes ?? [])];
  app.use(
    express.json({
      limit: opts.bodyLimit ?? '1mb',
      type: types,
      strict: false,
      verify: (req, _res, buf) => {
        (req as Request).rawBody = buf;
      },
    }),
  );
  app.use((req, _res, next) => {
    if (req.body !== undefined && depthOf(req.body) > MAX_JSON_DEPTH) {
      throw new ApiError(400, 'ValidationError', `Request body is nested deeper than ${MAX_JSON_DEPTH} levels`, [
        { pointer: '', message: 'is nested too deeply', expected: `at most ${MAX_JSON_DEPTH} levels of objects and arrays`, actual: 'deeper' },
      ]);
    }
    next();
  });
  return app;
}

export const MAX_JSON_DEPTH = 64;

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
    const { status, body, contentType } = opts.renderError(err, req);
    if (res.headersSent) return void res.end();
    res.status(status ?? err.status);
    if (contentType) res.type(contentType);
    if (typeof body === 'string') res.send(body);
    else res.json(body);
  });
}

/** A body must be JSON: a write with another content type gets a clear 415. */
export function requireJson(req: Request): void {
  const hasBody = req.rawBody !== undefined || Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'];
  if (hasBody && !req.is(['application/json', '*/*+json'])) {
    throw new ApiError(415, 'UnsupportedMediaTypeError', `Content-Type must be application/json, got ${req.headers['content-type'] ?? 'none'}`, [
      { pointer: '', message: 'has the wrong content type', expected: 'application/json', actual: req.headers['content-type'] ?? 'none' },
    ]);
  }
}

export interface Listening {
  server: Server;
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function listen(app: Express, port: number, host: string): Promise<Listening> {
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(port, host, (err?: Error) => (err ? reject(err) : resolve(s)));
    s.once('error', reject);
  });
  server.keepAliveTimeout = 5_000;
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  const addr = server.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return {
    server,
    port: addr.port,
    url: `http://${shownHost}:${addr.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
