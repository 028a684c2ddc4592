/**
 * Consumer side of each ATS → bridge (external triggers): the REAL emulators' recruiter actions
 * (mocks/<ats>/) call Pact's mock bridge; the interactions go to contracts/pacts/<ats>-ats-sandbox-bridge.json.
 * Definitions: mocks/<ats>/contracts/triggers.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { basic } from '../harness/signing.ts';
import { DEMO_ACCOUNTS } from '../harness/demo.ts';
import { triggerPact } from '../harness/contracts/ats/pacts.ts';
import { EXAMPLE } from '../harness/contracts/ats/matchers.ts';
import { emulatorUnderTest, type EmulatorUnderTest } from '../harness/contracts/ats/emulator-under-test.ts';
import * as teamtailor from '../mocks/teamtailor/contracts/triggers.ts';
import * as recruitee from '../mocks/recruitee/contracts/triggers.ts';
import * as greenhouse from '../mocks/greenhouse/contracts/triggers.ts';
import * as smartrecruiters from '../mocks/smartrecruiters/contracts/triggers.ts';
import { reportResponseError } from '../mocks/greenhouse/external-trigger.ts';
import { inlineOrder } from '../mocks/smartrecruiters/recruiter.ts';
import { jobOf } from '../harness/emulator/world.ts';

let eut: EmulatorUnderTest | undefined;
afterEach(async () => {
  await eut?.close();
  eut = undefined;
});

describe('Teamtailor → bridge (consumer)', () => {
  it('activation, partner form and partner-event webhook: Teamtailor activates, offers the packages and marks the partner-result sent', async () => {
    const pact = triggerPact('teamtailor');
    teamtailor.activationInteraction(pact.addInteraction());
    teamtailor.configInteraction(pact.addInteraction());
    await teamtailor.webhookInteraction(pact.addInteraction()).executeTest(async (mock) => {
      eut = await emulatorUnderTest('teamtailor', { bridgeUrl: mock.url });
      const activated = await eut.call('POST', '/_sandbox/teamtailor/activate', { category: 'assessment' });
      expect(activated.json).toMatchObject({ active: true, status: 200 });
      const report = await eut.em.sendTest({ category: 'assessment', candidateId: 'cand_ada' });
      expect(report).toMatchObject({ ok: true, packageId: 'pkg_js_senior', orderId: EXAMPLE.orderId });
      expect((await eut.em.card('cand_ada')).results[0]?.status.label).toBe('Sent');
    });
  });
});

describe('Recruitee → bridge (consumer)', () => {
  it('tests list and send_candidate: the modal offers the tests, the report is created and linked to the order', async () => {
    const pact = triggerPact('recruitee');
    recruitee.testsInteraction(pact.addInteraction());
    await recruitee.sendCandidateInteraction(pact.addInteraction()).executeTest(async (mock) => {
      eut = await emulatorUnderTest('recruitee', { bridgeUrl: mock.url });
      const report = await eut.em.sendTest({ category: 'assessment', candidateId: 'cand_ada' });
      expect(report).toMatchObject({ ok: true, packages: [{ id: 'pkg_js_senior', name: 'JavaScript – Senior' }], orderId: EXAMPLE.orderId });
    });
  });
});

describe('Greenhouse → bridge (consumer)', () => {
  it('list_tests (both categories), send_test and test_status: the picker fills, the test is sent, and marking it complete reads its result', async () => {
    const pact = triggerPact('greenhouse');
    greenhouse.listTestsInteraction(pact.addInteraction(), 'assessment');
    greenhouse.listTestsInteraction(pact.addInteraction(), 'background_check');
    greenhouse.sendTestInteraction(pact.addInteraction());
    await greenhouse.testStatusInteraction(pact.addInteraction()).executeTest(async (mock) => {
      eut = await emulatorUnderTest('greenhouse', { bridgeUrl: mock.url });
      const checks = await eut.call('GET', '/_sandbox/recruiter/packages?category=background_check');
      expect(checks.json).toMatchObject({ ok: true, packages: [{ id: 'pkg_js_senior' }] });
      const report = await eut.em.sendTest({ category: 'assessment', candidateId: 'cand_ada' });
      expect(report).toMatchObject({ ok: true, orderId: EXAMPLE.orderId });
      const { partnerUsername, partnerPassword } = DEMO_ACCOUNTS.greenhouse.native;
      const marked = await eut.call('PATCH', `/integrations/testing_partners/take_home_tests/${report.nativeId}`, undefined, { authorization: basic(partnerUsername, partnerPassword) });
      expect(marked.status).toBe(200);
      expect((await eut.em.card('cand_ada')).results[0]).toMatchObject({ score: { value: 82 } });
    });
  });

  it('response_error: Greenhouse reports a malformed test_status answer to the partner', async () => {
    await greenhouse.responseErrorInteraction(triggerPact('greenhouse').addInteraction()).executeTest(async (mock) => {
      eut = await emulatorUnderTest('greenhouse', { bridgeUrl: mock.url });
      await reportResponseError(
        eut.em.ctx,
        'assessment',
        {
          api_call: 'test_status',
          errors: ["partner_status is 'complete' but partner_profile url is missing"],
          partner_test_id: 'pkg_js_senior',
          partner_test_name: 'JavaScript – Senior',
          partner_interview_id: EXAMPLE.orderId,
          candidate_email: 'ada@example.com',
        },
        'trace-pact',
      );
      const sent = eut.em.ctx.journal.query({ limit: 10 }).find((e) => e.url.includes('/response_error'));
      expect(sent?.status).toBe(200);
    });
  });
});

describe('SmartRecruiters → bridge (consumer)', () => {
  it('token, package lists (both categories), ad-hoc and inline orders: SmartRecruiters authenticates, lists, orders and sends the candidate inline', async () => {
    const pact = triggerPact('smartrecruiters');
    smartrecruiters.tokenInteraction(pact.addInteraction());
    smartrecruiters.packagesInteraction(pact.addInteraction(), 'assessment');
    smartrecruiters.packagesInteraction(pact.addInteraction(), 'background_check');
    smartrecruiters.orderInteraction(pact.addInteraction());
    await smartrecruiters.inlineOrderInteraction(pact.addInteraction()).executeTest(async (mock) => {
      eut = await emulatorUnderTest('smartrecruiters', { bridgeUrl: mock.url });
      const report = await eut.em.sendTest({ category: 'assessment', candidateId: 'cand_ada' });
      expect(report).toMatchObject({ ok: true, packageId: 'pkg_js_senior', orderId: EXAMPLE.orderId });
      const checks = await eut.call('GET', '/_sandbox/recruiter/packages?category=background_check');
      expect(checks.json).toMatchObject({ ok: true, packages: [{ id: 'pkg_js_senior' }] });
      // the candidate applies to a job with an inline assessment (called directly: the sandbox route waits for the order webhook)
      const candidate = eut.em.ctx.world.candidates[0];
      const input = { category: 'assessment' as const, candidate, job: jobOf(candidate), recruiter: eut.em.ctx.world.recruiters[0], traceId: 'trace-pact' };
      const inline = await inlineOrder(eut.em.ctx, { ...input, pkg: { id: 'pkg_js_senior', name: 'JavaScript – Senior' } });
      expect(inline).toMatchObject({ ok: true, orderId: EXAMPLE.orderId, inlineUrl: expect.stringContaining('/inline/') });
    });
  });
});
