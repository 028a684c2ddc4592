/**
 * The bridge's Teamtailor external trigger, called the way Teamtailor calls it: Bearer provider key
 * (HS256 JWT of the activation values, signed with the partner API key), refusals in Teamtailor's words.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../harness/sandbox.ts';
import { basic } from '../../harness/signing.ts';

let sb: Sandbox;
let base: string;
beforeAll(async () => {
  sb = await startSandbox({ ports: 0, partner: { autoComplete: false } });
  base = `${sb.urls.bridge}/external-trigger/teamtailor`;
});
afterAll(() => sb.close());

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
function jwt(claims: object, secret: string, alg = 'HS256'): string {
  const input = `${b64({ alg, typ: 'JWT' })}.${b64(claims)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}
const good = () => jwt({ externalTriggerToken: sb.accounts.teamtailor.externalTriggerToken }, sb.accounts.teamtailor.native.partnerApiKey);

const event = (webhookData: Record<string, string>) => ({
  'partner-event': {
    id: 'evt-1',
    'webhook-data': webhookData,
    'partner-result': { id: 'pr-ext-1', status: 'sending', 'update-url': `${sb.urls.teamtailor}/partner/v1/partner-results/pr-ext-1` },
    candidate: { id: 54321, 'first-name': 'Ada', 'last-name': 'Lovelace', email: 'ada@example.com', job: { id: 12345, title: 'Backend Engineer', 'triggered-by': { id: 9, name: 'Mira Santos', email: 'mira.santos@acme.example' } }, recruiter: { name: 'Edison Kuhn', email: 'edison.kuhn@acme.example' } },
  },
  company: { uuid: 'tt-acme-7f3a', name: 'Acme Robotics' },
});
const webhook = (auth: string, body: unknown) => fetch(`${base}/webhook`, { method: 'POST', headers: { authorization: auth, 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('Teamtailor external trigger on the bridge', () => {
  it('accepts the provider key on /activation (and /activation/validate)', async () => {
    for (const path of ['/activation', '/activation/validate', '/background_check/activation']) {
      const res = await fetch(`${base}${path}?company_id=tt-acme-7f3a`, { headers: { authorization: `Bearer ${good()}` } });
      expect(res.status).toBe(200);
    }
  });

  const refused: [string, () => string | undefined][] = [
    ['no Authorization header', () => undefined],
    ['the raw token instead of a JWT', () => `Bearer ${sb.accounts.teamtailor.externalTriggerToken}`],
    ['Basic auth', () => basic(sb.accounts.teamtailor.externalTriggerToken)],
    ['a JWT signed with another key', () => `Bearer ${jwt({ externalTriggerToken: sb.accounts.teamtailor.externalTriggerToken }, 'someone-elses-key')}`],
    ['a JWT with alg none', () => `Bearer ${b64({ alg: 'none' })}.${b64({ externalTriggerToken: sb.accounts.teamtailor.externalTriggerToken })}.`],
    ['an unknown token', () => `Bearer ${jwt({ externalTriggerToken: 'ett_nobody' }, sb.accounts.teamtailor.native.partnerApiKey)}`],
    ["another ATS's token", () => `Bearer ${jwt({ externalTriggerToken: sb.accounts.greenhouse.externalTriggerToken }, sb.accounts.teamtailor.native.partnerApiKey)}`],
  ];
  it.each(refused)('refuses %s with 401 and {"errors": [...]}', async (_what, auth) => {
    const a = auth();
    for (const path of ['/activation', '/config?job_id=12345']) {
      const res = await fetch(`${base}${path}`, { headers: a ? { authorization: a } : {} });
      expect(res.status).toBe(401);
      const body = (await res.json()) as { errors: string[] };
      expect(body.errors[0]).toMatch(/^Invalid External Trigger Token/);
    }
  });

  it('refuses a webhook in plain text, which Teamtailor prints on the card', async () => {
    const unauth = await webhook('Bearer nope', event({ 'package-id': 'pkg_logic' }));
    expect(unauth.status).toBe(401);
    expect(unauth.headers.get('content-type')).toMatch(/^text\/plain/);
    const noPackage = await webhook(`Bearer ${good()}`, event({}));
    expect(noPackage.status).toBe(400);
    expect(await noPackage.text()).toMatch(/package-id/);
    const invalid = await webhook(`Bearer ${good()}`, { 'partner-event': { id: 'x' } });
    expect(invalid.status).toBe(400);
    expect(await invalid.text()).toMatch(/^Invalid partner-event: .*partner-result/);
  });

  it('turns a partner-event into one order (a second send of the same partner-result is the same order), with the hiring team', async () => {
    const first = await webhook(`Bearer ${good()}`, event({ 'package-id': 'pkg_logic' }));
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ partner_result_attributes: { status: 'sent' } });
    const orderId = first.headers.get('x-sandbox-order-id');
    expect(orderId).toMatch(/^ord_/);
    const again = await webhook(`Bearer ${good()}`, event({ 'package-id': 'pkg_logic' }));
    expect(again.headers.get('x-sandbox-order-id')).toBe(orderId);
    const state = (await (await fetch(`${sb.urls.bridge}/_sandbox/state`, { headers: { authorization: basic(sb.apiKey, '') } })).json()) as { orders: { id: string; category: string; order: Record<string, any>; native: Record<string, unknown> }[] };
    const order = state.orders.find((o) => o.id === orderId)!;
    expect(order.category).toBe('assessment');
    expect(order.native).toMatchObject({ partnerResultId: 'pr-ext-1', updateUrl: `${sb.urls.teamtailor}/partner/v1/partner-results/pr-ext-1` });
    expect(order.order).toMatchObject({
      remote_id: 'pr-ext-1',
      package: { id: 'pkg_logic' },
      candidate: { id: '54321', remote_id: '54321', first_name: 'Ada', emails: [{ type: 'personal', value: 'ada@example.com' }] },
      job: { id: '12345', remote_id: '12345', title: 'Backend Engineer' },
      requester: { remote_user_id: '9', email: 'mira.santos@acme.example' },
    });
    expect(order.order.job.hiring_team.map((m: { role: string }) => m.role)).toEqual(['recruiter', 'triggered_by']);
  });

  it('lists exactly the unified fields its result mapper uses in connector meta', async () => {
    const meta = (await (await fetch(`${sb.urls.bridge}/connectors/meta/teamtailor`, { headers: { authorization: basic(sb.apiKey, '') } })).json()) as { models: Record<string, Record<string, { input: { default_fields: { name: string; value_map?: { matcher: { source_value: string; value: string }[] } }[] } }>> };
    const fields = meta.models['assessments/results'].update.input.default_fields;
    expect(fields.map((f) => f.name)).toEqual(['score', 'result', 'summary', 'result_url', 'start_date', 'submission_date', 'attachments']);
    expect(fields.find((f) => f.name === 'result')?.value_map?.matcher).toContainEqual({ source_value: 'passed', value: 'completed' });
  });
});
