/** Greenhouse accepts one result per test: 50 concurrent updates, through the bridge and straight at the emulator. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../harness/sandbox.ts';
import { bridgeCall, resultPath } from '../helpers.ts';
import { call, cardOf, field, openOrder, partnerAuth, takeHomeTestUrl, validResult } from './support.ts';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ ports: 0, partner: { completeAfterMs: 20 } });
});
afterAll(() => sb.close());

describe('Greenhouse under concurrent result updates', () => {
  it('50 concurrent result PATCHes through the bridge: exactly one 200, the rest 409, the card shows the accepted one', async () => {
    const { orderId } = await openOrder(sb);
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => bridgeCall(sb, 'greenhouse', 'PATCH', resultPath('assessment', orderId), validResult(sb, orderId, String(50 + i)))),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    expect(answers.filter((a) => a.status === 409).every((a) => a.json.errorCode === 'DuplicateResultUpdateError')).toBe(true);
    const winner = 50 + statuses.indexOf(200);
    const r = cardOf(await sb.admin.candidate('greenhouse', 'cand_grace'), orderId)!;
    expect(r.status.label).toBe('Completed');
    expect(r.score?.value).toBe(winner);
    expect(field(r, 'Notes')).toBe(`Result ${winner}`);
  });

  it('50 concurrent PATCHes straight at the take_home_test: exactly one accepted, the result read once', async () => {
    const { orderId, nativeId } = await openOrder(sb);
    // the bridge has a result ready for Greenhouse to read (as its result mapper leaves it before PATCHing)
    await sb.bridge!.api.updateOrderNative(orderId, { pendingResult: validResult(sb, orderId, '77') });
    const answers = await Promise.all(Array.from({ length: 50 }, () => call(takeHomeTestUrl(sb, nativeId), { method: 'PATCH', headers: { authorization: partnerAuth(sb) } })));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    expect(answers.find((a) => a.status === 409)!.json).toEqual({ message: expect.stringMatching(/Multiple updates are not allowed/) });
    const reads = sb.journal.query({ orderId, limit: 500 }).filter((h) => h.service === 'bridge' && h.direction === 'in' && h.url.includes('/test_status?'));
    expect(reads).toHaveLength(1);
    const r = cardOf(await sb.admin.candidate('greenhouse', 'cand_grace'), orderId)!;
    expect(r.status.label).toBe('Completed');
    expect(r.score?.value).toBe(77);
  });
});
