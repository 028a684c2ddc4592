/** The Recruitee emulator's Partners API refuses bad input in its own shape ({error}, errors[]) and keeps its data. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../harness/sandbox.ts';
import { CODENAME, SECRET, native, partnerBehaviour, reportsOf } from './helpers.ts';

let sb: Sandbox;
let reportId: string;
let bgReportId: string;
const patchPath = (id = reportId, codename = CODENAME(sb), prefix = '/rc/api') => `${prefix}/p/${codename}/reports/${id}`;

beforeAll(async () => {
  sb = await startSandbox({ ports: 0, partner: { completeAfterMs: 20 } });
  await partnerBehaviour(sb, { complete: false });
  reportId = (await sb.admin.sendTest('recruitee', { category: 'assessment' })).nativeId!;
  bgReportId = (await sb.admin.sendTest('recruitee', { category: 'background_check' })).nativeId!;
  const ok = await native(sb, 'PATCH', patchPath(), { secret: SECRET(sb), body: { status: 'completed', score: '70%', urls: { result: 'https://vendor.example/r/1' } } });
  expect(ok.status).toBe(200);
});
afterAll(() => sb.close());

const unchanged = async () => {
  const [r] = await reportsOf(sb, CODENAME(sb));
  expect(r).toMatchObject({ id: reportId, status: 'completed', score: '70%', urls: { result: 'https://vendor.example/r/1' } });
};

describe('Recruitee Partners API refusals', () => {
  it('malformed JSON → 400 {error}', async () => {
    const r = await native(sb, 'PATCH', patchPath(), { secret: SECRET(sb), body: '{"status": "completed",' });
    expect(r.status).toBe(400);
    expect(Object.keys(r.json)).toContain('error');
    expect(r.json.error).toMatch(/not valid JSON/);
    await unchanged();
  });

  it('status "cancelled" (two l) → 422 naming /status', async () => {
    const r = await native(sb, 'PATCH', patchPath(), { secret: SECRET(sb), body: { status: 'cancelled', score: '1%' } });
    expect(r.status).toBe(422);
    expect(r.json.errors).toEqual([{ field: '/status', message: 'must be one of the allowed values' }]);
    expect(r.json.error).toContain('canceled');
    await unchanged();
  });

  it('a missing, wrong or foreign secret → 401, also another ATS\'s credentials', async () => {
    const foreign = [
      'nope',
      sb.accounts.teamtailor.native.partnerApiKey,
      sb.accounts.greenhouse.native.partnerPassword,
      sb.accounts.smartrecruiters.native.clientSecret,
      sb.accounts.recruitee.externalTriggerToken,
    ];
    for (const secret of foreign) {
      const r = await native(sb, 'PATCH', patchPath(), { secret, body: { status: 'failed' } });
      expect(r.status, secret).toBe(401);
      expect(r.json.error).toContain('Invalid RT-PARTNER-SECRET');
    }
    const asBearer = await native(sb, 'PATCH', patchPath(), { headers: { authorization: `Bearer ${SECRET(sb)}` }, body: { status: 'failed' } });
    expect(asBearer.status).toBe(401);
    expect(asBearer.json.error).toContain('not Authorization');
    await unchanged();
  });

  it('unknown report → 404; another partner\'s report → 403; a bad codename → 404', async () => {
    const unknown = await native(sb, 'PATCH', patchPath('00000000-0000-4000-8000-000000000000'), { secret: SECRET(sb), body: { status: 'failed' } });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error).toContain('not found');
    const other = await native(sb, 'PATCH', patchPath(reportId, `${CODENAME(sb)}-background-check`), { secret: SECRET(sb), body: { status: 'failed' } });
    expect(other.status).toBe(403);
    const badName = await native(sb, 'PATCH', patchPath(reportId, 'Stack_One2'), { secret: SECRET(sb), body: { status: 'failed' } });
    expect(badName.status).toBe(404);
    expect(badName.json.error).toContain('lowercase letters and dashes');
    await unchanged();
  });

  it('an RC partner does not exist on Production', async () => {
    const r = await native(sb, 'PATCH', patchPath(reportId, CODENAME(sb), '/api'), { secret: SECRET(sb), body: { status: 'failed' } });
    expect(r.status).toBe(404);
    expect(r.json.error).toContain('not found on Production; it exists on RC (Staging)');
    await unchanged();
  });

  it('unknown fields are refused by name; null removes a url', async () => {
    const typo = await native(sb, 'PATCH', patchPath(), { secret: SECRET(sb), body: { scroe: '1' } });
    expect(typo.status).toBe(422);
    expect(typo.json.errors[0].field).toBe('/scroe');
    await unchanged();
    const cleared = await native(sb, 'PATCH', patchPath(), { secret: SECRET(sb), body: { urls: { result: null } } });
    expect(cleared.status).toBe(200);
    expect(cleared.json.report.urls).toEqual({});
    const back = await native(sb, 'PATCH', patchPath(), { secret: SECRET(sb), body: { urls: { result: 'https://vendor.example/r/1' } } });
    expect(back.status).toBe(200);
    await unchanged();
  });

  it('subtitle and properties are kept for the assessment partner and dropped for the background-check one', async () => {
    const extra = { subtitle: 'Senior level', properties: { level: 'senior' } };
    const a = await native(sb, 'PATCH', patchPath(), { secret: SECRET(sb), body: extra });
    expect(a.status).toBe(200);
    expect(a.json.report).toMatchObject(extra);
    const b = await native(sb, 'PATCH', patchPath(bgReportId, `${CODENAME(sb)}-background-check`), { secret: SECRET(sb), body: { ...extra, status: 'completed' } });
    expect(b.status).toBe(200);
    expect(b.json.report.status).toBe('completed');
    expect(b.json.report.subtitle).toBeUndefined();
    expect(b.json.report.properties).toBeUndefined();
  });
});
