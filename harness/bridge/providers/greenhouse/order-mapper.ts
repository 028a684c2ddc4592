/**
 * GreenhouseOrderBuilder: a send_test body becomes a unified Order. Candidate from the body;
 * candidate and application ids parsed out of greenhouse_profile_url (Greenhouse sends no ids);
 * requester from sent_by; job and hiring team from Harvest only with the `Public + Partner API`
 * auth type (with `Partner API` the order has no hiring team, as StackOne documents).
 */
import type { BridgeApi, LinkedAccountRecord, Order, Category } from '../../glossary.ts';
import type { GreenhouseSendTestRequest } from '../../../../schemas/generated/greenhouse/send-test-request.ts';
import { lookUpJob } from './public-api.ts';

/** `https://app.greenhouse.io/people/17681532?application_id=26234709` → ids. */
function parseProfileUrl(url: string): { candidateId?: string; applicationId?: string } {
  try {
    const u = new URL(url);
    const candidateId = /\/people\/(\d+)/.exec(u.pathname)?.[1];
    const applicationId = u.searchParams.get('application_id') ?? undefined;
    return { candidateId, applicationId: applicationId && /^\d+$/.test(applicationId) ? applicationId : undefined };
  } catch {
    return {};
  }
}

export async function buildOrder(
  bridge: BridgeApi,
  account: LinkedAccountRecord,
  category: Category,
  body: GreenhouseSendTestRequest,
  traceId: string,
): Promise<Order> {
  const c = body.candidate;
  const ids = parseProfileUrl(c.greenhouse_profile_url);
  const candidateId = ids.candidateId ?? (c.id !== undefined ? String(c.id) : null);
  const applicationId = ids.applicationId ?? (body.application?.id !== undefined ? String(body.application.id) : undefined);
  const packageName = await testName(bridge, account, category, body.partner_test_id, traceId);
  const order: Order = {
    package: { id: body.partner_test_id, remote_id: body.partner_test_id, name: packageName },
    candidate: {
      id: candidateId,
      remote_id: candidateId,
      first_name: c.first_name,
      last_name: c.last_name,
      emails: [{ type: 'personal', value: c.email }],
      profile_url: c.greenhouse_profile_url,
      passthrough: { preferred_name: c.preferred_name ?? null, phone_number: c.phone_number ?? null, resume_url: c.resume_url ?? null },
    },
  };
  if (applicationId) order.application = { id: applicationId, remote_id: applicationId };
  if (body.sent_by) order.requester = { email: body.sent_by };
  if (applicationId && bridge.config.providers.greenhouse.authType === 'public+partner') {
    const job = await lookUpJob(bridge, account, applicationId, traceId);
    if (job) order.job = job;
  }
  return order;
}

/** The package name as the partner lists it (Greenhouse sends only the id); null when unknown. */
async function testName(bridge: BridgeApi, account: LinkedAccountRecord, category: Category, id: string, traceId: string): Promise<string | null> {
  const list = await bridge.listPackages(account, category, { traceId });
  return list.ok ? (list.packages.find((p) => p.id === id)?.name ?? null) : null;
}
