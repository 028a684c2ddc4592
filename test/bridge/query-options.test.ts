/** The unified API's query options (fields, filter, raw), Prefer: heartbeat, and 429/408 with Retry-After. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../harness/sandbox.ts';
import { validate } from '../../harness/schemas/registry.ts';
import { partnerHeaders } from '../helpers.ts';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ ports: 0, packageList: { timeoutMs: 150 }, unifiedApi: { packageListTimeoutStatus: 408 } });
});
afterAll(() => sb.close());

const behaviour = (b: object) => fetch(`${sb.urls.partner}/_partner/behaviour`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(b) });
const get = async (path: string, extra: Record<string, string> = {}) => {
  const res = await fetch(`${sb.urls.bridge}${path}`, { headers: { ...partnerHeaders(sb, 'greenhouse'), ...extra } });
  return { status: res.status, headers: res.headers, json: (await res.json()) as any };
};

describe('unified API query options', () => {
  it('fields keeps only the listed fields; raw=true adds the provider calls; filter[updated_after] is checked; bad values are 400 naming the parameter', async () => {
    const plain = await get('/unified/ats/assessments/packages');
    expect(plain.status).toBe(200);
    expect(plain.json.raw).toBeUndefined();
    expect(Object.keys(plain.json.data[0])).toEqual(expect.arrayContaining(['id', 'name', 'description']));
    const picked = await get('/unified/ats/assessments/packages?fields=id,name');
    expect(picked.json.data.length).toBe(plain.json.data.length);
    for (const p of picked.json.data) expect(Object.keys(p).sort()).toEqual(['id', 'name']);
    const withRaw = await get('/unified/ats/assessments/packages?raw=true&filter[updated_after]=2024-01-01T00:00:00Z');
    expect(withRaw.status).toBe(200);
    expect(withRaw.json.raw).toEqual([expect.objectContaining({ method: 'POST', url: expect.stringContaining('/packages/assessments'), response: expect.anything() })]);
    expect(validate('unified/package-paginated', withRaw.json).valid).toBe(true);
    const one = await get(`/unified/ats/assessments/packages/${plain.json.data[0].id}?fields=id&raw=true`);
    expect(one.json.data).toEqual({ id: plain.json.data[0].id });
    expect(one.json.raw.length).toBe(1);
    for (const [q, pointer] of [['raw=yes', '/query/raw'], ['fields=', '/query/fields'], ['filter[updated_after]=yesterday', '/query/filter[updated_after]']]) {
      const bad = await get(`/unified/ats/assessments/packages?${q}`);
      expect(bad.status, q).toBe(400);
      expect(bad.json.details[0].pointer).toBe(pointer);
    }
  });

  it('Prefer: heartbeat is answered with Preference-Applied: heartbeat', async () => {
    const r = await get('/unified/ats/assessments/packages', { prefer: 'heartbeat' });
    expect(r.headers.get('preference-applied')).toBe('heartbeat');
    expect((await get('/unified/ats/assessments/packages')).headers.get('preference-applied')).toBeNull();
  });

  it('a package list that times out is 408 "Request timed out" with Retry-After: 60 (unifiedApi.packageListTimeoutStatus)', async () => {
    await behaviour({ packageList: 'timeout' });
    try {
      const r = await get('/unified/ats/assessments/packages');
      expect(r.status).toBe(408);
      expect(r.headers.get('retry-after')).toBe('60');
      expect(r.json).toMatchObject({ statusCode: 408, errorCode: 'RequestTimedOutError' });
      expect(validate('unified/error', r.json).valid).toBe(true);
    } finally {
      await behaviour({ packageList: 'ok' });
    }
  });
});

describe('unified API rate limit (off by default)', () => {
  it('beyond the limit: 429 in StackOne\'s envelope with Retry-After; a client that waits Retry-After gets through', async () => {
    const limited = await startSandbox({ ports: 0, unifiedApi: { rateLimit: { enabled: true, requestsPerSecond: 2 } } });
    try {
      const call = () => fetch(`${limited.urls.bridge}/unified/ats/assessments/packages?fields=id`, { headers: partnerHeaders(limited, 'teamtailor') });
      const statuses = [];
      let last: Response | undefined;
      for (let i = 0; i < 3; i++) {
        last = await call();
        statuses.push(last.status);
      }
      expect(statuses).toEqual([200, 200, 429]);
      const wait = Number(last!.headers.get('retry-after'));
      expect(wait).toBeGreaterThanOrEqual(1);
      expect(await last!.json()).toMatchObject({ statusCode: 429, errorCode: 'TooManyRequestsError' });
      await new Promise((r) => setTimeout(r, 1000));
      expect((await call()).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
