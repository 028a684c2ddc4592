/**
 * The verdict rule (docs/decisions/003), held against StackOne's official client: every result
 * update its models allow, serialised by the client itself, is accepted for every ATS and both
 * categories, or refused only by a documented ATS rule (Greenhouse's result link, SmartRecruiters'
 * score min and max). And `ats-sandbox/msw` answers each of them, and a set of invalid ones, exactly
 * as the bridge does: the two judge through one implementation.
 *
 * The expected refusals below are written from ../shared/reference, not from the bridge's code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import * as sdk from '@stackone/stackone-client-ts/sdk/models/shared/index.js';
import { createBridgeHandlers } from '../../mocks/msw/index.ts';
import { startSandbox, type Sandbox } from '../../harness/sandbox.ts';
import type { ProviderKey } from '../../harness/config.ts';

type Model = sdk.AtsUpdateCandidatesAssessmentsResultsRequestDto;
/** A value of one of the client's open enums (its type brands values outside the list). */
const open = <T>(v: string): T => v as T;
type Value = NonNullable<NonNullable<Model['result']>['value']>;
type ContentType = NonNullable<sdk.AttachmentContentType['value']>;
const URL_ = 'https://partner.example/reports/r1';
const PDF = 'https://partner.example/reports/r1.pdf';

/** Result updates the official client's models allow (camelCase models; the client serialises them). */
const MODELS: [string, Model][] = [
  ['empty body', {}],
  ['every field null', { score: null, result: null, resultUrl: null, attachments: null, summary: null, startDate: null, submissionDate: null, candidate: null, passthrough: null }],
  ['result without value', { result: {} }],
  ['result value null', { result: { value: null, sourceValue: 'Passed' } }],
  ['result unmapped_value', { result: { value: open<Value>('unmapped_value'), sourceValue: 'Weird' } }],
  ['result value outside the enum (open enum)', { result: { value: open<Value>('graded') } }],
  ['source_value a number', { result: { value: open<Value>('passed'), sourceValue: 42 } }],
  ['source_value a boolean', { result: { value: open<Value>('in_progress'), sourceValue: true } }],
  ['source_value an object', { result: { value: open<Value>('failed'), sourceValue: { grade: 'F' } } }],
  ['source_value an array', { result: { value: open<Value>('completed'), sourceValue: [1, 'x'] } }],
  ['score value only', { score: { value: '80' } }],
  ['score label only', { score: { label: 'Percentage' } }],
  ['full score', { score: { label: 'Percentage', value: '80', min: '0', max: '100' } }],
  ['decimal score', { score: { value: '80.5', min: '0', max: '100' } }],
  ['score that is not a number', { score: { value: 'A+', min: '0', max: '100' } }],
  ['attachment without content_type', { attachments: [{ url: PDF }] }],
  ['attachment without url', { attachments: [{ contentType: { value: open<ContentType>('pdf') } }] }],
  ['attachment content type outside the enum', { attachments: [{ url: PDF, contentType: { value: open<ContentType>('spreadsheet'), sourceValue: 'text/csv' } }] }],
  ['candidate and passthrough', { candidate: { id: 'cand_1', profileUrl: 'https://partner.example/c/1' }, passthrough: { anything: [1, { deep: true }] } }],
  ['dates and summary', { startDate: new Date('2026-03-01T10:20:00Z'), submissionDate: new Date('2026-03-01T11:45:00Z'), summary: 'Strong' }],
  ['everything', { score: { label: 'Percentage', value: '82', min: '0', max: '100' }, result: { value: open<Value>('passed'), sourceValue: 'Passed' }, resultUrl: URL_, summary: 'Strong', startDate: new Date('2026-03-01T10:20:00Z'), submissionDate: new Date('2026-03-01T11:45:00Z'), attachments: [{ url: PDF, contentType: { value: open<ContentType>('pdf'), sourceValue: 'application/pdf' } }], candidate: { id: 'c' } }],
];

/** Each model as sent, and again with a result link (Greenhouse refuses a result without one). */
const BODIES: [string, string][] = MODELS.flatMap(([name, m]) => [
  [name, sdk.atsUpdateCandidatesAssessmentsResultsRequestDtoToJSON(m)],
  ...(m.resultUrl ? [] : [[`${name}, with result_url`, sdk.atsUpdateCandidatesAssessmentsResultsRequestDtoToJSON({ ...m, resultUrl: URL_ })] as [string, string]]),
]);

/** What the references document as refused, per ATS (pointers); everything else must be accepted. */
function documentedRefusal(ats: ProviderKey, body: Record<string, any>): string[] {
  if (ats === 'greenhouse' && !body.result_url) return ['/result_url']; // complete needs partner_profile_url [C]
  const s = body.score;
  if (ats === 'smartrecruiters' && s?.value && !/^[-\d.]+$/.test(s.value)) return ['/score/value']; // integers [C]
  if (ats === 'smartrecruiters' && s?.value && (!s.min || !s.max)) return ['/score/min', '/score/max']; // value + min + max [C]
  return [];
}

