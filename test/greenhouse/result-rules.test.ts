/** Greenhouse's result rules, checked by the bridge before anything reaches Greenhouse. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../harness/sandbox.ts';
import { bridgeCall, resultPath } from '../helpers.ts';
import { cardOf, openOrder, validResult } from './support.ts';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ ports: 0, partner: { completeAfterMs: 20 } });
});
afterAll(() => sb.close());

describe('Greenhouse result rules', () => {
  it('refuses a result without result_url, naming the field, and sends nothing to Greenhouse', async () => {
    const { orderId } = await openOrder(sb);
    const { result_url: _u, ...noUrl } = validResult(sb, orderId);
    const res = await bridgeCall(sb, 'greenhouse', 'PATCH', resultPath('assessment', orderId), noUrl);
    expect(res.status).toBe(400);
    expect(res.json.errorCode).toBe('ValidationError');
    expect(res.json.message).toContain('/result_url');
    expect(res.json.details).toEqual([expect.objectContaining({ pointer: '/result_url' })]);
    expect(sb.journal.query({ orderId, hop: 'result-mapping' })).toEqual([]);

    // the refusal used up nothing: a valid result is then accepted
    const ok = await bridgeCall(sb, 'greenhouse', 'PATCH', resultPath('assessment', orderId), validResult(sb, orderId, '64'));
    expect(ok.status).toBe(200);
    const r = cardOf(await sb.admin.candidate('greenhouse', 'cand_grace'), orderId)!;
    expect(r.score?.value).toBe(64);
  });

  it('accepts a score Greenhouse cannot show as a number, leaves it out, and warns on the answer, the hop and the card', async () => {
    const { orderId } = await openOrder(sb);
    const res = await bridgeCall(sb, 'greenhouse', 'PATCH', resultPath('assessment', orderId), { ...validResult(sb, orderId), score: { value: 'A+' } });
    expect(res.status).toBe(200);
    expect(res.warnings).toEqual([expect.stringMatching(/^score\.value is not a number.*left out \(inferred\)/)]);
    const hop = (await sb.admin.journal({ orderId })).find((e) => e.hop === 'result-update' && e.direction === 'in');
    expect(hop?.warnings).toEqual([expect.objectContaining({ pointer: '/score/value', actual: 'A+' })]);
    const card = cardOf(await sb.admin.candidate('greenhouse', 'cand_grace'), orderId)!;
    expect(card.status.label).toBe('Completed');
    expect(card.score).toBeUndefined();
    expect(card.warnings).toEqual([expect.stringMatching(/^score\.value is not a number/)]);
  });

  it('with strict, refuses what it would otherwise accept with a warning', async () => {
    const strict = await startSandbox({ ports: 0, strict: true });
    try {
      const { orderId } = await openOrder(strict);
      const res = await bridgeCall(strict, 'greenhouse', 'PATCH', resultPath('assessment', orderId), { ...validResult(strict, orderId), score: { value: 'A+' } });
      expect(res.status).toBe(400);
      expect(res.json.message).toMatch(/^Refused in strict mode: \/score\/value is not a number/);
      expect(res.json.details).toEqual([expect.objectContaining({ pointer: '/score/value' })]);
      expect(cardOf(await strict.admin.candidate('greenhouse', 'cand_grace'), orderId)!.status.label).toBe('Sent');
    } finally {
      await strict.close();
    }
  });

  it('connector meta lists exactly the fields Greenhouse shows, result_url required', async () => {
    const meta = await fetch(`${sb.urls.bridge}/connectors/meta/greenhouse`, { headers: { authorization: `Basic ${Buffer.from(`${sb.apiKey}:`).toString('base64')}` } }).then((r) => r.json() as Promise<any>);
    const update = meta.models['assessments/results'].update.input;
    expect(update.default_fields.map((f: { name: string }) => f.name)).toEqual(['score', 'start_date', 'submission_date', 'summary', 'result_url']);
    expect(update.required_fields).toEqual(['result_url']);
  });

  it('maps Greenhouse refusing the partner credentials to 502 ProviderRefusedError', async () => {
    const { orderId } = await openOrder(sb);
    const account = sb.bridge!.api.accountById(sb.accounts.greenhouse.id)!;
    const saved = account.native;
    account.native = { ...saved, partnerPassword: 'wrong' };
    try {
      const res = await bridgeCall(sb, 'greenhouse', 'PATCH', resultPath('assessment', orderId), validResult(sb, orderId));
      expect(res.status).toBe(502);
      expect(res.json.errorCode).toBe('ProviderRefusedError');
      expect(res.json.message).toContain("Partner's Password");
      expect(res.json.provider_errors[0]).toMatchObject({ status: 401, raw: { message: 'Invalid Basic Auth credentials' } });
    } finally {
      account.native = saved;
    }
    // not delivered, so the one update is still available
    const ok = await bridgeCall(sb, 'greenhouse', 'PATCH', resultPath('assessment', orderId), validResult(sb, orderId));
    expect(ok.status).toBe(200);
  });
});
