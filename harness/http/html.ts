/**
 * What every HTML page of the sandbox uses to show values it did not write (candidate names, package
 * names, links a partner sent): text escaped, and only http(s) links made live.
 */

/** The only link schemes a page makes live or an emulator accepts in results: http and https. */
const HTTP_URL_PATTERN = '^[Hh][Tt][Tt][Pp][Ss]?://';
const HTTP_URL = new RegExp(HTTP_URL_PATTERN);

/** An http(s) URL that parses (javascript:, data:, file:, vbscript: … are not). */
export function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string' || !HTTP_URL.test(value)) return false;
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Text for an HTML page: every character that could open markup or end an attribute is an entity. */
export const escapeHtml = (s: unknown): string => String(s ?? '').replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
