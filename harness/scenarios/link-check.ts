/**
 * What a recruiter meets when opening a result's links: each URL is fetched (a journaled
 * `open-link` hop) and judged: ok, dead (404/410: removed or expired), private (401/403: needs a
 * login, or a signed URL that expired), error (another status), unreachable, invalid.
 */
import type { HttpClient } from '../http/client.ts';

type LinkVerdict = 'ok' | 'dead' | 'private' | 'error' | 'unreachable' | 'invalid';

export interface LinkToCheck {
  /** the result (test title) the link belongs to */
  result: string;
  orderId?: string;
  kind: 'link' | 'attachment';
  text: string;
  url: string;
}

export interface CheckedLink extends LinkToCheck {
  status: number;
  verdict: LinkVerdict;
  explanation: string;
}

function judgeLink(status: number, failure: string | undefined): { verdict: LinkVerdict; words: string } {
  if (failure === 'invalid-url') return { verdict: 'invalid', words: 'is not a valid http(s) URL' };
  if (status === 0) return { verdict: 'unreachable', words: 'did not answer' };
  if (status >= 200 && status < 400) return { verdict: 'ok', words: `opens (HTTP ${status})` };
  if (status === 401 || status === 403) return { verdict: 'private', words: `refuses the recruiter (HTTP ${status}): the URL is private or its signature expired; results need public or signed, unexpired URLs` };
  if (status === 404 || status === 410) return { verdict: 'dead', words: `is gone (HTTP ${status}): the report was removed or the URL expired` };
  return { verdict: 'error', words: `answers HTTP ${status}` };
}

export async function checkLinks(http: HttpClient, links: LinkToCheck[], o: { provider?: string; traceId?: string } = {}): Promise<CheckedLink[]> {
  return Promise.all(
    links.map(async (l) => {
      const res = await http({ method: 'GET', url: l.url, hop: 'open-link', peer: hostOf(l.url), orderId: l.orderId, provider: o.provider, traceId: o.traceId, timeoutMs: 5_000 });
      const { verdict, words } = judgeLink(res.status, res.failure);
      return { ...l, status: res.status, verdict, explanation: `${l.kind === 'link' ? `Link "${l.text}"` : `Attachment "${l.text}"`} of "${l.result}" ${words}${res.error ? ` (${res.error})` : ''}` };
    }),
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'invalid URL';
  }
}
