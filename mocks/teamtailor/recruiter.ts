/**
 * The recruiter's side of Teamtailor, in its native protocol towards the partner base URL:
 *   activate   the customer types the External Trigger Token into the marketplace form; Teamtailor
 *              checks it with GET {base}/activation (the activation config's validateEndpoint)
 *   open form  GET {base}/config?job_id&user_id → the package select (or a pre-filled text field)
 *   send       create the partner-result (sending), POST {base}/webhook with the partner-event;
 *              2xx → sent (+ partner_result_attributes when valid), >= 400 → the text body on the card.
 *              No retries.
 * The calls themselves (provider key, host header, journal): external-trigger.ts.
 */
import { createHash, randomUUID } from 'node:crypto';
import { validate } from '../../harness/schemas/registry.ts';
import type { Category, EmulatorContext, PackageChoice, PackageListView, RecruiterInput, SendTestView } from '../../harness/emulator/glossary.ts';
import type { TeamtailorConfigField, TeamtailorConfigResponse } from '../../schemas/generated/teamtailor/config-response.ts';
import type { TeamtailorPartnerEventRequest } from '../../schemas/generated/teamtailor/partner-event.ts';
import type { TeamtailorWebhookResponse } from '../../schemas/generated/teamtailor/webhook-response.ts';
import { PARTNERS } from './partners.ts';
import { teamtailorSignature } from './provider-key.ts';
import { callPartner } from './external-trigger.ts';
import { rememberCriteria } from './result-checks.ts';
import { instance, partnerResults, type Activation, type PartnerResultRecord } from './state.ts';
import { clock } from '../../harness/clock.ts';

const CONFIG_FAILED = 'Failed to fetch config from partner: Unable to fetch the partner config';
const WEBHOOK_SENT = 'Webhook sent';
/** [I] what the card shows when the partner base URL did not answer at all */
const WEBHOOK_UNREACHABLE = 'Failed to send webhook to partner';
const ORDER_ID_HEADER = 'x-sandbox-order-id';

