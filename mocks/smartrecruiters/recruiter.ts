/**
 * The recruiter's side of SmartRecruiters, in its three order modes (StackOne's guide):
 * - ad-hoc: "Order assessments" on the application → pick partner and package → Send;
 * - auto-trigger: the candidate is moved to a hiring step whose assessment is AUTO-TRIGGERED;
 * - inline: the candidate applies to a job with an inline assessment and is sent to the partner's URL.
 * Each creates a SmartRecruiters order (uuid orderId, resultCallbackURL on this emulator) and pushes it
 * to the partner's order URL.
 */
import { randomUUID } from 'node:crypto';
import type { Category, EmulatorContext, PackageChoice, PackageListView, RecruiterInput, SendTestView } from '../../harness/emulator/glossary.ts';
import type { SmartRecruitersPackageOrderRequest } from '../../schemas/generated/smartrecruiters/package-order-request.ts';
import { SmartRecruitersPartnerClient, categoryWord } from './external-trigger.ts';
import { applicationUuid, candidateUuid, jobUuid, userUuid } from './ids.ts';
import { stateOf, type OrderMode, type SrOrder } from './state.ts';
import { orderButtonMissing } from './connect-flow.ts';
import { clock } from '../../harness/clock.ts';

/** What the "Order assessments" pop-up shows when any package could not be fetched (StackOne's troubleshooting table). */
const INCOMPLETE_PACKAGE_LIST =
  "List displays incomplete data. An error occurred while fetching one or more packages from partner. Click 'Reload' button to try to fetch packages again";

/** [I] what SmartRecruiters shows when the partner refuses an order (not documented). */
const ORDER_FAILED = 'An error occurred while ordering the assessment from the partner. Please try again.';

const resultsUrl = (ctx: EmulatorContext, orderId: string): string => `${ctx.selfUrl()}/assessment-api/v202010/orders/${orderId}/results`;

async function client(ctx: EmulatorContext, category: Category, traceId: string): Promise<SmartRecruitersPartnerClient> {
  return new SmartRecruitersPartnerClient(ctx, (await stateOf(ctx)).partnerUrls(category), traceId);
}

/** The partner fields the customer bound to job fields: `jobId` ← the job's reference number ([I] how the job reaches the package list). */
const boundFields = (input: RecruiterInput): Record<string, string> => ({ jobId: input.job.id });

export async function listPackages(ctx: EmulatorContext, input: RecruiterInput): Promise<PackageListView> {
  const missing = await orderButtonMissing(ctx, input);
  if (missing) return { ok: false, recruiterSees: missing };
  const c = await client(ctx, input.category, input.traceId);
  const token = await c.token();
  if (!token.ok) return { ok: false, recruiterSees: INCOMPLETE_PACKAGE_LIST };
  const list = await c.packages(token.value, { ...boundFields(input), 'country-code': 'gb' }, input.recruiter.email);
  // [I] a 204 (no packages) leaves nothing to order: the pop-up shows the same text
  if (!list.ok || list.value.length === 0) return { ok: false, recruiterSees: INCOMPLETE_PACKAGE_LIST };
  return { ok: true, packages: list.value.map((p) => ({ id: p.id, name: p.name })) };
}

function orderBody(ctx: EmulatorContext, input: RecruiterInput, pkg: PackageChoice, orderId: string): SmartRecruitersPackageOrderRequest {
  const job = jobUuid(input.job);
  return {
    resultCallbackURL: resultsUrl(ctx, orderId),
    candidate: { id: candidateUuid(input.candidate), firstName: input.candidate.firstName, lastName: input.candidate.lastName, email: input.candidate.email, applicationLanguage: 'en', phoneNumber: input.candidate.phone },
    job: { id: job, title: input.job.title },
    requester: { userId: userUuid(input.recruiter), email: input.recruiter.email },
    assessmentPackageId: pkg.id,
    jobId: job,
    companyId: ctx.account.native.companyId ?? '',
    fields: boundFields(input),
  };
}

