/**
 * The one route matcher of the sandbox: express 5's own (path-to-regexp 8, the library its router
 * matches with), with the router's defaults — letter case ignored, one trailing slash allowed,
 * params percent-decoded. Express routes, direct routes (direct-routes.ts), fault rules
 * (harness/faults/) and the msw handlers (mocks/msw/) all match through it, so a path one lane
 * serves is the path the others see (test/registry/route-lanes.test.ts holds them equal).
 */
import { match } from 'path-to-regexp';
import { ApiError } from '../errors.ts';

/** The params of a path the pattern matches, or undefined. */
export type RouteMatch = (path: string) => Record<string, string | string[]> | undefined;

/** Express's router answers a bad percent-encoding in a param with 400 "Failed to decode param": so do the others. */
function decode(raw: string): string {
  if (!raw.includes('%')) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new ApiError(400, 'ValidationError', `Failed to decode param '${raw}'`, [
      { pointer: '/path', message: 'is not valid percent-encoding', expected: 'a URL-encoded path segment', actual: raw },
    ]);
  }
}

/** Compiles an express-style pattern (`/unified/ats/:category/orders/:id/result`). */
export function compileRoute(pattern: string): RouteMatch {
  const m = match(pattern, { sensitive: false, trailing: true, end: true, decode });
  return (path) => {
    const r = m(path);
    return r ? (r.params as Record<string, string | string[]>) : undefined;
  };
}

const escapeText = (s: string): string => s.replace(/[{}()[\]+?!:*\\]/g, '\\$&');

/**
 * A fault rule's path in path-to-regexp's syntax: literal segments, `:param` or `*` for one segment,
 * `**` for any number of segments (none included).
 */
export function faultPattern(path: string): string {
  const parts = path.split('/').filter(Boolean);
  const out = parts
    .map((p, i) => {
      if (p === '**') return `{/*rest${i}}`;
      // a rule only asks whether a path matches: every one-segment part gets a name of its own
      if (p === '*' || p.startsWith(':')) return `/:seg${i}`;
      return `/${escapeText(p)}`;
    })
    .join('');
  return out || '/';
}