/** A stable UUID-looking id for a sandbox person (Teamtailor candidates carry one). */
const uuidOf = (s: string): string => {
  const h = createHash('sha1').update(s).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

export async function activate(ctx: EmulatorContext, category: Category, traceId: string = randomUUID()): Promise<Activation & { status: number }> {
  const partner = PARTNERS[category];
  const res = await callPartner(ctx, category, `/activation?company_id=${encodeURIComponent(ctx.account.native.companyUuid ?? '')}`, {
    method: 'GET',
    timeoutMs: instance(ctx).settings.configTimeoutMs,
    traceId,
  });
  let recruiterSees = `${partner.name} is activated`;
  if (!res.ok) {
    const v = res.json !== undefined ? validate('teamtailor/partner-errors', res.json) : undefined;
    recruiterSees = v?.valid ? (res.json as { errors: string[] }).errors.join('\n') : res.failure ? `Could not reach ${partner.name}` : `Activation failed (HTTP ${res.status})`;
  }
  const activation: Activation = { active: res.ok, at: clock.iso(), via: 'activation-form', recruiterSees };
  instance(ctx).activations[category] = activation;
  return { ...activation, status: res.status };
}

function packagesOf(fields: TeamtailorConfigField[]): { fieldId: string; packages: PackageChoice[] } | undefined {
  const selects = fields.filter((f) => (f.type === 'select' || f.type === 'multiselect') && f.id);
  const select = selects.find((f) => f.id === 'package_id') ?? selects[0];
  if (select) {
    const options = [...(select.options ?? []), ...(select.optgroups ?? []).flatMap((g) => g.options)];
    if (options.length) return { fieldId: select.id!, packages: options.map((o) => ({ id: String(o.id), name: o.label })) };
  }
  const text = fields.find((f) => f.type === 'text' && f.id && f.value !== undefined && String(f.value) !== '');
  if (text) return { fieldId: text.id!, packages: [{ id: String(text.value), name: String(text.value) }] };
  return undefined;
}

export async function openForm(ctx: EmulatorContext, input: RecruiterInput): Promise<PackageListView> {
  const q = new URLSearchParams({ job_id: String(input.job.number), user_id: String(input.recruiter.number) });
  const res = await callPartner(ctx, input.category, `/config?${q}`, {
    method: 'GET',
    timeoutMs: instance(ctx).settings.configTimeoutMs,
    traceId: input.traceId,
    responseSchema: 'teamtailor/config-response',
  });
  if (!res.ok || res.json === undefined || !validate('teamtailor/config-response', res.json).valid) return { ok: false, recruiterSees: CONFIG_FAILED };
  const fields = (res.json as TeamtailorConfigResponse).config.fields;
  const alert = fields.find((f) => f.type === 'error');
  if (alert) return { ok: false, recruiterSees: alert.message ?? CONFIG_FAILED };
  const found = packagesOf(fields);
  if (!found) return { ok: false, recruiterSees: CONFIG_FAILED };
  instance(ctx).forms.set(input.traceId, found.fieldId);
  rememberCriteria(ctx, input.category, res.json);
  return { ok: true, packages: found.packages };
}

function partnerEvent(ctx: EmulatorContext, input: RecruiterInput, rec: PartnerResultRecord, fieldId: string, pkg: PackageChoice): TeamtailorPartnerEventRequest {
  const { candidate: c, job, recruiter } = input;
  return {
    'partner-event': {
      id: rec.eventId!,
      'webhook-data': { [fieldId.replace(/_/g, '-')]: String(pkg.id) },
      'partner-result': { id: rec.id, status: 'sending', 'update-url': `${ctx.selfUrl()}/partner/v1/partner-results/${rec.id}` },
      candidate: {
        id: c.number,
        uuid: uuidOf(c.id),
        'first-name': c.firstName,
        'last-name': c.lastName,
        email: c.email,
        phone: c.phone,
        'picture-url': null,
        tags: [],
        department: null,
        role: null,
        job: { id: job.number, title: job.title, stage: input.category === 'assessment' ? 'Assessment' : 'Background check', tags: [], 'custom-fields': [] },
        recruiter: { name: `${recruiter.firstName} ${recruiter.lastName}`, email: recruiter.email, phone: recruiter.phone },
        locations: [],
        questions: [],
        'custom-fields': [],
      },
    },
    company: { uuid: ctx.account.native.companyUuid ?? ctx.world.company.id, name: ctx.world.company.name, url: ctx.world.company.url, logotype: null },
  };
}

export async function sendWebhook(ctx: EmulatorContext, input: RecruiterInput & { pkg: PackageChoice }): Promise<SendTestView> {
  const partner = PARTNERS[input.category];
  const st = instance(ctx);
  const fieldId = st.forms.get(input.traceId) ?? 'package_id';
  st.forms.delete(input.traceId);
  const results = await partnerResults(ctx);
  const now = clock.iso();
  const rec: PartnerResultRecord = {
    id: randomUUID(),
    partner: input.category,
    candidateId: input.candidate.id,
    attributes: { status: 'sending', 'candidate-id': input.candidate.number, 'job-id': input.job.number },
    packageId: input.pkg.id,
    packageName: input.pkg.name,
    eventId: randomUUID(),
    createdAt: now,
    updatedAt: now,
  };
  await results.put(rec.id, rec);
  const event = partnerEvent(ctx, input, rec, fieldId, input.pkg);
  const res = await callPartner(ctx, input.category, '/webhook', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'teamtailor-signature': teamtailorSignature(rec.eventId!, partner.webhookSecret, clock.now(), st.settings.signatureV0 ? JSON.stringify(event) : undefined) },
    body: event,
    timeoutMs: st.settings.webhookTimeoutMs,
    traceId: input.traceId,
    requestSchema: 'teamtailor/partner-event',
  });
  const orderId = res.headers[ORDER_ID_HEADER] || undefined;
  if (res.ok) {
    const answer = res.json !== undefined && validate('teamtailor/webhook-response', res.json).valid ? (res.json as TeamtailorWebhookResponse).partner_result_attributes : undefined;
    await results.mutate(rec.id, (cur) => {
      if (!cur) return { result: undefined };
      // The partner may already have written a result through the API; the webhook answer does not undo it.
      const untouched = cur.attributes.status === 'sending' || st.settings.webhookResponseOverridesResult;
      const attributes = untouched
        ? {
            ...cur.attributes,
            status: answer?.status ?? 'sent',
            ...(answer?.assessment && 'score' in answer.assessment ? { assessment: { ...cur.attributes.assessment, score: answer.assessment.score ?? null } } : {}),
            ...(answer?.details ? { details: answer.details } : {}),
            ...(answer?.attachments ? { attachments: answer.attachments } : {}),
          }
        : cur.attributes;
      return { value: { ...cur, orderId, attributes, updatedAt: untouched ? clock.iso() : cur.updatedAt }, result: undefined };
    });
    return { ok: true, nativeId: rec.id, ...(orderId ? { orderId } : {}), recruiterSees: WEBHOOK_SENT };
  }
  const shown = res.failure ? WEBHOOK_UNREACHABLE : res.text.trim() || `HTTP ${res.status}`;
  await results.mutate(rec.id, (cur) =>
    cur
      ? { value: { ...cur, error: shown, attributes: { ...cur.attributes, status: st.settings.webhookErrorMarksFailed ? 'failed' : cur.attributes.status }, updatedAt: clock.iso() }, result: undefined }
      : { result: undefined },
  );
  return { ok: false, nativeId: rec.id, recruiterSees: shown };
}
