/**
 * Payloads arriving over HTTP cannot reconfigure the sandbox (issue 13): a scenario POSTed to the
 * control plane cannot change host, ports, data dir or API key, nor point URLs beyond loopback; partner
 * URLs of a run and an emulator's settings neither; nested sandboxes use a key of their own; runs are capped.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../harness/sandbox.ts';
import { checkTargets, isLoopbackUrl } from '../../harness/http/remote-targets.ts';

const happy = JSON.parse(readFileSync('scenarios/greenhouse-happy-path-assessment.json', 'utf8')) as Record<string, unknown>;

describe('payloads over HTTP', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox({ ports: 0, limits: { maxScenarioRuns: 1 } });
  });
  afterAll(() => sb?.close());

  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${sb.urls.controlPlane}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, json: (await res.json()) as { message: string; details?: { pointer: string }[]; ok?: boolean } };
  };

  it.each([
    ['host', { host: '0.0.0.0' }],
    ['ports', { ports: { bridge: 4010 } }],
    ['dataDir', { dataDir: '/tmp/elsewhere' }],
    ['apiKey', { apiKey: 'v1.attacker-chosen' }],
    ['allowRemoteTargets', { allowRemoteTargets: true }],
    ['allowedOrigins', { allowedOrigins: ['https://evil.example'] }],
  ])('a scenario setting %s is refused, naming the field', async (field, config) => {
    const out = await post('/_sandbox/scenarios/run', { scenario: { ...happy, setup: { config } } });
    expect(out.status).toBe(400);
    expect(out.json.details?.map((d) => d.pointer)).toContain(`/scenario/setup/config/${field}`);
  });

  it('a scenario pointing a webhook or a package list beyond loopback is refused; partner URLs of a run too', async () => {
    const out = await post('/_sandbox/scenarios/run', { ...happy, setup: { config: { webhooks: [{ url: 'https://collector.evil.example/hook' }], packages: { assessment: { listUrl: 'http://169.254.169.254/latest' } } } } });
    expect(out.status).toBe(400);
    expect(out.json.details?.map((d) => d.pointer).sort()).toEqual(['/setup/config/packages/assessment/listUrl', '/setup/config/webhooks/0/url']);
    const run = await post('/_sandbox/scenarios/greenhouse-happy-path-assessment/run', { partnerListUrl: 'https://evil.example/packages', webhookUrl: 'http://127.0.0.1:1/hook' });
    expect(run.status).toBe(400);
    expect(run.json.details?.map((d) => d.pointer)).toEqual(['/partnerListUrl']);
  });

  it('a loopback scenario runs; a second run at the same time is 429 with the cap named', async () => {
    const [a, b] = await Promise.all([post('/_sandbox/scenarios/run', happy), new Promise((r) => setTimeout(r, 30)).then(() => post('/_sandbox/scenarios/run', happy))]);
    expect(a.status).toBe(200);
    expect(a.json.ok).toBe(true);
    expect(b.status).toBe(429);
    expect(b.json.message).toMatch(/limits\.maxScenarioRuns = 1/);
  });

  it('SmartRecruiters settings cannot send its client credentials beyond loopback (400 in its shape)', async () => {
    const res = await fetch(`${sb.urls.smartrecruiters}/_sandbox/settings`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ partnerUrls: { assessment: { oauthTokenUrl: 'https://evil.example/token' } } }) });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('oauthTokenUrl');
  });

  it('a nested sandbox has a key of its own', async () => {
    const nested = await startSandbox({ ports: 0, apiKey: 'v1.the-outer-real-key', ownApiKey: true, only: ['controlPlane'] });
    try {
      expect(nested.apiKey).not.toBe('v1.the-outer-real-key');
      expect(nested.apiKey).toMatch(/^v1\.sandbox\.nested-[0-9a-f]{24}$/);
    } finally {
      await nested.close();
    }
  });

  it('loopback means 127/8, localhost, ::1 and {partner}; other schemes are not URLs here', () => {
    for (const u of ['http://127.0.0.1:4015/x', 'https://localhost/x', 'http://[::1]:1/', 'http://127.8.0.1/', '{partner}/webhooks/orders']) expect(isLoopbackUrl(u), u).toBe(true);
    for (const u of ['https://evil.example', 'http://0.0.0.0:4000', 'http://10.0.0.1', 'file:///etc/passwd', 'javascript:alert(1)', 'http://127.0.0.1.evil.example']) expect(isLoopbackUrl(u), u).toBe(false);
    expect(() => checkTargets({ webhookUrl: 'https://partner.example.com/hook' }, '', true)).not.toThrow();
  });
});
