/**
 * The one check every request to every sandbox service passes before anything else (both lanes:
 * express and the direct routes, service-app.ts). The sandbox runs on developers' laptops while
 * they browse the web, so (docs/decisions/009):
 *
 * 1. Host allow-list (DNS rebinding): the Host header must name this service: 127.0.0.1, localhost,
 *    [::1] or the host it was started on (with a port, or without one), else 421.
 * 2. Cross-site refusal: a request that can change state (anything but GET, HEAD, OPTIONS) with a
 *    browser's cross-site signal (an Origin that is not this service, `Sec-Fetch-Site: cross-site`)
 *    is refused with 403, unless the origin is named in `allowedOrigins`. Partners' and ATSs' real
 *    calls are server to server and carry neither signal, so the protocol routes keep working.
 * 3. Sandbox-only routes (the control plane, `/_sandbox/*`, `/_partner/*`) that change state also
 *    need a JSON content type or the header `x-ats-sandbox: 1`, even without a body: a web page can
 *    send neither without a CORS preflight, which the sandbox does not grant (no CORS by default).
 *
 * `allowedOrigins` names origins that may call (CORS answers are sent to them and only to them).
 */
import os from 'node:os';
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { ApiError } from '../errors.ts';

export const SANDBOX_HEADER = 'x-ats-sandbox';

export interface GuardPolicy {
  /** the host the service was started on (its name is accepted in Host besides the loopback names) */
  host?: string;
  /** origins allowed to call from a browser (exact `scheme://host[:port]`) */
  allowedOrigins: readonly string[];
}

export interface GuardedRequest {
  method: string;
  /** the request's path, without its query */
  path: string;
  headers: IncomingHttpHeaders;
  /** the port the request arrived on */
  localPort?: number;
}

const LOOPBACK = ['127.0.0.1', 'localhost', '[::1]'];
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The host names a service started on `host` answers to (lower case; IPv6 in brackets). */
function hostNamesFor(host: string | undefined): Set<string> {
  const names = new Set(LOOPBACK);
  if (!host) return names;
  const h = host.toLowerCase();
  if (h === '0.0.0.0' || h === '::' || h === '[::]') {
    // every interface: every address of this machine and its name reach it
    names.add(os.hostname().toLowerCase());
    for (const list of Object.values(os.networkInterfaces())) for (const a of list ?? []) names.add(a.family === 'IPv6' ? `[${a.address.toLowerCase()}]` : a.address);
  } else names.add(h.includes(':') && !h.startsWith('[') ? `[${h}]` : h);
  return names;
}

/** `name[:port]` → [name, port]; IPv6 literals keep their brackets. */
function splitHost(value: string): [string, string | undefined] {
  const v = value.trim().toLowerCase();
  const m = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(v);
  return m ? [m[1], m[2]] : [v, undefined];
}

export interface GuardOutcome {
  /** the refusal, when the request must not go on */
  refusal?: ApiError;
  /** a CORS preflight from an allowed origin: answered here */
  preflight?: boolean;
  /** an allowed cross-origin caller: its answers carry CORS headers */
  corsOrigin?: string;
}

const names = new Map<string, Set<string>>();