const ATS: ProviderKey[] = ['teamtailor', 'recruitee', 'greenhouse', 'smartrecruiters'];
const CATEGORIES = [
  ['assessment', 'assessments'],
  ['background_check', 'background_checks'],
] as const;
const BASE = 'https://api.stackone.test';

let sb: Sandbox;
const msw = createBridgeHandlers({ baseUrl: BASE });
const server = setupServer(...msw.handlers);

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'bypass' });
  sb = await startSandbox({ ports: 0, partner: { autoComplete: false } });
});
afterAll(async () => {
  server.close();
  await sb?.close();
});

const headers = (ats: ProviderKey, extra: Record<string, string> = {}) => ({
  authorization: `Basic ${Buffer.from(`${sb.apiKey}:`).toString('base64')}`,
  'x-account-id': sb.accounts[ats].id,
  'content-type': 'application/json',
  ...extra,
});

interface Answer {
  status: number;
  body: any;
  warnings: string | null;
}
async function answer(res: Response): Promise<Answer> {
  const text = await res.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  if (body && typeof body === 'object') delete body.timestamp;
  // where a refusal came from the ATS itself, the bridge adds what the ATS answered
  if (body?.provider_errors) delete body.provider_errors;
  return { status: res.status, body, warnings: res.headers.get('x-ats-sandbox-warning') };
}

/** The same request to the real bridge and to the msw handlers (an order both know). */
async function both(path: string, init: RequestInit): Promise<[Answer, Answer]> {
  const [real, mock] = await Promise.all([fetch(`${sb.urls.bridge}${path}`, init), fetch(`${BASE}${path}`, init)]);
  return [await answer(real), await answer(mock)];
}

/** An order the ATS placed (a recruiter sent a test), known to msw under the same id. */
async function atsOrder(ats: ProviderKey, category: 'assessment' | 'background_check'): Promise<string> {
  const sent = await sb.admin.sendTest(ats, { category });
  expect(sent.ok, JSON.stringify(sent)).toBe(true);
  msw.addOrder({ id: sent.orderId!, category, accountId: sb.accounts[ats].id });
  return sent.orderId!;
}

const tally = { accepted: 0, refusedAsDocumented: 0, withWarnings: 0 };

describe('result updates the official client allows', () => {
  for (const ats of ATS) {
    for (const [category, seg] of CATEGORIES) {
      it(`${ats}, ${category.replace('_', ' ')}: accepted, or refused only by a documented rule; msw answers the same`, async () => {
        let order = await atsOrder(ats, category);
        for (const [name, body] of BODIES) {
          // Greenhouse takes one result per test: each update gets a test of its own
          if (ats === 'greenhouse') order = await atsOrder(ats, category);
          const [real, mock] = await both(`/unified/ats/${seg}/orders/${order}/result`, { method: 'PATCH', headers: headers(ats), body });
          const refused = documentedRefusal(ats, JSON.parse(body));
          if (refused.length) {
            expect(real.status, `${ats} ${name}: ${JSON.stringify(real.body)}`).toBe(400);
            expect(real.body.details.map((d: { pointer: string }) => d.pointer).sort(), `${ats} ${name}`).toEqual(refused.sort());
            tally.refusedAsDocumented++;
          } else {
            expect(real.status, `${ats} ${name}: ${JSON.stringify(real.body)}`).toBe(200);
            expect(real.body).toEqual({ statusCode: 200, message: 'Record updated successfully.' });
            tally.accepted++;
            if (real.warnings) tally.withWarnings++;
          }
          expect(mock, `${ats} ${name}: msw and the bridge differ`).toEqual(real);
        }
      });
    }
  }

  it('covered every ATS, both categories and every variant', () => {
    expect(tally.accepted + tally.refusedAsDocumented).toBe(ATS.length * CATEGORIES.length * BODIES.length);
    expect(tally.accepted).toBeGreaterThan(tally.refusedAsDocumented);
    expect(tally.withWarnings).toBeGreaterThan(0);
  });
});

