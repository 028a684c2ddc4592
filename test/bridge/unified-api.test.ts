/** The bridge's unified API as a partner meets it: auth, account scoping, packages, orders, results, and StackOne's error envelope. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../harness/sandbox.ts';
import { validate } from '../../harness/schemas/registry.ts';
import { bridgeCall, partnerHeaders, resultPath } from '../helpers.ts';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ ports: 0, partner: { autoComplete: false } });
});
afterAll(() => sb.close());

const raw = (path: string, init: RequestInit = {}) => fetch(`${sb.urls.bridge}${path}`, init);
const expectEnvelope = (body: unknown, status: number, errorCode: string): void => {
  expect(validate('unified/error', body).issues).toEqual([]);
  expect(body).toMatchObject({ statusCode: status, errorCode });
};

async function order(ats: 'teamtailor' | 'recruitee' | 'greenhouse' | 'smartrecruiters' = 'teamtailor', category: 'assessments' | 'background_checks' = 'assessments'): Promise<string> {
  const r = await bridgeCall(sb, ats, 'POST', `/unified/ats/${category}/orders`, { package: { id: 'pkg_logic' }, candidate: { id: 'cand_x', first_name: 'X' } });
  expect(r.status).toBe(200);
  return r.json.id;
}

describe('authentication', () => {
  it('accepts the API key as base64 of "key:" and of the bare key', async () => {
    for (const auth of [Buffer.from(`${sb.apiKey}:`).toString('base64'), Buffer.from(sb.apiKey).toString('base64')]) {
      const r = await raw('/accounts', { headers: { authorization: `Basic ${auth}` } });
      expect(r.status).toBe(200);
    }
  });

  it.each([
    ['no header', {}],
    ['a wrong key', { authorization: `Basic ${Buffer.from('v1.wrong:').toString('base64')}` }],
    ['a Bearer token', { authorization: `Bearer ${sb?.apiKey}` }],
  ])('answers 401 in the envelope for %s', async (_what, headers) => {
    const r = await raw('/unified/ats/assessments/packages', { headers: { ...headers, 'x-account-id': 'acct_teamtailor_demo' } });
    expect(r.status).toBe(401);
    expectEnvelope(await r.json(), 401, 'UnauthorizedError');
  });

  it('needs x-account-id on /unified and names the header when it is missing', async () => {
    const { 'x-account-id': _drop, ...headers } = partnerHeaders(sb, 'teamtailor');
    const r = await raw('/unified/ats/assessments/packages', { headers });
    expect(r.status).toBe(400);
    const body = (await r.json()) as { details: { pointer: string }[] };
    expectEnvelope(body, 400, 'MissingAccountIdError');
    expect(body.details[0].pointer).toBe('/headers/x-account-id');
  });

  it('answers 404 for an unknown account', async () => {
    const r = await raw('/unified/ats/assessments/packages', { headers: { ...partnerHeaders(sb, 'teamtailor'), 'x-account-id': 'acct_nobody' } });
    expect(r.status).toBe(404);
    expectEnvelope(await r.json(), 404, 'AccountNotFoundError');
  });

  it('answers 412 when the account\'s integration is not active', async () => {
    const off = await startSandbox({ ports: 0, only: ['bridge'], providers: { greenhouse: { active: false } } });
    try {
      const r = await bridgeCall(off, 'greenhouse', 'GET', '/unified/ats/assessments/packages');
      expect(r.status).toBe(412);
      expectEnvelope(r.json, 412, 'AccountIntegrationInactiveError');
    } finally {
      await off.close();
    }
  });
});

describe('packages', () => {
  it('lists with cursor pagination (page_size, next)', async () => {
    const first = await bridgeCall(sb, 'greenhouse', 'GET', '/unified/ats/assessments/packages?page_size=1');
    expect(first.status).toBe(200);
    expect(validate('unified/package-paginated', first.json).valid).toBe(true);
    expect(first.json.data.map((p: { id: string }) => p.id)).toEqual(['pkg_js_senior']);
    expect(first.json.next).toEqual(expect.any(String));
    const second = await bridgeCall(sb, 'greenhouse', 'GET', `/unified/ats/assessments/packages?page_size=1&next=${first.json.next}`);
    expect(second.json).toEqual({ data: [expect.objectContaining({ id: 'pkg_logic' })], next: null });
  });

  it('refuses a page_size or cursor it did not give out', async () => {
    expect((await bridgeCall(sb, 'greenhouse', 'GET', '/unified/ats/assessments/packages?page_size=zero')).status).toBe(400);
    const r = await bridgeCall(sb, 'greenhouse', 'GET', '/unified/ats/assessments/packages?next=%%%');
    expect(r.status).toBe(400);
    expect(r.json.details[0].pointer).toBe('/query/next');
  });

  it('gets one package and answers 404 for an unknown one', async () => {
    const r = await bridgeCall(sb, 'greenhouse', 'GET', '/unified/ats/background_checks/packages/bgc_standard');
    expect(r.json.data.tests).toHaveLength(2);
    expect((await bridgeCall(sb, 'greenhouse', 'GET', '/unified/ats/assessments/packages/pkg_nope')).status).toBe(404);
  });

  it('creates background-check packages per account, refusing unknown fields by name', async () => {
    const bad = await bridgeCall(sb, 'recruitee', 'POST', '/unified/ats/background_checks/packages', { name: 'X', colour: 'red' });
    expect(bad.status).toBe(400);
    expect(bad.json.details).toContainEqual(expect.objectContaining({ pointer: '/colour', message: 'is not a known field' }));
    const created = await bridgeCall(sb, 'recruitee', 'POST', '/unified/ats/background_checks/packages', { name: 'Credit check' });
    expect(created.status).toBe(201);
    expect(validate('unified/acks#CreateResult', created.json).valid).toBe(true);
    const other = await bridgeCall(sb, 'greenhouse', 'PATCH', `/unified/ats/background_checks/packages/${created.json.data.id}`, { name: 'mine now' });
    expect(other.status).toBe(404);
    const list = await bridgeCall(sb, 'recruitee', 'GET', '/unified/ats/background_checks/packages?page_size=100');
    expect(list.json.data.map((p: { name: string }) => p.name)).toContain('Credit check');
  });
});

describe('orders and result updates', () => {
  it('stores a valid result and acknowledges it the StackOne way', async () => {
    const id = await order();
    const r = await bridgeCall(sb, 'teamtailor', 'PATCH', resultPath('assessment', id), { score: { label: 'Percentage', value: '80', min: '0', max: '100' }, result: { value: 'passed', source_value: 'Passed' } });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ statusCode: 200, message: 'Record updated successfully.' });
    expect(validate('unified/acks#UpdateResult', r.json).valid).toBe(true);
  });

  it('refuses an invalid result with the JSON pointer, what was expected and what was found', async () => {
    const id = await order();
    const r = await bridgeCall(sb, 'teamtailor', 'PATCH', resultPath('assessment', id), { score: { value: 80 }, result: 'passed' });
    expect(r.status).toBe(400);
    expectEnvelope(r.json, 400, 'ValidationError');
    expect(r.json.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ pointer: '/score/value', expected: ['string', 'null'], actual: 'number 80' }),
        expect.objectContaining({ pointer: '/result', expected: 'object', actual: 'string "passed"' }),
      ]),
    );
  });

  it('refuses result links that are not absolute http(s) URLs, naming the field, on every ATS', async () => {
    for (const ats of ['teamtailor', 'recruitee', 'greenhouse', 'smartrecruiters'] as const) {
      const id = await order(ats);
      for (const [body, pointer] of [
        [{ result_url: 'javascript:alert(1)' }, '/result_url'],
        [{ result_url: 'not a url' }, '/result_url'],
        [{ result_url: 'https://partner.example/r/1', attachments: [{ url: 'data:text/html,<script>alert(1)</script>', content_type: { value: 'pdf' } }] }, '/attachments/0/url'],
      ] as const) {
        const r = await bridgeCall(sb, ats, 'PATCH', resultPath('assessment', id), body);
        expect(r.status, `${ats} ${JSON.stringify(body)}`).toBe(400);
        expectEnvelope(r.json, 400, 'ValidationError');
        expect(r.json.details.map((d: { pointer: string }) => d.pointer), ats).toContain(pointer);
      }
    }
  });

  it('answers 404 for an unknown order, another account\'s order, or the other category', async () => {
    const id = await order('teamtailor');
    expect((await bridgeCall(sb, 'teamtailor', 'PATCH', resultPath('assessment', 'ord_unknown'), {})).status).toBe(404);
    const foreign = await bridgeCall(sb, 'greenhouse', 'PATCH', resultPath('assessment', id), { summary: 'not mine' });
    expect(foreign.status).toBe(404);
    expectEnvelope(foreign.json, 404, 'NotFoundError');
    expect((await bridgeCall(sb, 'teamtailor', 'PATCH', resultPath('background_check', id), {})).status).toBe(404);
  });

  it('gives malformed JSON, a wrong content type, an oversized or hostile body a clear 4xx and keeps the stored data', async () => {
    const id = await order();
    await bridgeCall(sb, 'teamtailor', 'PATCH', resultPath('assessment', id), { summary: 'first' });
    const before = JSON.stringify((await sb.admin.state() as any).bridge.orders.find((o: { id: string }) => o.id === id));
    const h = partnerHeaders(sb, 'teamtailor');
    const send = (body: string, headers: Record<string, string> = h) => raw(resultPath('assessment', id), { method: 'PATCH', headers, body });
    const cases: [string, Promise<Response>, number][] = [
      ['malformed JSON', send('{"summary": '), 400],
      ['wrong content type', send('summary=x', { ...h, 'content-type': 'text/plain' }), 415],
      ['oversized body', send(JSON.stringify({ summary: 'x'.repeat(2_000_000) })), 413],
      ['deep nesting', send('{"passthrough":' + '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000) + '}'), 400],
      ['__proto__ key', send('{"__proto__": {"polluted": true}, "summary": "p"}'), 400],
      ['array body', send('[1,2]'), 400],
      ['huge string field', send(JSON.stringify({ summary: 's'.repeat(200_000) })), 400],
    ];
    for (const [what, p, status] of cases) {
      const r = await p;
      expect(r.status, what).toBe(status);
      if (status !== 200) expect(Object.keys((await r.json()) as object), what).toEqual(expect.arrayContaining(['statusCode', 'message', 'timestamp', 'errorCode']));
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const after = (await sb.admin.state() as any).bridge.orders.find((o: { id: string }) => o.id === id);
    expect(after.results.map((x: { body: { summary?: string } }) => x.body.summary)).toEqual(['first']);
    expect(JSON.stringify(after).startsWith(before.slice(0, 50))).toBe(true);
  });

  it('keeps every one of many concurrent result updates on different orders', async () => {
    const ids = await Promise.all(Array.from({ length: 40 }, () => order()));
    const answers = await Promise.all(ids.map((id, i) => bridgeCall(sb, 'teamtailor', 'PATCH', resultPath('assessment', id), { summary: `result ${i}` })));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    const orders = (await sb.admin.state() as any).bridge.orders as { id: string; results: { body: { summary: string } }[] }[];
    ids.forEach((id, i) => expect(orders.find((o) => o.id === id)?.results[0].body.summary).toBe(`result ${i}`));
  });

  it('refuses an order with an unknown top-level field', async () => {
    const r = await bridgeCall(sb, 'teamtailor', 'POST', '/unified/ats/assessments/orders', { package: { id: 'p' }, colour: 'red' });
    expect(r.status).toBe(400);
    expect(r.json.details[0]).toMatchObject({ pointer: '/colour' });
  });
});

describe('platform endpoints', () => {
  it('lists linked accounts without their tokens', async () => {
    const r = await bridgeCall(sb, 'teamtailor', 'GET', '/accounts');
    expect(r.json).toHaveLength(4);
    for (const a of r.json) expect(validate('unified/linked-account', a).issues).toEqual([]);
    expect(JSON.stringify(r.json)).not.toContain('ett_');
    expect((await bridgeCall(sb, 'teamtailor', 'GET', '/accounts/acct_nope')).status).toBe(404);
  });

  it('describes results.update per connector from its mapper, and 404s an unknown connector', async () => {
    const all = await bridgeCall(sb, 'teamtailor', 'GET', '/connectors/meta');
    expect(all.json.map((m: { provider: string }) => m.provider).sort()).toEqual(['greenhouse', 'recruitee', 'smartrecruiters', 'teamtailor']);
    for (const m of all.json) {
      expect(validate('unified/connector-meta', m).issues).toEqual([]);
      const adapter = sb.bridge!.adapters.get(m.provider)!;
      expect(m.models['assessments/results'].update.input.default_fields).toEqual(adapter.resultFields);
      expect(m.models['background_checks/results'].update.input.default_fields).toEqual(adapter.resultFields);
    }
    expect((await bridgeCall(sb, 'teamtailor', 'GET', '/connectors/meta/workday')).status).toBe(404);
  });

  it('serves an OpenAPI 3.1 document built from the same schemas', async () => {
    const doc = (await (await raw('/openapi.json')).json()) as any;
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/unified/ats/assessments/orders/{id}/result'].patch.operationId).toBe('ats_update_assessments_result');
    expect(doc.components.schemas.ResultUpdate.properties.score.anyOf[0].$ref).toBe('#/components/schemas/Score');
    const refs = JSON.stringify(doc).match(/"#\/components\/schemas\/([^"]+)"/g) ?? [];
    for (const ref of refs) expect(doc.components.schemas[ref.split('/').pop()!.replace('"', '')], ref).toBeDefined();
  });
});
