/** PackageListResolver against a real partner server: the signed request, and every typed failure. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import express from 'express';
import { PackageListResolver } from '../../harness/bridge/package-list-resolver.ts';
import { createHttpClient } from '../../harness/http/client.ts';
import { Journal } from '../../harness/journal.ts';
import { listen, type Listening } from '../../harness/http/service-app.ts';
import { resolveConfig, type SandboxConfig } from '../../harness/config.ts';
import { DEMO_ACCOUNTS } from '../../harness/demo.ts';
import { sign, parseBasic } from '../../harness/signing.ts';
import type { LinkedAccountRecord } from '../../harness/bridge/glossary.ts';

type Mode = 'ok' | 'array' | 'no-name' | 'empty' | '500' | 'html' | 'slow';
let mode: Mode = 'ok';
const seen: { raw: string; signature?: string; authorization?: string }[] = [];
let partner: Listening;
let closedUrl: string;

beforeAll(async () => {
  const app = express();
  app.use(express.raw({ type: '*/*' }));
  app.post('/packages', async (req, res) => {
    seen.push({ raw: req.body.toString('utf8'), signature: req.header('x-stackone-signature'), authorization: req.header('authorization') });
    const data = [{ id: 'p1', name: 'Package one' }];
    if (mode === 'slow') await new Promise((r) => setTimeout(r, 500));
    if (mode === 'array') return void res.json(data);
    if (mode === 'no-name') return void res.json({ data: [{ id: 'p1' }] });
    if (mode === 'empty') return void res.json({ data: [] });
    if (mode === 'html') return void res.type('html').send('<h1>hello</h1>');
    if (mode === '500') return void res.status(500).send('boom');
    res.json({ data });
  });
  partner = await listen(app, 0, '127.0.0.1');
  const gone = await listen(express(), 0, '127.0.0.1');
  closedUrl = gone.url;
  await gone.close();
});
afterAll(() => partner.close());

const account: LinkedAccountRecord = { ...DEMO_ACCOUNTS.teamtailor, status: 'active', originOwnerId: 'o', originOwnerName: 'O', createdAt: '' };

function resolver(cfg: SandboxConfig): PackageListResolver {
  const config = resolveConfig([{ referencePartner: false, packageList: { timeoutMs: 200, signingSecret: 'list-secret' }, ...cfg }], () => '');
  return new PackageListResolver(config, createHttpClient('bridge', new Journal()));
}
const withList = (url: string) => resolver({ packages: { assessment: { listUrl: url } } });

describe('the package-list call', () => {
  it('POSTs {account_id, provider, job_id} signed over the raw body, with Basic auth of the API key', async () => {
    mode = 'ok';
    seen.length = 0;
    const out = await withList(`${partner.url}/packages`).resolve(account, 'assessment', { jobId: '12345' });
    expect(out).toEqual({ ok: true, source: 'list-url', packages: [{ id: 'p1', name: 'Package one' }] });
    const req = seen[0];
    expect(JSON.parse(req.raw)).toEqual({ account_id: account.id, provider: 'teamtailor', job_id: '12345' });
    expect(req.signature).toBe(sign(req.raw, 'list-secret'));
    expect(parseBasic(req.authorization)?.user).toBe('v1.sandbox.demo-api-key-0001');
  });

  it('leaves job_id out where the ATS does not send one', async () => {
    seen.length = 0;
    await withList(`${partner.url}/packages`).resolve(account, 'assessment', { jobId: '1', sendsJobId: false });
    expect(JSON.parse(seen[0].raw)).toEqual({ account_id: account.id, provider: 'teamtailor' });
  });

  it('uses the static package id when there is no list URL, and the list URL when both are set', async () => {
    mode = 'ok';
    const staticOnly = await resolver({ packages: { assessment: { staticPackageId: 'PROD_PACKAGE_12345' } } }).resolve(account, 'assessment');
    expect(staticOnly).toMatchObject({ ok: true, source: 'static-package-id', packages: [{ id: 'PROD_PACKAGE_12345' }] });
    const both = await resolver({ packages: { assessment: { listUrl: `${partner.url}/packages`, staticPackageId: 'PROD_PACKAGE_12345' } } }).resolve(account, 'assessment');
    expect(both).toMatchObject({ ok: true, source: 'list-url', packages: [{ id: 'p1' }] });
  });

  it.each<[string, () => PackageListResolver, Mode, string, RegExp]>([
    ['neither URL nor static id', () => resolver({}), 'ok', 'not-configured', /Neither a Package's List Endpoint URL nor a Static Package ID/],
    ['an invalid URL', () => withList('not a url'), 'ok', 'invalid-url', /invalid URL/],
    ['nothing listening', () => withList(`${closedUrl}/packages`), 'ok', 'unreachable', /ECONNREFUSED/],
    ['no answer in time', () => withList(`${partner.url}/packages`), 'slow', 'timeout', /no answer within 200 ms/],
    ['HTTP 500', () => withList(`${partner.url}/packages`), '500', 'http-status', /HTTP 500: boom/],
    ['an HTML page', () => withList(`${partner.url}/packages`), 'html', 'not-json', /not JSON/],
    ['a bare array', () => withList(`${partner.url}/packages`), 'array', 'wrong-shape', /bare array; wrap it as \{"data": \[\.\.\.\]\}/],
    ['a package without a name', () => withList(`${partner.url}/packages`), 'no-name', 'wrong-shape', /\/data\/0\/name is required/],
    ['an empty list', () => withList(`${partner.url}/packages`), 'empty', 'empty', /empty list/],
  ])('types the failure for %s', async (_what, make, m, reason, explanation) => {
    mode = m;
    const out = await make().resolve(account, 'assessment');
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.reason).toBe(reason);
      expect(out.explanation).toMatch(explanation);
    }
  });
});
