/** Recruitee: the Send button is enabled once the tests have loaded (never when they failed); the Open link's urls key is a setting [I]. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../harness/sandbox.ts';
import { CODENAME, SECRET, native, partnerBehaviour } from './helpers.ts';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ ports: 0, partner: { completeAfterMs: 20 }, emulators: { recruitee: { testsLoadMs: 120 } } });
});
afterAll(() => sb.close());

const get = async (path: string) => (await fetch(`${sb.urls.recruitee}${path}`)).json() as Promise<any>;
const put = (body: unknown) => fetch(`${sb.urls.recruitee}/_sandbox/settings`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('Recruitee send modal and settings', () => {
  it('Send is enabled only after the tests loaded (testsLoadMs from the config), and stays disabled when they fail', async () => {
    const modal = await get('/_sandbox/recruiter/send-modal?category=assessment');
    expect(modal.title).toMatch(/^Send .+ test$/);
    expect(modal.field.options[0].name).toBe('None');
    expect(modal.field.options.length).toBeGreaterThan(1);
    expect(modal.sendButton.enabled).toBe(true);
    expect(modal.sendButton.enabledAfterMs).toBeGreaterThanOrEqual(120);
    await partnerBehaviour(sb, { packageList: 'http-500' });
    try {
      const failed = await get('/_sandbox/recruiter/send-modal?category=assessment');
      expect(failed.sendButton).toEqual({ label: 'Send', enabled: false, enabledAfterMs: null });
      expect(failed.recruiterSees).toMatch(/Couldn't load/);
    } finally {
      await partnerBehaviour(sb, { packageList: 'ok' });
    }
  });

  it('resultUrlKey: the card shows urls[resultUrlKey] as Open; another key leaves no Open link; bad settings 400', async () => {
    await partnerBehaviour(sb, { complete: false });
    const report = await sb.admin.sendTest('recruitee', { category: 'assessment' });
    const patched = await native(sb, 'PATCH', `/rc/api/p/${CODENAME(sb)}/reports/${report.nativeId}`, { secret: SECRET(sb), body: { status: 'completed', score: '70%', urls: { result: 'https://vendor.example/r/1', show: 'https://vendor.example/s/1' } } });
    expect(patched.status).toBe(200);
    const row = async () => (await sb.admin.candidate('recruitee', report.candidateId)).results.find((r) => r.nativeId === report.nativeId)!;
    expect((await row()).links).toEqual([{ text: 'Open', url: 'https://vendor.example/r/1' }]);
    expect((await put({ resultUrlKey: 'show' })).status).toBe(200);
    expect((await row()).links).toEqual([{ text: 'Open', url: 'https://vendor.example/s/1' }]);
    expect((await put({ resultUrlKey: 'report' })).status).toBe(200);
    expect((await row()).links).toEqual([]);
    const bad = await put({ resultUrlKey: '' });
    expect(bad.status).toBe(400);
    await sb.admin.reset();
    expect(await get('/_sandbox/settings')).toEqual({ resultUrlKey: 'result', testsLoadMs: 120, refusedReport: 'removed', enabledApps: ['assessment', 'background_check'] });
  });
});
