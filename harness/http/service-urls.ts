/**
 * Services of the sandbox refer to each other by name and path; an absolute URL one of them stored
 * (an ATS's update-url, resultCallbackURL or take-home-test URL, which the real protocols carry
 * absolute) is resolved against where that service listens NOW. So a restart on other ports (tests,
 * `--ports 0`, split mode) keeps every stored order deliverable instead of calling a dead port.
 */
import { isLoopbackUrl } from './remote-targets.ts';

/**
 * `stored` resolved at use time against `base` (the service's current base URL): a path is joined
 * to it; an absolute URL on this machine (an emulator of an earlier run) is moved onto it, path and
 * query kept; anything else (a real, remote service) is used as stored.
 */
export function atCurrentBase(stored: string, base: string): string {
  if (stored.startsWith('/')) return `${base.replace(/\/$/, '')}${stored}`;
  if (!isLoopbackUrl(stored) || !isLoopbackUrl(base)) return stored;
  try {
    const from = new URL(stored);
    const to = new URL(base);
    if (from.origin === to.origin) return stored;
    return `${to.origin}${from.pathname}${from.search}${from.hash}`;
  } catch {
    return stored;
  }
}
