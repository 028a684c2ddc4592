/** AdminClient: the control plane's API from TypeScript (tests, the CLI, scenarios). */
import type { JournalEntry } from '../journal.ts';
import type { SendTestRequest } from '../../schemas/generated/sandbox/send-test.ts';
import type { SendTestReport } from '../../schemas/generated/sandbox/send-test-report.ts';
import type { CandidateCard } from '../../schemas/generated/sandbox/candidate-card.ts';
import type { ProviderKey } from '../config.ts';
import { SANDBOX_HEADER } from '../http/request-guard.ts';
import { localFetch } from '../http/pools.ts';

export class AdminError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`control plane answered ${status}: ${typeof body === 'object' && body && 'message' in body ? (body as { message: string }).message : JSON.stringify(body)}`);
  }
}

export class AdminClient {
  constructor(private readonly base: () => string) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await localFetch(`${this.base()}${path}`, {
      method,
      // x-ats-sandbox: a sandbox action even without a body (request-guard.ts refuses it otherwise)
      headers: body === undefined ? { [SANDBOX_HEADER]: '1' } : { 'content-type': 'application/json', [SANDBOX_HEADER]: '1' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const json = text ? JSON.parse(text) : undefined;
    if (!res.ok) throw new AdminError(res.status, json);
    return json as T;
  }

  reset(): Promise<{ ok: true }> {
    return this.call('POST', '/_sandbox/reset');
  }

  journal(q: Record<string, string | number | undefined> = {}): Promise<JournalEntry[]> {
    const qs = new URLSearchParams(Object.entries(q).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)] as [string, string]));
    return this.call('GET', `/_sandbox/journal${qs.size ? `?${qs}` : ''}`);
  }

  state(): Promise<Record<string, unknown>> {
    return this.call('GET', '/_sandbox/state');
  }

  /** The sandbox's clock (issue 16): GET without a command, else freeze / advance / resume. */
  clock(cmd?: { freeze: string | true } | { advance: string | number } | { resume: true }): Promise<Record<string, unknown>> {
    return cmd === undefined ? this.call('GET', '/_sandbox/clock') : this.call('POST', '/_sandbox/clock', cmd);
  }

  sendTest(ats: ProviderKey, req: SendTestRequest = {}): Promise<SendTestReport> {
    return this.call('POST', `/_sandbox/actions/${ats}/send-test`, req);
  }

  candidate(ats: ProviderKey, candidateId: string): Promise<CandidateCard> {
    return this.call('GET', `/_sandbox/ats/${ats}/candidates/${encodeURIComponent(candidateId)}`);
  }

  /** Polls the candidate card until `until` holds (e.g. the result arrived) or the time is up. */
  async waitForCard(ats: ProviderKey, candidateId: string, until: (c: CandidateCard) => boolean, timeoutMs = 10_000): Promise<CandidateCard> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const card = await this.candidate(ats, candidateId);
      if (until(card)) return card;
      if (Date.now() > deadline) throw new Error(`candidate card of ${candidateId} in ${ats} did not reach the expected state within ${timeoutMs} ms: ${JSON.stringify(card.results)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
