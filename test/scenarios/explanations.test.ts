/**
 * Breaking the behaviour a scenario guards makes it fail, and the failure explains itself in words a
 * support engineer reads: expected against actual, with the journal entry that shows it.
 */
import { describe, expect, it } from 'vitest';
import { findScenario } from '../../harness/scenarios/loader.ts';
import { runScenario } from '../../harness/scenarios/runner.ts';
import { explainScenario, type Scenario } from '../../harness/scenarios/definitions.ts';
import { junitReport, jsonReport } from '../../harness/scenarios/reporters.ts';

const withSetup = (s: Scenario, partner: NonNullable<Scenario['setup']>['partner']): Scenario => ({ ...s, setup: { ...s.setup, partner: { ...s.setup?.partner, ...partner } } });

describe.concurrent('a broken scenario explains itself', () => {
  it('a deliberately wrong expectation: expected against actual, with the journal entry', async () => {
    const s = findScenario('greenhouse-duplicate-result-update-refused');
    const wrong: Scenario = { ...s, expectations: [{ type: 'step', step: 'second', fields: { status: 200 }, why: 'deliberately wrong' }] };
    const r = await runScenario(wrong, { timeoutMs: 1000 });
    expect(r.ok).toBe(false);
    expect(r.failure).toContain('✗ greenhouse-duplicate-result-update-refused (greenhouse, assessment) failed.');
    expect(r.failure).toContain('Expectation 1 of 1 failed (step):');
    expect(r.failure).toContain('expected: step second: status is 200\n');
    expect(r.failure).toContain('why it matters: deliberately wrong');
    expect(r.failure).toContain('actual:   status: expected 200, got 409');
    expect(r.failure).toMatch(/journal: {2}#\d+ .*→ bridge .*result-update +PATCH +\/unified\/ats\/assessments\/orders\/ord_.* 409/);
    // and, further down the same trace, Greenhouse's own refusal
    expect(r.failure).toMatch(/cause: {4}#\d+ .*→ greenhouse .*result-mapping +PATCH +\/integrations\/testing_partners\/take_home_tests\/\d+ +409/);
    // the timeline shows each step and the hops it caused, with their schema verdicts
    expect(r.timeline.filter((t) => t.kind === 'step').map((t) => (t.kind === 'step' ? t.id : ''))).toEqual(['setup', 'send', 'first', 'second']);
    expect(r.timeline.some((t) => t.kind === 'hop' && t.hop === 'result-mapping' && t.status === 409)).toBe(true);
  });

  it('a partner that accepts forged webhooks breaks the signature scenario, and the failure says why it matters', async () => {
    const r = await runScenario(withSetup(findScenario('greenhouse-webhook-bad-signature-refused'), { webhook: 'accept-any-signature' }), { timeoutMs: 1000 });
    expect(r.ok).toBe(false);
    expect(r.failure).toContain('expected: exactly 1 webhook delivery of order send with badSignature is true, attempts[0].status is at least 400 and is at most 499\n');
    expect(r.failure).toContain('→ fix: verify x-stackone-signature on every webhook');
    expect(r.failure).toContain('actual:   expected exactly 1 matching, got 0 of 2 deliveries: dlv_');
    expect(r.failure).toMatch(/dlv_\S+: delivered after 1 attempt\(s\) \[200\] \(bad signature\)/);
    expect(r.failure).toContain('why it matters: a webhook with a wrong signature must be refused: anyone could forge orders otherwise');
  });

  it('a package list that works again breaks the 500 scenario: the recruiter sees the list, not the error', async () => {
    const r = await runScenario(withSetup(findScenario('greenhouse-package-list-http-500'), { packageList: 'ok' }), { timeoutMs: 1000 });
    expect(r.ok).toBe(false);
    expect(r.failure).toContain('expected: the recruiter sees exactly "Sorry, we encountered an error. Please try again." on the send-test form');
    expect(r.failure).toContain('actual:   the recruiter sees "2 package(s) offered: JavaScript – Senior, Logical reasoning"');
    expect(r.failure).toContain('expected: at least one journal entry where service is bridge, it is an outbound call, hop is package-list, status is 500');
    // the recruiter's view failed first; the journal expectation's nearest entries are in the result
    const journal = r.expectations.find((e) => e.type === 'journal' && !e.ok);
    expect(journal?.closest?.[0]?.differences.join('; ')).toContain('status: expected 500, got 200');
  });

  it('a scenario whose step cannot be carried out says so and stops', async () => {
    const s: Scenario = {
      name: 'update-without-order',
      description: 'a partner update before any order exists',
      ats: 'greenhouse',
      category: 'assessment',
      setup: { config: { packages: { assessment: { listUrl: null, staticPackageId: null } } } },
      steps: [{ id: 'send', action: 'send-test' }, { id: 'update', action: 'update-result', body: { result_url: 'https://example.com' } }],
      expectations: [{ type: 'card', fields: { 'status.label': 'Completed' } }],
    };
    const r = await runScenario(s);
    expect(r.ok).toBe(false);
    expect(r.steps.map((x) => [x.id, x.ok])).toEqual([['send', true], ['update', false]]);
    expect(r.failure).toContain('Step update (update-result) could not be carried out');
    expect(r.failure).toContain('no order was created before this step (did the send-test fail?)');
  });
});

describe('explain() and the reports', () => {
  it('a scenario explains itself in plain words', () => {
    const text = explainScenario(findScenario('smartrecruiters-result-update-invalid-payload'));
    expect(text).toContain('Reproduces: "Unable to update result." — cause: Invalid payload format.');
    expect(text).toContain('the reference partner: it never writes a result by itself');
    expect(text).toContain('2. the partner PATCHes a result for the order through the unified API: {"score":{"label":"Percentage","value":"82"}');
    expect(text).toContain('step bad: status is 400, body.errorCode is "ValidationError", body.details[*].pointer is "/score/min"');
  });

  it('JUnit and JSON reports carry each scenario, the failure and the timeline', async () => {
    const pass = await runScenario(findScenario('recruitee-package-list-empty'));
    const s = findScenario('recruitee-package-list-empty');
    const fail = await runScenario({ ...s, name: 'recruitee-package-list-empty-broken', expectations: [{ type: 'recruiter-sees', at: 'open-form', text: 'Something else' }] });
    const xml = junitReport([pass, fail], 1234);
    expect(xml).toContain('<testsuites name="ats-sandbox scenarios" tests="2" failures="1" skipped="0" time="1.234">');
    expect(xml).toContain('<testcase name="recruitee-package-list-empty" classname="scenarios.recruitee.assessment"');
    expect(xml).toMatch(/<failure message="expected the recruiter sees exactly &quot;Something else&quot; on the send-test form" type="ExpectationFailed">/);
    expect(xml).toContain('actual:   the recruiter sees &quot;Couldn&apos;t load'.replace('&apos;', "'"));
    expect(xml).toContain('Timeline:');
    const json = JSON.parse(jsonReport([pass, fail]));
    expect(json.summary).toMatchObject({ total: 2, passed: 1, failed: 1, skipped: 0 });
    expect(json.scenarios[1].expectations[0]).toMatchObject({ ok: false, expected: expect.stringContaining('Something else'), actual: expect.stringContaining("Couldn't load Sandbox Assessments tests") });
    expect(json.scenarios[1].expectations[0].entry).toMatchObject({ kind: 'hop', service: expect.any(String), line: expect.any(String) });
  });
});