async function newOrder(ctx: EmulatorContext, input: RecruiterInput, pkg: PackageChoice, mode: OrderMode): Promise<SrOrder> {
  const order: SrOrder = {
    orderId: randomUUID(),
    category: input.category,
    mode,
    candidateId: input.candidate.id,
    applicationId: applicationUuid(input.candidate),
    jobId: input.job.id,
    packageId: pkg.id,
    packageName: pkg.name,
    createdAt: clock.iso(),
    state: 'ordered',
    result: {},
  };
  await (await stateOf(ctx)).orders.put(order.orderId, order);
  return order;
}

async function settle(ctx: EmulatorContext, order: SrOrder, outcome: { ok: true; bridgeOrderId?: string; inlineUrl?: string } | { ok: false; why: string }): Promise<void> {
  await (await stateOf(ctx)).orders.mutate(order.orderId, (cur) =>
    cur
      ? { value: outcome.ok ? { ...cur, ...(outcome.bridgeOrderId ? { bridgeOrderId: outcome.bridgeOrderId } : {}), ...(outcome.inlineUrl ? { inlineUrl: outcome.inlineUrl } : {}) } : { ...cur, state: 'failed', error: `${ORDER_FAILED} (${outcome.why})` }, result: undefined }
      : { result: undefined },
  );
}

/** Ad-hoc (and auto-triggered) order: POST to the partner's packageOrderUrl, 202 expected. */
export async function placeOrder(ctx: EmulatorContext, input: RecruiterInput & { pkg: PackageChoice }, mode: OrderMode = 'ad-hoc'): Promise<SendTestView> {
  const missing = await orderButtonMissing(ctx, input);
  if (missing) return { ok: false, recruiterSees: missing };
  const order = await newOrder(ctx, input, input.pkg, mode);
  const c = await client(ctx, input.category, input.traceId);
  const token = await c.token();
  const sent = token.ok ? await c.order(token.value, orderBody(ctx, input, input.pkg, order.orderId)) : token;
  if (!sent.ok) {
    await settle(ctx, order, sent);
    return { ok: false, nativeId: order.orderId, recruiterSees: ORDER_FAILED };
  }
  await settle(ctx, order, { ok: true, bridgeOrderId: sent.value });
  const who = `${input.candidate.firstName} ${input.candidate.lastName}`;
  return {
    ok: true,
    nativeId: order.orderId,
    ...(sent.value ? { orderId: sent.value } : {}),
    recruiterSees:
      mode === 'auto-trigger'
        ? `A checkmark appears on the hiring step: the ${categoryWord(input.category)} order "${input.pkg.name}" was sent for ${who}`
        : `${input.pkg.name} ordered for ${who}: status Sent`,
  };
}

/** Inline: the candidate applies; SmartRecruiters POSTs the inline order and sends the candidate to the URL it gets back. */
export async function inlineOrder(ctx: EmulatorContext, input: RecruiterInput & { pkg: PackageChoice }): Promise<SendTestView & { inlineUrl?: string }> {
  const order = await newOrder(ctx, input, input.pkg, 'inline');
  const c = await client(ctx, input.category, input.traceId);
  const token = await c.token();
  const base = orderBody(ctx, input, input.pkg, order.orderId);
  const sent = token.ok
    ? await c.inlineOrder(token.value, {
        resultCallbackURL: base.resultCallbackURL,
        candidate: { email: base.candidate.email, firstName: base.candidate.firstName, lastName: base.candidate.lastName, applicationLanguage: 'en' },
        job: { id: base.job.id },
        assessmentPackageId: base.assessmentPackageId,
        jobId: base.jobId,
        companyId: base.companyId,
        completedAssessmentCallbackUrl: `${ctx.selfUrl()}/_sandbox/inline/${order.orderId}/completed`,
        fields: base.fields,
      })
    : token;
  if (!sent.ok) {
    await settle(ctx, order, sent);
    return { ok: false, nativeId: order.orderId, recruiterSees: ORDER_FAILED };
  }
  await settle(ctx, order, { ok: true, bridgeOrderId: sent.value.orderId, inlineUrl: sent.value.url });
  return {
    ok: true,
    nativeId: order.orderId,
    ...(sent.value.orderId ? { orderId: sent.value.orderId } : {}),
    inlineUrl: sent.value.url,
    recruiterSees: `The candidate is sent to the inline ${categoryWord(input.category)}: ${sent.value.url}`,
  };
}
