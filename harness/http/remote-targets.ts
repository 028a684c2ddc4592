/**
 * What a payload arriving over HTTP (a scenario POSTed to the control plane, the partner URLs of a
 * run, an emulator's settings) may configure. It may not change where the sandbox listens or keeps
 * its state, nor its API key, nor its own safety settings; and every URL it gives must be on this
 * machine (loopback) unless the sandbox was started with `--allow-remote-targets` /
 * `allowRemoteTargets: true`. Otherwise a web page or a shared scenario could open the sandbox on
 * every interface or send its API key and partners' data to any host. (Files on disk and the
 * command line are the user's own: they are not judged here.)
 */
import { ApiError } from '../errors.ts';
import type { FieldIssue } from '../../schemas/generated/unified/common.ts';

/** Config fields a payload over HTTP can never set. */
const LOCKED_OVER_HTTP = ['host', 'ports', 'dataDir', 'inMemory', 'apiKey', 'allowedOrigins', 'allowRemoteTargets', 'limits'] as const;

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** An http(s) URL on this machine (127.0.0.0/8, localhost, ::1), or one that names the reference partner (`{partner}`). */
export function isLoopbackUrl(raw: string): boolean {
  if (raw.startsWith('{partner}')) return true;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return false;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return false;
  const h = u.hostname.toLowerCase();
  return LOOPBACK_NAMES.has(h) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h) || h.endsWith('.localhost');
}

const isUrlField = (key: string): boolean => /url$/i.test(key);

/** The URL-valued fields of a value, with their JSON pointers. */
function urlsIn(value: unknown, pointer: string, out: { pointer: string; url: string }[]): void {
  if (Array.isArray(value)) value.forEach((v, i) => urlsIn(v, `${pointer}/${i}`, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (typeof v === 'string' && isUrlField(k)) out.push({ pointer: `${pointer}/${k}`, url: v });
      else urlsIn(v, `${pointer}/${k}`, out);
    }
  }
}

/**
 * Refuses (400, naming each field) a config layer that arrived over HTTP and sets a locked field,
 * or points a URL beyond loopback when remote targets are not allowed.
 */
export function checkLayerFromHttp(layer: unknown, pointer: string, allowRemoteTargets: boolean): void {
  const issues: FieldIssue[] = [];
  if (layer && typeof layer === 'object' && !Array.isArray(layer)) {
    for (const k of LOCKED_OVER_HTTP) {
      if (Object.hasOwn(layer, k)) issues.push({ pointer: `${pointer}/${k}`, message: 'cannot be set over HTTP (set it in sandbox.config.json or on the command line)', expected: 'absent', actual: (layer as Record<string, unknown>)[k] as never });
    }
  }
  issues.push(...remoteIssues(layer, pointer, allowRemoteTargets));
  if (issues.length) throw ApiError.validation(`Refused over HTTP: ${issues.map((i) => `${i.pointer} ${i.message}`).join('; ')}`, issues);
}

/** Issues for URLs beyond loopback (none when remote targets are allowed). */
function remoteIssues(value: unknown, pointer: string, allowRemoteTargets: boolean): FieldIssue[] {
  if (allowRemoteTargets) return [];
  const urls: { pointer: string; url: string }[] = [];
  urlsIn(value, pointer, urls);
  return urls
    .filter((u) => !isLoopbackUrl(u.url))
    .map((u) => ({ pointer: u.pointer, message: 'must be a URL on this machine (127.0.0.1 or localhost) unless the sandbox was started with --allow-remote-targets', expected: 'http://127.0.0.1:<port>/…', actual: u.url }));
}

/** Refuses URLs beyond loopback (400 naming each field) unless remote targets are allowed. */
export function checkTargets(value: unknown, pointer: string, allowRemoteTargets: boolean): void {
  const issues = remoteIssues(value, pointer, allowRemoteTargets);
  if (issues.length) throw ApiError.validation(`Refused over HTTP: ${issues.map((i) => `${i.pointer} ${i.message}`).join('; ')}`, issues);
}
