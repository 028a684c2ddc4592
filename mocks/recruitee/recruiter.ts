/**
 * RecruiteeRecruiter: what Recruitee does when the recruiter opens "Send {Partner} test" (GET the
 * partner's tests URL with the customer's token, a bare array expected) and presses Send (create
 * the report first, status sent, then POST send_candidate with test_id as a string) [C].
 */
import { randomUUID } from 'node:crypto';
import type { EmulatorContext, PackageListView, PackageChoice, RecruiterInput, SendTestView } from '../../harness/emulator/glossary.ts';
import type { CallResult } from '../../harness/http/client.ts';
import type { RecruiteeSendCandidate } from '../../schemas/generated/recruitee/send-candidate.ts';
import type { RecruiteeTestsList } from '../../schemas/generated/recruitee/tests-list.ts';
import { partnerFor, partnerUrls, type RecruiteePartner } from './partners.ts';
import { callPartner } from './external-trigger.ts';
import { reportBook, type StoredReport } from './state.ts';
import { ACTION_LABEL, POPUP } from './wording.ts';
import { recruiteeSettings, testsLoading } from './settings.ts';
import { clock } from '../../harness/clock.ts';

const ORDER_ID_HEADER = 'x-sandbox-order-id';

/** The partner's own message from an error answer ({error} or {message}), if it gave one [I]. */
function partnerMessage(res: CallResult): string | undefined {
  const j = res.json as { error?: unknown; message?: unknown } | undefined;
  const m = j && typeof j === 'object' ? (j.error ?? j.message) : undefined;
  return typeof m === 'string' && m.trim() ? m.trim().slice(0, 300) : undefined;
}

const invalidToken = (res: CallResult): boolean => res.status === 401 || res.status === 403;

async function integrated(ctx: EmulatorContext, input: RecruiterInput): Promise<RecruiteePartner | { missing: string }> {
  return (await partnerFor(ctx, input.category)) ?? { missing: ACTION_LABEL[input.category].toLowerCase() };
}

export async function openSendTestModal(ctx: EmulatorContext, input: RecruiterInput): Promise<PackageListView> {
  const partner = await integrated(ctx, input);
  if ('missing' in partner) return { ok: false, recruiterSees: POPUP.notIntegrated(partner.missing) };
  await testsLoading(ctx);
  const res = await callPartner(ctx, { method: 'GET', url: partnerUrls(ctx, partner).tests, traceId: input.traceId, responseSchema: 'recruitee/tests-list' });
  if (invalidToken(res)) return { ok: false, recruiterSees: POPUP.invalidToken(partner.name) };
  if (!res.ok) {
    const said = res.status ? partnerMessage(res) : undefined;
    return { ok: false, recruiterSees: said ? POPUP.partnerError(partner.name, said) : POPUP.generic(partner.name) };
  }
  if (!res.verdicts.every((v) => v.valid)) return { ok: false, recruiterSees: POPUP.generic(partner.name) };
  const tests = res.json as RecruiteeTestsList;
  if (tests.length === 0) return { ok: false, recruiterSees: POPUP.noTests(partner.name) };
  const packages: PackageChoice[] = tests.map((t) => ({ id: String(t.id), name: t.name }));
  return { ok: true, packages };
}

export async function sendCandidate(ctx: EmulatorContext, input: RecruiterInput & { pkg: PackageChoice }): Promise<SendTestView> {
  const partner = await integrated(ctx, input);
  if ('missing' in partner) return { ok: false, recruiterSees: POPUP.notIntegrated(partner.missing) };
  const { candidate: c, recruiter, pkg } = input;
  const now = clock.iso();
  const book = await reportBook(ctx);
  const report: StoredReport = {
    id: randomUUID(),
    status: 'sent',
    score: null,
    completed_at: null,
    urls: {},
    candidate_id: c.number,
    company_id: Number(ctx.account.native.companyId),
    test_id: String(pkg.id),
    test_name: pkg.name,
    created_at: now,
    updated_at: now,
    env: partner.env,
    codename: partner.codename,
    kind: partner.kind,
    sentBy: { id: recruiter.id, name: `${recruiter.firstName} ${recruiter.lastName}` },
    updates: 0,
  };
  await book.put(report.id, report);
  const body: RecruiteeSendCandidate = {
    first_name: c.firstName,
    last_name: c.lastName,
    email: c.email,
    candidate_id: c.number,
    company_id: report.company_id,
    report_id: report.id,
    test_id: report.test_id,
    test_name: report.test_name,
  };
  const res = await callPartner(ctx, { method: 'POST', url: partnerUrls(ctx, partner).send_candidate, traceId: input.traceId, body, requestSchema: 'recruitee/send-candidate' });
  if (!res.ok) {
    // [I] the report created before the call is removed when the partner refuses it: no row appears
    // (setting refusedReport: 'failed' keeps it as a failed row instead).
    if (recruiteeSettings(ctx).refusedReport === 'removed') await book.delete(report.id);
    else await book.mutate(report.id, (cur) => (cur ? { value: { ...cur, status: 'failed' }, result: undefined } : { result: undefined }));
    const recruiterSees = invalidToken(res) ? POPUP.invalidToken(partner.name) : POPUP.sendFailed(partner.name, res.status ? partnerMessage(res) : undefined);
    return { ok: false, nativeId: report.id, recruiterSees };
  }
  const orderId = res.headers[ORDER_ID_HEADER];
  if (orderId) await book.mutate(report.id, (cur) => (cur ? { value: { ...cur, orderId }, result: undefined } : { result: undefined }));
  return { ok: true, nativeId: report.id, ...(orderId ? { orderId } : {}), recruiterSees: POPUP.sent(pkg.name, `${c.firstName} ${c.lastName}`) };
}
