/**
 * Every UI rule of StackOne's partner guides (../shared/seeds/: what the recruiter or admin sees), one
 * assertion each, against a real sandbox. The rule ids are counted in the closing line of the suite:
 * UI_RULES.length rules, each drawn. The seeds' wording is quoted in `rule`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../harness/sandbox.ts';
import type { ProviderKey } from '../harness/config.ts';
import type { ResultCardView } from '../harness/emulator/glossary.ts';
import { bridgeCall, resultPath } from './helpers.ts';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ ports: 0, partner: { autoComplete: false }, emulators: { recruitee: { testsLoadMs: 30 } } });
});
afterAll(() => sb.close());

const send = async (ats: ProviderKey, body: Record<string, unknown> = {}) => {
  const r = await sb.admin.sendTest(ats, { category: 'assessment', ...body });
  expect(r.ok, `${ats}: ${r.recruiterSees}`).toBe(true);
  return r;
};
const patch = async (ats: ProviderKey, orderId: string, body: Record<string, unknown>) => {
  const r = await bridgeCall(sb, ats, 'PATCH', resultPath('assessment', orderId), body);
  expect(r.status, JSON.stringify(r.json)).toBe(200);
};
const card = async (ats: ProviderKey, r: { candidateId: string; nativeId?: string }): Promise<ResultCardView> =>
  (await sb.admin.candidate(ats, r.candidateId)).results.find((x) => x.nativeId === r.nativeId)!;
const field = (c: ResultCardView, label: string) => c.fields.find((f) => f.label === label)?.value;
const get = async (ats: ProviderKey, path: string, init?: RequestInit) => (await fetch(`${sb.urls[ats]}${path}`, init)).json() as Promise<any>;
const FULL = (orderId: string, value = 'passed') => ({
  result: { value },
  score: { label: 'Percentage', value: '82', min: '0', max: '100' },
  start_date: '2026-03-01T10:20:00.000Z',
  submission_date: '2026-03-01T11:45:00.000Z',
  summary: '<p>Strong</p>',
  result_url: `https://vendor.example/r/${orderId}`,
  attachments: [
    { url: 'https://vendor.example/a.pdf', content_type: { value: 'pdf' } },
    { url: 'https://vendor.example/b.pdf', content_type: { value: 'pdf' } },
  ],
});

interface UiRule {
  id: string;
  ats: ProviderKey | 'hub';
  rule: string;
  check: () => Promise<void>;
}

const UI_RULES: UiRule[] = [
  // ── Teamtailor (seeds 000, 001) ───────────────────────────────────────────
  { id: 'tt-app-in-integration-list', ats: 'teamtailor', rule: 'the app is visible in the Integration list under the candidate\'s application once enabled', check: async () => void (await send('teamtailor')) },
  { id: 'tt-packages-dropdown', ats: 'teamtailor', rule: 'a list of packages is visible in the dropdown field on the prompt', check: async () => expect((await send('teamtailor')).packages!.length).toBeGreaterThan(1) },
  { id: 'tt-sent-message', ats: 'teamtailor', rule: 'a success message in the candidate application pop-up after sending', check: async () => expect((await send('teamtailor')).recruiterSees).toBe('Webhook sent') },
  ...(['completed', 'failed'] as const).flatMap((value): UiRule[] => [
    { id: `tt-${value}-bare`, ats: 'teamtailor', rule: `result ${value} without any other details`, check: async () => {
      const r = await send('teamtailor');
      await patch('teamtailor', r.orderId!, { result: { value: value === 'completed' ? 'passed' : 'failed' } });
      const c = await card('teamtailor', r);
      expect(c.status.label).toBe(value === 'completed' ? 'Completed' : 'Failed');
      expect([c.score, c.links.length, c.attachments.length]).toEqual([undefined, 0, 0]);
    } },
    { id: `tt-${value}-no-score`, ats: 'teamtailor', rule: `result ${value} with all data except score: a check icon instead of the gauge`, check: async () => {
      const r = await send('teamtailor');
      const { score: _s, ...rest } = FULL(r.orderId!, value === 'completed' ? 'passed' : 'failed');
      await patch('teamtailor', r.orderId!, rest);
      const c = await card('teamtailor', r);
      expect([c.status.label, c.status.icon, c.score]).toEqual([value === 'completed' ? 'Completed' : 'Failed', 'check', undefined]);
      expect(c.links[0].text).toBe('See results');
    } },
    { id: `tt-${value}-all`, ats: 'teamtailor', rule: `result ${value} with all details: "82 out of 100"`, check: async () => {
      const r = await send('teamtailor');
      await patch('teamtailor', r.orderId!, FULL(r.orderId!, value === 'completed' ? 'passed' : 'failed'));
      const c = await card('teamtailor', r);
      expect([c.status.label, c.score?.text, c.summary]).toEqual([value === 'completed' ? 'Completed' : 'Failed', '82 out of 100', '<p>Strong</p>']);
    } },
  ]),
  { id: 'tt-no-result-url', ats: 'teamtailor', rule: 'result without Result URL: no See results link', check: async () => {
    const r = await send('teamtailor');
    const { result_url: _u, ...rest } = FULL(r.orderId!);
    await patch('teamtailor', r.orderId!, rest);
    expect((await card('teamtailor', r)).links).toEqual([]);
  } },
  { id: 'tt-no-attachments', ats: 'teamtailor', rule: 'result without attachments: no chips', check: async () => {
    const r = await send('teamtailor');
    const { attachments: _a, ...rest } = FULL(r.orderId!);
    await patch('teamtailor', r.orderId!, rest);
    expect((await card('teamtailor', r)).attachments).toEqual([]);
  } },
  { id: 'tt-multiple-attachments', ats: 'teamtailor', rule: 'result with multiple attachments: one chip each', check: async () => {
    const r = await send('teamtailor');
    await patch('teamtailor', r.orderId!, FULL(r.orderId!));
    expect((await card('teamtailor', r)).attachments.map((a) => a.url)).toEqual(['https://vendor.example/a.pdf', 'https://vendor.example/b.pdf']);
  } },
  { id: 'tt-activation-token-field', ats: 'teamtailor', rule: 'the marketplace activation form has an External Trigger Token field', check: async () => {
    const partners = await get('teamtailor', '/_sandbox/teamtailor/partners');
    expect(JSON.stringify(partners[0].activationForm)).toContain('externalTriggerToken');
  } },

  // ── Recruitee (seed 002) ──────────────────────────────────────────────────
  { id: 'rc-app-under-application', ats: 'recruitee', rule: 'the app is available for selection under the candidate\'s application once enabled', check: async () => void (await send('recruitee')) },
  { id: 'rc-popup-select', ats: 'recruitee', rule: 'a pop-up allows users to select the assessments test', check: async () => expect((await get('recruitee', '/_sandbox/recruiter/send-modal')).field.options.length).toBeGreaterThan(1) },
  { id: 'rc-send-enabled-after-load', ats: 'recruitee', rule: 'wait a few seconds for the Send button to become enabled', check: async () => {
    const m = await get('recruitee', '/_sandbox/recruiter/send-modal');
    expect(m.sendButton.enabled).toBe(true);
    expect(m.sendButton.enabledAfterMs).toBeGreaterThanOrEqual(30);
  } },
  { id: 'rc-pending-icon', ats: 'recruitee', rule: 'a Pending icon as a status along with the assessment package name once sent', check: async () => {
    const r = await send('recruitee');
    const c = await card('recruitee', r);
    expect([c.status.icon, c.title]).toEqual(['clock', r.packages!.find((p) => p.id === r.packageId)!.name]);
  } },
  { id: 'rc-open-link', ats: 'recruitee', rule: 'Result URL visible as an Open link', check: async () => {
    const r = await send('recruitee');
    await patch('recruitee', r.orderId!, FULL(r.orderId!));
    expect((await card('recruitee', r)).links).toEqual([{ text: 'Open', url: `https://vendor.example/r/${r.orderId}` }]);
  } },
  { id: 'rc-score-percentage', ats: 'recruitee', rule: "score's value visible as a percentage alongside the package's name", check: async () => {
    const r = await send('recruitee');
    await patch('recruitee', r.orderId!, FULL(r.orderId!));
    expect((await card('recruitee', r)).score?.text).toBe('82%');
  } },
  { id: 'rc-status-tooltip', ats: 'recruitee', rule: "result status within the score's tooltip", check: async () => {
    const r = await send('recruitee');
    await patch('recruitee', r.orderId!, FULL(r.orderId!));
    expect((await card('recruitee', r)).status.tooltip).toBe('Completed');
  } },

  // ── Greenhouse (seed 003) ─────────────────────────────────────────────────
  { id: 'gh-stage-in-interview-plan', ats: 'greenhouse', rule: 'the integration is a stage in Jobs > Interview Plan, used to send tests', check: async () => void (await send('greenhouse')) },
  { id: 'gh-packages-dropdown', ats: 'greenhouse', rule: 'a list of packages in the dropdown when clicking Send test to candidate', check: async () => expect((await send('greenhouse')).packages!.length).toBeGreaterThan(1) },
  { id: 'gh-submitted-tests', ats: 'greenhouse', rule: 'a message Submitted tests appears once sent', check: async () => expect((await send('greenhouse')).recruiterSees).toBe('Submitted tests') },
  { id: 'gh-awaiting', ats: 'greenhouse', rule: "an 'Awaiting candidate's submission' message on the application once sent", check: async () => {
    const r = await send('greenhouse');
    expect((await card('greenhouse', r)).status.tooltip).toContain('Awaiting candidate’s submission');
  } },
  ...([
    ['gh-view-report', 'View Report link (Grading Instructions tab)', (c: ResultCardView, o: string) => expect(c.links).toContainEqual({ text: 'View Report', url: `https://vendor.example/r/${o}` })],
    ['gh-go-to-test', 'Go to Test link', (c: ResultCardView, o: string) => expect(c.links).toContainEqual({ text: 'Go to Test', url: `https://vendor.example/r/${o}` })],
    ['gh-score', 'Score', (c: ResultCardView) => expect(c.score?.value).toBe(82)],
    ['gh-started-at', 'Started At', (c: ResultCardView) => expect(field(c, 'Started At')).toMatch(/2026/)],
    ['gh-completed-at', 'Completed At', (c: ResultCardView) => expect(field(c, 'Completed At')).toMatch(/2026/)],
    ['gh-notes', 'Notes (the summary)', (c: ResultCardView) => expect(field(c, 'Notes')).toBeDefined()],
    ['gh-score-with-stage', 'the updated score along with its application stage', (c: ResultCardView) => expect(field(c, 'Stage')).toBeDefined()],
  ] as const).map(([id, rule, test]): UiRule => ({ id, ats: 'greenhouse', rule, check: async () => {
    const r = await send('greenhouse');
    await patch('greenhouse', r.orderId!, FULL(r.orderId!));
    test(await card('greenhouse', r), r.orderId!);
  } })),

  // ── SmartRecruiters (seed 004) ────────────────────────────────────────────
  { id: 'sr-consent-form', ats: 'smartrecruiters', rule: 'the admin enters the External Trigger Token on the verification form after Allow and Continue', check: async () => {
    const post = (path: string, body: object) => get('smartrecruiters', path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    await post('/_sandbox/admin/disable', {});
    const r = await post('/_sandbox/admin/connect', { externalTriggerToken: 'ett_wrong' });
    expect(r).toMatchObject({ connected: false, adminSees: expect.stringContaining('External Trigger Token') });
  } },
  { id: 'sr-connected-message', ats: 'smartrecruiters', rule: 'a message says: StackOne Assessments is connected', check: async () => {
    const r: any = await (await fetch(`${sb.urls.controlPlane}/_sandbox/actions/smartrecruiters/activate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json();
    expect(r.recruiterSees).toBe('StackOne Assessments is connected');
  } },
  { id: 'sr-order-button', ats: 'smartrecruiters', rule: 'the Order Assessment button is visible on the candidate profile', check: async () => expect((await send('smartrecruiters')).steps[0].ok).toBe(true) },
  { id: 'sr-packages-dropdown', ats: 'smartrecruiters', rule: 'package selection dropdown displays available packages', check: async () => expect((await send('smartrecruiters')).packages!.length).toBeGreaterThan(1) },
  { id: 'sr-auto-trigger-checkmark', ats: 'smartrecruiters', rule: 'a checkmark appears on Skills Test once the assessment order is sent', check: async () => {
    const r = await get('smartrecruiters', '/_sandbox/recruiter/move-to-step', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ step: 'skills-test' }) });
    expect(r.recruiterSees).toMatch(/^A checkmark appears on the hiring step/);
  } },
  ...([
    ['initiated', 'Pending', 'Grey icon, Pending status'],
    ['in_progress', 'In Progress', 'Yellow icon, In Progress status'],
    ['passed', 'Completed', 'Completed status'],
    ['failed', 'Rejected', 'Red icon, Rejected status'],
    ['expired', 'Expired', 'Yellow icon, Expired status'],
  ] as const).map(([value, label, rule]): UiRule => ({ id: `sr-status-${value}`, ats: 'smartrecruiters', rule, check: async () => {
    const r = await send('smartrecruiters');
    await patch('smartrecruiters', r.orderId!, { result: { value } });
    const c = await card('smartrecruiters', r);
    expect(c.status.label).toBe(label);
    expect(c.status.tooltip ?? '').toContain(rule.includes('icon') ? rule.split(',')[0].replace(' icon', '') : '');
  } })),
  ...([
    ['sr-score', 'numerical score displayed (value, min and max)', (c: ResultCardView) => expect([c.score?.value, c.score?.min, c.score?.max]).toEqual([82, 0, 100])],
    ['sr-score-label', 'custom score label', (c: ResultCardView) => expect(c.label).toBe('Percentage')],
    ['sr-summary', 'summary section displays rich text', (c: ResultCardView) => expect(c.summary).toBe('<p>Strong</p>')],
    ['sr-download-reports', 'Download Reports section with the attachments and the result URL', (c: ResultCardView, o: string) => expect(c.links.map((l) => l.url)).toEqual(expect.arrayContaining([`https://vendor.example/r/${o}`, 'https://vendor.example/a.pdf', 'https://vendor.example/b.pdf']))],
    ['sr-no-start-date', 'start date not visible in the UI', (c: ResultCardView) => expect(JSON.stringify(c)).not.toContain('2026-03-01T10:20')],
    ['sr-no-submission-date', 'submission date not visible in the UI', (c: ResultCardView) => expect(JSON.stringify(c)).not.toContain('2026-03-01T11:45')],
  ] as const).map(([id, rule, test]): UiRule => ({ id, ats: 'smartrecruiters', rule, check: async () => {
    const r = await send('smartrecruiters');
    await patch('smartrecruiters', r.orderId!, FULL(r.orderId!));
    test(await card('smartrecruiters', r), r.orderId!);
  } })),
  { id: 'sr-inline', ats: 'smartrecruiters', rule: 'inline assessment: the applying candidate is sent to the partner\'s URL', check: async () => {
    const r = await get('smartrecruiters', '/_sandbox/recruiter/inline-apply', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(r.inlineUrl).toMatch(/^http/);
  } },

  // ── StackOne Connector Hub (seeds 000, 004) ───────────────────────────────
  { id: 'hub-token-field', ats: 'hub', rule: 'the External Trigger Token field is shown for Public + Partner API / OAuth - Assessments', check: async () => {
    const a = await bridgeCall(sb, 'smartrecruiters', 'GET', `/accounts/${sb.accounts.smartrecruiters.id}`);
    expect(a.json.setup_information).toEqual({ authentication_type: 'OAuth - Assessments/Background Checks', external_trigger_token_field: 'shown' });
  } },
];

describe(`UI rules of the guides (${UI_RULES.length})`, () => {
  for (const r of UI_RULES) it(`${r.id}: ${r.rule}`, r.check);
  it('ids are unique', () => expect(new Set(UI_RULES.map((r) => r.id)).size).toBe(UI_RULES.length));
});
