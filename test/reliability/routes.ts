/**
 * What the reliability tests aim at: every route of every running service (walked from the express
 * routers) and the real requests the services sent each other in a full loop (recorded with their
 * real credentials and bodies), so that bad input reaches past authentication into the handlers.
 */
import type { Express } from 'express';
import type { Sandbox } from '../../harness/sandbox.ts';
import type { HttpClient, CallOptions } from '../../harness/http/client.ts';
import type { ServiceName } from '../../harness/config.ts';
import { providerAdapters } from '../../harness/ats/sides.ts';

export interface RouteInfo {
  service: ServiceName;
  method: string;
  /** express pattern, e.g. /unified/ats/:category/orders/:id/result */
  pattern: string;
  regex: RegExp;
}

interface LayerLike {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: LayerLike[] };
  rawPath?: string;
}

export function patternRegex(pattern: string): RegExp {
  const src = pattern
    .replace(/[.+?^$()[\]\\|]/g, '\\$&')
    .replace(/\{([^}]*)\}/g, '(?:$1)?')
    .replace(/:\w+/g, '[^/]+')
    .replace(/\*\w+/g, '.+');
  return new RegExp(`^${src}$`);
}

export function walkRoutes(service: ServiceName, stack: LayerLike[], prefix = ''): RouteInfo[] {
  const out: RouteInfo[] = [];
  for (const l of stack) {
    if (l.route) {
      for (const m of Object.keys(l.route.methods)) {
        if (m === '_all') continue;
        const pattern = `${prefix}${l.route.path}`;
        out.push({ service, method: m.toUpperCase(), pattern, regex: patternRegex(pattern) });
      }
    } else if (l.handle?.stack) out.push(...walkRoutes(service, l.handle.stack, prefix + (l.rawPath && l.rawPath !== '/' ? l.rawPath : '')));
  }
  return out;
}

export const appRoutes = (service: ServiceName, app: Express): RouteInfo[] => walkRoutes(service, (app as unknown as { router: { stack: LayerLike[] } }).router.stack);

const route = (service: ServiceName, method: string, pattern: string): RouteInfo => ({ service, method, pattern, regex: patternRegex(pattern) });

/** The bridge's own routes (its app is not exposed; app.ts and routes/unified.ts list them) and each provider's external-trigger router. */
export function bridgeRoutes(sb: Sandbox): RouteInfo[] {
  const own: [string, string][] = [
    ['GET', '/openapi.json'],
    ['GET', '/accounts'],
    ['GET', '/accounts/:id'],
    ['GET', '/connectors/meta'],
    ['GET', '/connectors/meta/:provider'],
    ['GET', '/_sandbox/state'],
    ['POST', '/_sandbox/deliveries/:id/redeliver'],
    ['GET', '/unified/ats/:category/packages'],
    ['GET', '/unified/ats/:category/packages/:id'],
    ['POST', '/unified/ats/background_checks/packages'],
    ['PATCH', '/unified/ats/background_checks/packages/:id'],
    ['DELETE', '/unified/ats/background_checks/packages/:id'],
    ['POST', '/unified/ats/:category/orders'],
    ['PATCH', '/unified/ats/:category/orders/:id/result'],
  ];
  const triggers = providerAdapters().flatMap((a) => walkRoutes('bridge', (a.externalTrigger(sb.bridge!.api) as unknown as { stack: LayerLike[] }).stack, `/external-trigger/${a.key}`));
  return [...own.map(([m, p]) => route('bridge', m, p)), ...triggers];
}

export function controlPlaneRoutes(): RouteInfo[] {
  return (
    [
      ['GET', '/_sandbox/journal'],
      ['GET', '/_sandbox/journal/:seq'],
      ['GET', '/_sandbox/state'],
      ['POST', '/_sandbox/actions/:ats/send-test'],
      ['GET', '/_sandbox/ats/:ats/packages'],
      ['GET', '/_sandbox/ats/:ats/candidates'],
      ['GET', '/_sandbox/ats/:ats/candidates/:id'],
      ['POST', '/_sandbox/faults'],
      ['GET', '/openapi.json'],
    ] as const
  ).map(([m, p]) => route('controlPlane', m, p));
}

export function partnerRoutes(): RouteInfo[] {
  return (
    [
      ['POST', '/packages/assessments'],
      ['POST', '/packages/background-checks'],
      ['POST', '/webhooks/orders'],
      ['GET', '/reports/:file'],
      ['GET', '/_partner/orders'],
      ['GET', '/_partner/behaviour'],
      ['PUT', '/_partner/behaviour'],
    ] as const
  ).map(([m, p]) => route('partner', m, p));
}

export interface Recorded {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** Wraps the outbound HTTP clients of the emulators, the bridge's providers and the partner; returns what they sent. */
export function recordCalls(sb: Sandbox): Recorded[] {
  const seen: Recorded[] = [];
  const wrap = (client: HttpClient): HttpClient => async (opts: CallOptions) => {
    const body = opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
    seen.push({ method: opts.method, url: opts.url, headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...opts.headers }, body });
    return client(opts);
  };
  for (const e of Object.values(sb.emulators)) {
    const ctx = e.ctx as { http: HttpClient };
    ctx.http = wrap(ctx.http);
  }
  const api = sb.bridge!.api as { http: HttpClient };
  api.http = wrap(api.http);
  const partner = sb.partner as unknown as { http: HttpClient };
  partner.http = wrap(partner.http);
  return seen;
}
