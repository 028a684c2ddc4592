/**
 * How the Teamtailor emulator treats what the partner base URL answers, against a stub partner
 * (not the bridge): the provider key and signature it sends, a >= 400 webhook answer shown on the
 * card, partner_result_attributes applied only when valid, no retries, an error field in the form.
 */
import express from 'express';
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Journal } from '../../harness/journal.ts';
import { Store } from '../../harness/store/store.ts';
import { listen, type Listening } from '../../harness/http/service-app.ts';
import { createEmulator, type Emulator } from '../../harness/emulator/base.ts';
import { DEMO_ACCOUNTS } from '../../harness/demo.ts';
import { teamtailorEmulator } from '../../mocks/teamtailor/index.ts';

type Mode = { config: unknown; status: number; body: unknown; contentType?: string };
let mode: Mode;
const received: { path: string; headers: Record<string, string | string[] | undefined>; body: any }[] = [];
let stub: Listening;
let tt: Listening;
let em: Emulator;

const select = { config: { fields: [{ id: 'package_id', label: 'Assessments', type: 'select', required: true, options: [{ id: 'p1', label: 'Test one' }] }] } };

beforeAll(async () => {
  const app = express();
  app.use(express.json());
  app.get('/external-trigger/teamtailor/config', (req, res) => {
    received.push({ path: req.path, headers: req.headers, body: undefined });
    res.json(mode.config);
  });
  app.post('/external-trigger/teamtailor/webhook', (req, res) => {
    received.push({ path: req.path, headers: req.headers, body: req.body });
    res.status(mode.status);
    if (mode.contentType) res.type(mode.contentType);
    res.send(typeof mode.body === 'string' ? mode.body : JSON.stringify(mode.body));
  });
  stub = await listen(app, 0, '127.0.0.1');
  let self = '';
  em = await createEmulator(teamtailorEmulator, { journal: new Journal(), store: new Store('teamtailor', undefined), account: DEMO_ACCOUNTS.teamtailor, bridgeUrl: () => stub.url, selfUrl: () => self, hopWaitMs: 0 });
  tt = await listen(em.app, 0, '127.0.0.1');
  self = tt.url;
});
afterAll(async () => {
  await tt.close();
  await stub.close();
});

const lastCard = async () => (await em.card('cand_ada')).results.at(-1)!;

describe('Teamtailor emulator against a stub partner', () => {
  it('sends an HS256 provider key and a Teamtailor-Signature: v1 over "<t>.<event id>", v0 over "<t>.<body>"', async () => {
    mode = { config: select, status: 200, body: {} };
    received.length = 0;
    const report = await em.sendTest({ category: 'assessment' });
    expect(report.ok).toBe(true);
    const [config, hook] = received;
    expect(config.path).toBe('/external-trigger/teamtailor/config');
    const [h, c, s] = String(config.headers.authorization).replace(/^Bearer /, '').split('.');
    expect(JSON.parse(Buffer.from(h, 'base64url').toString())).toMatchObject({ alg: 'HS256' });
    expect(JSON.parse(Buffer.from(c, 'base64url').toString())).toMatchObject({ externalTriggerToken: DEMO_ACCOUNTS.teamtailor.externalTriggerToken });
    expect(s).toBe(createHmac('sha256', DEMO_ACCOUNTS.teamtailor.native.partnerApiKey).update(`${h}.${c}`).digest('base64url'));
    const m = /^t=(\d+),v1=([0-9a-f]{64}),v0=([0-9a-f]{64})$/.exec(String(hook.headers['teamtailor-signature']))!;
    expect(m, String(hook.headers['teamtailor-signature'])).not.toBeNull();
    const ev = hook.body['partner-event'];
    expect(m[2]).toBe(createHmac('sha256', 'tt_webhook_secret_assessments_demo').update(`${m[1]}.${ev.id}`).digest('hex'));
    expect(m[3]).toBe(createHmac('sha256', 'tt_webhook_secret_assessments_demo').update(`${m[1]}.${JSON.stringify(hook.body)}`).digest('hex'));
    expect(ev['webhook-data']).toEqual({ 'package-id': 'p1' });
    expect(ev['partner-result']).toMatchObject({ status: 'sending', 'update-url': `${tt.url}/partner/v1/partner-results/${report.nativeId}` });
    expect(ev.candidate).toMatchObject({ id: 54321, 'first-name': 'Ada', job: { id: 12345 }, recruiter: { email: 'edison.kuhn@acme.example' } });
    expect((await lastCard()).status.label).toBe('Sent');
  });

  it('shows a >= 400 plain-text answer on the card, marks it failed, and does not retry', async () => {
    mode = { config: select, status: 422, body: 'Package p1 is not enabled for this account', contentType: 'text/plain' };
    received.length = 0;
    const report = await em.sendTest({ category: 'assessment' });
    expect(report.ok).toBe(false);
    expect(report.recruiterSees).toBe('Package p1 is not enabled for this account');
    const card = await lastCard();
    expect(card.error).toBe('Package p1 is not enabled for this account');
    expect(card.status).toMatchObject({ label: 'Failed', tone: 'danger' });
    await new Promise((r) => setTimeout(r, 50));
    expect(received.filter((r) => r.path.endsWith('/webhook'))).toHaveLength(1);
  });

  it('applies valid partner_result_attributes from the answer, and ignores invalid ones', async () => {
    const attachments = [{ url: 'https://v.example/i.pdf', description: 'Invitation' }];
    mode = { config: select, status: 200, body: { partner_result_attributes: { status: 'pending', assessment: { score: 40 }, attachments } } };
    await em.sendTest({ category: 'assessment' });
    const applied = await lastCard();
    expect(applied.status.label).toBe('Pending');
    expect(applied.score?.text).toBe('40 out of 100');
    expect(applied.attachments).toEqual([{ name: 'Invitation', url: 'https://v.example/i.pdf' }]);
    mode = { config: select, status: 200, body: { partner_result_attributes: { status: 'completed', assessment: { score: 400 } } } };
    await em.sendTest({ category: 'assessment' });
    const ignored = await lastCard();
    expect(ignored.status.label).toBe('Sent');
    expect(ignored.score).toBeUndefined();
  });

  it("draws an error field of the form as the partner's message, and a form without packages as the config failure", async () => {
    mode = { config: { config: { fields: [{ type: 'error', message: 'Wrong authorization token' }] } }, status: 200, body: {} };
    expect((await em.sendTest({ category: 'assessment' })).recruiterSees).toBe('Wrong authorization token');
    mode = { config: { config: { fields: [{ id: 'package_id', type: 'select', options: [] }] } }, status: 200, body: {} };
    expect((await em.sendTest({ category: 'assessment' })).recruiterSees).toBe('Failed to fetch config from partner: Unable to fetch the partner config');
    mode = { config: { fields: [] }, status: 200, body: {} };
    expect((await em.sendTest({ category: 'assessment' })).recruiterSees).toBe('Failed to fetch config from partner: Unable to fetch the partner config');
  });
});