/** Judges a request: the one rule for every service and both lanes. */
export function guardRequest(service: string, req: GuardedRequest, policy: GuardPolicy): GuardOutcome {
  let allowed = names.get(policy.host ?? '');
  if (!allowed) names.set(policy.host ?? '', (allowed = hostNamesFor(policy.host)));
  const hostHeader = req.headers.host;
  if (hostHeader !== undefined) {
    const [name, port] = splitHost(hostHeader);
    // the name is what DNS rebinding changes; any port is accepted with a loopback name (a proxy or a
    // forwarded port in front of the service, such as Pact's verifier, keeps the name and not the port)
    if (!allowed.has(name) || (port !== undefined && !/^\d{1,5}$/.test(port))) {
      return {
        refusal: new ApiError(421, 'MisdirectedRequestError', `Host ${JSON.stringify(hostHeader)} is not a name of this sandbox service: call it as 127.0.0.1 or localhost${req.localPort ? ` on port ${req.localPort}` : ''} (requests for other host names are refused to protect against DNS rebinding)`, [
          { pointer: '/headers/host', message: 'is not a name of this service', expected: [...allowed].map((n) => (req.localPort ? `${n}:${req.localPort}` : n)), actual: hostHeader },
        ]),
      };
    }
  }
  const origin = typeof req.headers.origin === 'string' ? req.headers.origin : undefined;
  const named = origin !== undefined && policy.allowedOrigins.includes(origin);
  const method = req.method.toUpperCase();
  if (method === 'OPTIONS' && named && req.headers['access-control-request-method']) return { preflight: true, corsOrigin: origin };
  if (SAFE.has(method)) return named ? { corsOrigin: origin } : {};

  if (!named) {
    const fetchSite = String(req.headers['sec-fetch-site'] ?? '').toLowerCase();
    const sameOrigin = origin === undefined || (hostHeader !== undefined && sameOriginAs(origin, hostHeader));
    if (!sameOrigin || fetchSite === 'cross-site') {
      const shown = origin ?? `a cross-site page (Sec-Fetch-Site: ${fetchSite})`;
      return {
        refusal: new ApiError(403, 'CrossSiteRequestError', `Cross-site request refused: ${service === 'control-plane' ? 'the control plane' : `the ${service} service`} changes state only for its own pages and for programs, not for ${shown} (name trusted origins in allowedOrigins in sandbox.config.json)`, [
          { pointer: origin !== undefined ? '/headers/origin' : '/headers/sec-fetch-site', message: 'is another site', expected: 'no Origin, this service\'s own origin, or one listed in allowedOrigins', actual: origin ?? fetchSite },
        ]),
      };
    }
  }
  if (isSandboxRoute(service, req.path) && !isJsonType(req.headers['content-type']) && req.headers[SANDBOX_HEADER] !== '1') {
    const given = req.headers['content-type'];
    return {
      refusal: new ApiError(415, 'UnsupportedMediaTypeError', `Sandbox actions need Content-Type: application/json or the header ${SANDBOX_HEADER}: 1 (even without a body), got ${given ? `Content-Type ${given}` : 'neither'}: a web page cannot send them without permission`, [
        { pointer: '/headers/content-type', message: 'is not JSON and no x-ats-sandbox header was sent', expected: `application/json or ${SANDBOX_HEADER}: 1`, actual: given ?? 'none' },
      ]),
    };
  }
  return named ? { corsOrigin: origin } : {};
}

/** The routes only the sandbox's own tools call: every route of the control plane, `/_sandbox/*` and `/_partner/*` elsewhere. */
export function isSandboxRoute(service: string, path: string): boolean {
  if (service === 'control-plane') return true;
  let p = path.toLowerCase();
  if (p.includes('%')) {
    try {
      p = decodeURIComponent(p);
    } catch {
      /* the router refuses it */
    }
  }
  p = p.replace(/^\/+/, '/');
  return p.startsWith('/_sandbox/') || p.startsWith('/_partner/') || p === '/_sandbox' || p === '/_partner';
}

function sameOriginAs(origin: string, hostHeader: string): boolean {
  try {
    const u = new URL(origin);
    return u.protocol === 'http:' && u.host.toLowerCase() === hostHeader.trim().toLowerCase();
  } catch {
    return false; // "null" (sandboxed frames, file: pages) and anything else unreadable
  }
}

/** application/json or any type/subtype+json, whatever its parameters (as express's req.is judges). */
export function isJsonType(contentType: string | undefined): boolean {
  const media = (contentType ?? '').split(';')[0].trim().toLowerCase();
  return media === 'application/json' || /^[\w.+-]+\/[\w.+-]+\+json$/.test(media);
}

const EXPOSED = 'x-sandbox-trace-id, x-ats-sandbox-warning, retry-after';

/** CORS headers for an origin named in allowedOrigins (never sent to any other). */
export function writeCors(res: ServerResponse, origin: string, preflight: { method?: string; headers?: string } | undefined): void {
  res.setHeader('access-control-allow-origin', origin);
  res.setHeader('vary', 'Origin');
  res.setHeader('access-control-expose-headers', EXPOSED);
  if (preflight) {
    res.setHeader('access-control-allow-methods', 'GET, HEAD, POST, PUT, PATCH, DELETE');
    if (preflight.headers) res.setHeader('access-control-allow-headers', preflight.headers);
    res.setHeader('access-control-max-age', '600');
  }
}