describe('msw and the bridge on every unified route', () => {
  const bad: [string, RequestInit | ((ats: ProviderKey) => RequestInit)][] = [
    ['malformed JSON', (a) => ({ method: 'PATCH', headers: headers(a), body: '{"score":' })],
    ['text/plain', (a) => ({ method: 'PATCH', headers: headers(a, { 'content-type': 'text/plain' }), body: 'score=1' })],
        ['an array', (a) => ({ method: 'PATCH', headers: headers(a), body: '[1]' })],
    ['a numeric score', (a) => ({ method: 'PATCH', headers: headers(a), body: JSON.stringify({ score: { value: 80 }, result_url: URL_ }) })],
    ['a bare result string', (a) => ({ method: 'PATCH', headers: headers(a), body: JSON.stringify({ result: 'passed', result_url: URL_ }) })],
    ['a javascript: link', (a) => ({ method: 'PATCH', headers: headers(a), body: JSON.stringify({ result_url: 'javascript:alert(1)' }) })],
    ['an attachment data: link', (a) => ({ method: 'PATCH', headers: headers(a), body: JSON.stringify({ result_url: URL_, attachments: [{ url: 'data:text/html,x' }] }) })],
    ['a __proto__ key', (a) => ({ method: 'PATCH', headers: headers(a), body: '{"__proto__":{"x":1},"result_url":"https://p.example/r"}' })],
    ['a wrong date', (a) => ({ method: 'PATCH', headers: headers(a), body: JSON.stringify({ start_date: 'yesterday', result_url: URL_ }) })],
    ['no x-account-id', () => ({ method: 'PATCH', headers: { authorization: `Basic ${Buffer.from(`${sb.apiKey}:`).toString('base64')}`, 'content-type': 'application/json' }, body: '{}' })],
    ['a wrong API key', (a) => ({ method: 'PATCH', headers: headers(a, { authorization: 'Basic d3Jvbmc6' }), body: '{}' })],
  ];

  for (const ats of ATS) {
    it(`${ats}: refusals, unknown orders, packages and a second update answer alike`, async () => {
      const order = await atsOrder(ats, 'assessment');
      for (const [what, init] of bad) {
        const [real, mock] = await both(`/unified/ats/assessments/orders/${order}/result`, typeof init === 'function' ? init(ats) : init);
        expect(real.status, `${ats} ${what}`).toBeGreaterThanOrEqual(400);
        expect(real.status, `${ats} ${what}`).toBeLessThan(500);
        expect(mock, `${ats} ${what}: msw and the bridge differ`).toEqual(real);
      }
      // no body at all reads as {} on both (StackOne's schema allows an empty update)
      const [none, noneMock] = await both(`/unified/ats/assessments/orders/${order}/result`, { method: 'PATCH', headers: headers(ats) });
      expect(noneMock).toEqual(none);
      const ok = { method: 'PATCH', headers: headers(ats), body: JSON.stringify({ score: { label: 'Percentage', value: '70', min: '0', max: '100' }, result: { value: open<Value>('passed') }, result_url: URL_ }) };
      for (const path of ['/unified/ats/assessments/orders/ord_nope/result', `/unified/ats/background_checks/orders/${order}/result`, `/unified/ats/nothing/orders/${order}/result`]) {
        const [real, mock] = await both(path, ok);
        expect(mock, `${ats} ${path}`).toEqual(real);
        expect(real.status).toBe(404);
      }
      const [first, firstMock] = await both(`/unified/ats/assessments/orders/${order}/result`, ok);
      expect(firstMock).toEqual(first);
      const [second, secondMock] = await both(`/unified/ats/assessments/orders/${order}/result`, ok);
      if (ats === 'greenhouse') {
        expect(second.status).toBe(409);
        expect(secondMock.status).toBe(409);
        expect(secondMock.body.errorCode).toBe(second.body.errorCode);
        // the bridge adds what Greenhouse itself said
        expect(second.body.message.startsWith(secondMock.body.message)).toBe(true);
      } else {
        expect(secondMock).toEqual(second);
        expect(second.status).toBe(200);
      }
      for (const path of ['/unified/ats/assessments/packages', '/unified/ats/background_checks/packages', '/unified/ats/assessments/packages/pkg_logic', '/unified/ats/assessments/packages/pkg_nope']) {
        const [real, mock] = await both(path, { headers: headers(ats) });
        expect(mock, `${ats} GET ${path}`).toEqual(real);
      }
    });
  }

  it('with strict, both refuse what they would otherwise accept with a warning', async () => {
    const strictSb = await startSandbox({ ports: 0, only: ['bridge'], strict: true });
    const strictMsw = createBridgeHandlers({ baseUrl: 'https://strict.stackone.test', strict: true });
    server.use(...strictMsw.handlers);
    try {
      const h = { authorization: `Basic ${Buffer.from(`${strictSb.apiKey}:`).toString('base64')}`, 'x-account-id': strictSb.accounts.teamtailor.id, 'content-type': 'application/json' };
      const placed = await fetch(`${strictSb.urls.bridge}/unified/ats/assessments/orders`, { method: 'POST', headers: h, body: JSON.stringify({ package: { id: 'pkg_logic' } }) });
      const id = ((await placed.json()) as { id: string }).id;
      strictMsw.addOrder({ id, category: 'assessment', accountId: strictSb.accounts.teamtailor.id });
      const init = { method: 'PATCH', headers: h, body: JSON.stringify({ result: { value: open<Value>('graded') }, result_url: URL_ }) };
      const path = `/unified/ats/assessments/orders/${id}/result`;
      const [real, mock] = [await answer(await fetch(`${strictSb.urls.bridge}${path}`, init)), await answer(await fetch(`https://strict.stackone.test${path}`, init))];
      expect(real.status).toBe(400);
      expect(real.body.message).toMatch(/^Refused in strict mode: \/result\/value is "graded"/);
      expect(mock).toEqual(real);
    } finally {
      await strictSb.close();
    }
  });
});
