/**
 * The Teamtailor emulator's Partner Results API on its own: it refuses bad input in Teamtailor's
 * (JSON:API) shape with a 4xx, and a refused call changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../harness/sandbox.ts';
import { basic } from '../../harness/signing.ts';

let sb: Sandbox;
let id: string;
let base: string;
let key: string;
const JSON_API = 'application/vnd.api+json';

const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, 'x-api-version': '20180828', ...(body !== undefined ? { 'content-type': JSON_API } : {}), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
const update = (attributes: Record<string, unknown>) => ({ data: { type: 'partner-results', id, attributes } });
const current = async () => ((await (await call('GET', `/partner/v1/partner-results/${id}`)).json()) as { data: { attributes: Record<string, unknown> } }).data.attributes;

beforeAll(async () => {
  sb = await startSandbox({ ports: 0, partner: { autoComplete: false } });
  base = sb.urls.teamtailor;
  key = sb.accounts.teamtailor.native.partnerApiKey;
  const report = await sb.admin.sendTest('teamtailor', { category: 'assessment' });
  id = report.nativeId!;
  const ok = await call('PUT', `/partner/v1/partner-results/${id}`, update({ status: 'completed', summary: 'Good', assessment: { score: 80, duration: '0:32:14' }, attachments: [{ url: 'https://v.example/a.pdf', description: 'a.pdf' }] }));
  expect(ok.status).toBe(200);
});
afterAll(() => sb.close());

describe('Teamtailor Partner Results API', () => {
  it('answers a good update with the full resource, duration in seconds, and echoes X-Api-Version', async () => {
    const res = await call('PUT', `/partner/v1/partner-results/${id}`, update({ details: { percentile: '92', breakdown: { algorithms: 9 } } }));
    expect(res.status).toBe(200);
    expect(res.headers.get('x-api-version')).toBe('20180828');
    expect(res.headers.get('content-type')).toContain(JSON_API);
    const body = (await res.json()) as { data: { id: string; type: string; links: { self: string }; attributes: Record<string, unknown> } };
    expect(body.data).toMatchObject({ id, type: 'partner-results', links: { self: `${base}/partner/v1/partner-results/${id}` } });
    expect(body.data.attributes).toMatchObject({ status: 'completed', summary: 'Good', assessment: { score: 80, duration: 1934 }, 'candidate-id': 54321, 'job-id': 12345 });
  });

  it('accepts "Token <key>" as well as "Bearer <key>"', async () => {
    expect((await call('GET', `/partner/v1/partner-results/${id}`, undefined, { authorization: `Token ${key}` })).status).toBe(200);
  });

  const refusals: [string, () => Promise<Response>, number, string | undefined][] = [
    ['malformed JSON', () => call('PUT', `/partner/v1/partner-results/${id}`, '{"data": {"type": "partner-results",'), 400, undefined],
    ['no X-Api-Version', () => call('PUT', `/partner/v1/partner-results/${id}`, update({ status: 'failed' }), { 'x-api-version': '' }), 400, undefined],
    ['a wrong API key', () => call('PUT', `/partner/v1/partner-results/${id}`, update({ status: 'failed' }), { authorization: 'Bearer not-the-key' }), 401, undefined],
    ["Recruitee's partner secret", () => call('PUT', `/partner/v1/partner-results/${id}`, update({ status: 'failed' }), { authorization: `Bearer ${sb.accounts.recruitee.native.partnerSecret}` }), 401, undefined],
    ["Greenhouse's Basic credentials", () => call('PUT', `/partner/v1/partner-results/${id}`, update({ status: 'failed' }), { authorization: basic(sb.accounts.greenhouse.native.partnerUsername, sb.accounts.greenhouse.native.partnerPassword) }), 401, undefined],
    ['plain application/json', () => call('PUT', `/partner/v1/partner-results/${id}`, update({ status: 'failed' }), { 'content-type': 'application/json' }), 415, undefined],
    ['score 150', () => call('PUT', `/partner/v1/partner-results/${id}`, update({ status: 'failed', assessment: { score: 150 } })), 422, '/data/attributes/assessment/score'],
    ['an attachment with extra keys', () => call('PUT', `/partner/v1/partner-results/${id}`, update({ status: 'failed', attachments: [{ url: 'https://v.example/b.pdf', description: 'b', name: 'b.pdf' }] })), 422, '/data/attributes/attachments/0/name'],
    ['an unknown status', () => call('PUT', `/partner/v1/partner-results/${id}`, update({ status: 'done' })), 422, '/data/attributes/status'],
    ['candidate-id on update', () => call('PUT', `/partner/v1/partner-results/${id}`, update({ status: 'failed', 'candidate-id': 54322 })), 422, '/data/attributes/candidate-id'],
    ['details three levels deep', () => call('PUT', `/partner/v1/partner-results/${id}`, update({ status: 'failed', details: { a: { b: { c: 1 } } } })), 422, '/data/attributes/details'],
    ['a url that is not http(s)', () => call('PUT', `/partner/v1/partner-results/${id}`, update({ status: 'failed', url: 'ftp://v.example/r' })), 422, '/data/attributes/url'],
    ['an id that differs from the URL', () => call('PUT', `/partner/v1/partner-results/${id}`, { data: { type: 'partner-results', id: 'other', attributes: { status: 'failed' } } }), 409, undefined],
  ];

  it.each(refusals)('refuses %s with %i in its own shape and keeps its data', async (_what, send, status, pointer) => {
    const before = await current();
    const res = await send();
    expect(res.status).toBe(status);
    const body = (await res.json()) as { errors: { title: string; detail: string; status: string; source?: { pointer: string } }[] };
    expect(body.errors.length).toBeGreaterThan(0);
    expect(body.errors[0]).toMatchObject({ status: String(status), title: expect.any(String), detail: expect.any(String) });
    if (pointer) expect(body.errors.map((e) => e.source?.pointer)).toEqual([pointer]);
    expect(await current()).toEqual(before);
  });

  it('answers 404 for an unknown id', async () => {
    const res = await call('PUT', '/partner/v1/partner-results/nope', { data: { type: 'partner-results', attributes: { status: 'sent' } } });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { errors: { status: string }[] }).errors[0].status).toBe('404');
  });

  it('creates (status and candidate-id required), lists with paging, and deletes', async () => {
    const missing = await call('POST', '/partner/v1/partner-results', { data: { type: 'partner-results', attributes: { status: 'sent' } } });
    expect(missing.status).toBe(422);
    const created = await call('POST', '/partner/v1/partner-results', { data: { type: 'partner-results', attributes: { status: 'completed', 'candidate-id': 54323, assessment: { score: 55 } } } });
    expect(created.status).toBe(201);
    const newId = ((await created.json()) as { data: { id: string } }).data.id;
    const grace = await sb.admin.candidate('teamtailor', 'cand_grace');
    expect(grace.results.map((r) => r.score?.text)).toEqual(['55 out of 100']);
    const page = (await (await call('GET', '/partner/v1/partner-results?page[size]=1&page[number]=2')).json()) as { data: unknown[]; meta: Record<string, number>; links: Record<string, string> };
    expect(page.data).toHaveLength(1);
    expect(page.meta).toEqual({ 'record-count': 2, 'page-count': 2 });
    expect(page.links.prev).toBeDefined();
    expect((await call('DELETE', `/partner/v1/partner-results/${newId}`)).status).toBe(204);
    expect((await call('GET', `/partner/v1/partner-results/${newId}`)).status).toBe(404);
  });
});
