/** StackOne's package configuration as Recruitee's "Send test" modal shows it: static package id, or neither (the pop-up error). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../harness/sandbox.ts';
import { POPUP } from '../../mocks/recruitee/wording.ts';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({
    ports: 0,
    referencePartner: true,
    partner: { completeAfterMs: 20 },
    providers: { recruitee: { packages: { assessment: { listUrl: null, staticPackageId: null }, background_check: { listUrl: null, staticPackageId: 'bgc_static_01' } } } },
  });
});
afterAll(() => sb.close());

describe('Recruitee package configuration', () => {
  it('neither a list URL nor a static package id: the pop-up says so', async () => {
    const r = await sb.admin.sendTest('recruitee', { category: 'assessment' });
    expect(r.ok).toBe(false);
    expect(r.recruiterSees).toBe(
      POPUP.partnerError('Sandbox Assessments', "Could not load the packages: Neither a Package's List Endpoint URL nor a Static Package ID is configured for recruitee assessment packages"),
    );
  });

  it('a static package id is the one test offered, and the loop completes with it', async () => {
    const r = await sb.admin.sendTest('recruitee', { category: 'background_check' });
    expect(r.ok).toBe(true);
    expect(r.packages).toEqual([{ id: 'bgc_static_01', name: 'bgc_static_01' }]);
    const card = await sb.admin.waitForCard('recruitee', 'cand_ada', (c) => c.results.some((x) => x.nativeId === r.nativeId && x.status.label === 'Completed'));
    expect(card.results.find((x) => x.nativeId === r.nativeId)!.title).toBe('bgc_static_01');
  });
});
