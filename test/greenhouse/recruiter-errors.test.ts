/** What the Greenhouse recruiter sees when the package list or the External Trigger Token is wrong (seed 003 troubleshooting). */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../harness/sandbox.ts';
import { GREENHOUSE_WORDING } from '../../mocks/greenhouse/wording.ts';
import { partnerBehaviour, setTriggerToken } from './support.ts';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ ports: 0, partner: { completeAfterMs: 20 } });
});
afterAll(() => sb.close());
afterEach(async () => {
  await partnerBehaviour(sb, { packageList: 'ok' });
  await setTriggerToken(sb, sb.accounts.greenhouse.externalTriggerToken);
});

describe('Greenhouse test picker failures', () => {
  it.each(['http-500', 'not-json', 'bare-array', 'empty'] as const)('package list %s → "Sorry, we encountered an error. Please try again."', async (mode) => {
    await partnerBehaviour(sb, { packageList: mode });
    const report = await sb.admin.sendTest('greenhouse', { category: 'assessment' });
    expect(report.ok).toBe(false);
    expect(report.recruiterSees).toBe('Sorry, we encountered an error. Please try again.');
    expect(report.orderId).toBeUndefined();
    // the bridge answered Greenhouse non-2xx, explaining the typed reason
    const listCall = report.hops.find((h) => h.service === 'bridge' && h.direction === 'in' && h.url.includes('/list_tests'))!;
    expect(listCall.status).toBe(502);
    expect(JSON.parse(listCall.responseBody!)).toMatchObject({ errorCode: 'PackageListError', provider_errors: [{ raw: { reason: mode === 'http-500' ? 'http-status' : mode === 'bare-array' ? 'wrong-shape' : mode } }] });
  });

  it('after the partner recovers, the picker works again', async () => {
    const report = await sb.admin.sendTest('greenhouse', { category: 'background_check' });
    expect(report.ok).toBe(true);
    expect(report.packages?.map((p) => p.id)).toEqual(['bgc_standard', 'bgc_employment']);
  });

  it('an invalid External Trigger Token: the partner app is not available, and nothing is ordered', async () => {
    await setTriggerToken(sb, 'wrong');
    const report = await sb.admin.sendTest('greenhouse');
    expect(report.ok).toBe(false);
    expect(report.recruiterSees).toBe(GREENHOUSE_WORDING.appNotVisible);
    expect(report.recruiterSees).toContain('Integration partner app not visible under Jobs > Interview Plan');
    const listCall = report.hops.find((h) => h.service === 'bridge' && h.direction === 'in' && h.url.includes('/list_tests'))!;
    expect(listCall.status).toBe(401);
    expect(report.hops.some((h) => h.url.includes('/send_test'))).toBe(false);
  });
});
