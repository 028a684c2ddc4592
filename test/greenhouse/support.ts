/** Helpers for the Greenhouse tests: the partner's switches and direct calls to the emulator. */
import { basic } from '../../harness/signing.ts';
import type { Sandbox } from '../../harness/sandbox.ts';
import type { CandidateCard, ResultCardView } from '../../schemas/generated/sandbox/candidate-card.ts';
import { parseJson } from '../../harness/http/client.ts';

export async function partnerBehaviour(sb: Sandbox, behaviour: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${sb.urls.partner}/_partner/behaviour`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(behaviour) });
  if (!res.ok) throw new Error(`partner behaviour: ${res.status} ${await res.text()}`);
}

export async function setTriggerToken(sb: Sandbox, token: string): Promise<void> {
  const res = await fetch(`${sb.urls.greenhouse}/_sandbox/trigger-token`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
  if (!res.ok) throw new Error(`trigger token: ${res.status}`);
}

export const partnerAuth = (sb: Sandbox): string => basic(sb.accounts.greenhouse.native.partnerUsername, sb.accounts.greenhouse.native.partnerPassword);

export const takeHomeTestUrl = (sb: Sandbox, id: string): string => `${sb.urls.greenhouse}/integrations/testing_partners/take_home_tests/${id}`;

export async function call(url: string, init: RequestInit = {}): Promise<{ status: number; json: any; text: string }> {
  const res = await fetch(url, init);
  const text = await res.text();
  const json = parseJson(text);
  return { status: res.status, json, text };
}

export const cardOf = (c: CandidateCard, orderId: string | undefined): ResultCardView | undefined => c.results.find((r) => r.orderId === orderId);

export const field = (r: ResultCardView | undefined, label: string): string | undefined => r?.fields.find((f) => f.label === label)?.value;

/** An order whose result has not been written yet: the partner stops completing orders. */
export async function openOrder(sb: Sandbox, category: 'assessment' | 'background_check' = 'assessment', candidateId = 'cand_grace') {
  await partnerBehaviour(sb, { complete: false });
  try {
    const report = await sb.admin.sendTest('greenhouse', { category, candidateId });
    if (!report.ok || !report.orderId || !report.nativeId) throw new Error(`send-test failed: ${JSON.stringify(report.steps)}`);
    return { orderId: report.orderId, nativeId: report.nativeId, report };
  } finally {
    await partnerBehaviour(sb, { complete: true });
  }
}

export const validResult = (sb: Sandbox, orderId: string, value = '82') => ({
  score: { label: 'Percentage', value, min: '0', max: '100' },
  start_date: '2026-03-01T10:20:00.000Z',
  submission_date: '2026-03-01T11:45:00.000Z',
  summary: `Result ${value}`,
  result_url: `${sb.urls.partner}/reports/${orderId}`,
});
