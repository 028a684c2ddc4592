/**
 * DirectRoutes: the routes a service serves straight on node:http, ahead of its express app. They
 * are the paths partners load-test (the unified API); express's router, request decoration and
 * response helpers cost about half of their throughput (docs/decisions/007). A direct route goes
 * through the same lifecycle as an express one (service-app.ts): trace id, fault rules, the same
 * JSON body parser and depth limit, errors in the service's own shape, one journal entry.
 *
 * A handler gets the request's parts and the hop's locals, and returns the status and JSON body.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Response } from 'express';
import { compileRoute, type RouteMatch } from './route-match.ts';

/** What a handler reads of a request; an express Request has the same members. */
export interface HopRequest {
  method: string;
  /** the path without the query */
  path: string;
  originalUrl: string;
  headers: IncomingHttpHeaders;
  params: Record<string, string>;
  query: Record<string, unknown>;
  body?: unknown;
  rawBody?: Buffer;
  traceId: string;
  header(name: string): string | undefined;
}

/** What a handler records of its hop (the journal entry's hop, order, provider, account, verdicts). */
export type HopLocals = Response['locals'];

export interface Reply {
  status?: number;
  body: unknown;
  /** extra response headers (e.g. the bridge's warnings) */
  headers?: Record<string, string | string[]>;
}

/** A Content-Type as answers carry it: with a charset (utf-8 unless it names one). */
export const withCharset = (contentType: string): string => (contentType.includes('charset') ? contentType : `${contentType}; charset=utf-8`);

export type DirectHandler = (req: HopRequest, locals: HopLocals) => Promise<Reply> | Reply;

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface Route {
  method: Method;
  pattern: string;
  /** the sandbox's one route matcher (route-match.ts): express's rules */
  matches: RouteMatch;
  handler: DirectHandler;
}

export interface DirectMatch {
  handler: DirectHandler;
  params: Record<string, string>;
  /** a HEAD request runs the GET handler and sends no body */
  head: boolean;
}

export class DirectRoutes {
  private readonly routes: Route[] = [];

  get(pattern: string, handler: DirectHandler): this {
    return this.add('GET', pattern, handler);
  }
  post(pattern: string, handler: DirectHandler): this {
    return this.add('POST', pattern, handler);
  }
  patch(pattern: string, handler: DirectHandler): this {
    return this.add('PATCH', pattern, handler);
  }
  delete(pattern: string, handler: DirectHandler): this {
    return this.add('DELETE', pattern, handler);
  }

  private add(method: Method, pattern: string, handler: DirectHandler): this {
    this.routes.push({ method, pattern, matches: compileRoute(pattern), handler });
    return this;
  }

  /**
   * The route for a request, if one is direct. A path segment that is not valid percent-encoding
   * is a 400, as express answers it.
   */
  match(method: string, path: string): DirectMatch | undefined {
    const head = method === 'HEAD';
    const wanted = head ? 'GET' : method;
    for (const r of this.routes) {
      if (r.method !== wanted) continue;
      const params = r.matches(path);
      if (params) return { handler: r.handler, params: params as Record<string, string>, head };
    }
    return undefined;
  }

  /** The routes in plain words, one a line. */
  explain(): string[] {
    return this.routes.map((r) => `${r.method} ${r.pattern}`);
  }
}
