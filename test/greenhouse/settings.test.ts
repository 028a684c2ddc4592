/**
 * Greenhouse's inferred behaviours are settings: from sandbox.config.json (`emulators.greenhouse`) and at
 * run time (GET|PUT /_sandbox/settings on the Greenhouse emulator); a reset goes back to the config.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../harness/sandbox.ts';
import { basic } from '../../harness/signing.ts';
import { call, openOrder, partnerAuth, takeHomeTestUrl } from './support.ts';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ ports: 0, partner: { completeAfterMs: 20 }, emulators: { greenhouse: { patchStatus: 204 } } });
});
afterAll(() => sb.close());

const settings = (body?: unknown) =>
  call(`${sb.urls.greenhouse}/_sandbox/settings`, body === undefined ? {} : { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('Greenhouse settings [I]', () => {
  it('the config sets them; PUT changes them for the next request (another PATCH credential accepted); bad values 400 in Greenhouse\'s shape; reset restores the config', async () => {
    expect((await settings()).json).toMatchObject({ patchStatus: 204, duplicateUpdate: 'reject', testStatusTiming: 'sync', emitExtraIds: false });
    const bad = await settings({ duplicateUpdate: 'sometimes' });
    expect(bad.status).toBe(400);
    expect(bad.json.message).toContain('duplicateUpdate');
    expect(bad.json.errors[0].field).toBe('duplicateUpdate');

    const { nativeId } = await openOrder(sb);
    const orgKey = basic('org-api-key-0001', '');
    expect((await call(takeHomeTestUrl(sb, nativeId), { method: 'PATCH', headers: { authorization: orgKey } })).status).toBe(401);
    expect((await settings({ extraCredentials: [{ username: 'org-api-key-0001', password: '' }] })).status).toBe(200);
    expect((await call(takeHomeTestUrl(sb, nativeId), { method: 'PATCH', headers: { authorization: orgKey } })).status).toBe(204);
    expect((await call(takeHomeTestUrl(sb, nativeId), { method: 'PATCH', headers: { authorization: partnerAuth(sb) } })).status).toBe(204);

    await sb.admin.reset();
    expect((await settings()).json).toMatchObject({ patchStatus: 204, extraCredentials: [] });
  });

  it('sandbox.config.json refuses a Greenhouse setting that is not one, naming it', async () => {
    await expect(startSandbox({ ports: 0, emulators: { greenhouse: { patchStatus: 201 } } } as never)).rejects.toThrow(/emulators\/greenhouse\/patchStatus/);
  });
});
