/** Configuration a partner sets: the config file (checked, with the bad field named), the API key variable, the authentication type. */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSandbox, type Sandbox } from '../../harness/sandbox.ts';
import { bridgeCall } from '../helpers.ts';

let sb: Sandbox | undefined;
afterEach(async () => {
  await sb?.close();
  sb = undefined;
  delete process.env.ATS_SANDBOX_API_KEY;
});

describe('configuration', () => {
  it('refuses a config file with a bad field, naming the field and what it accepts', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cfg-'));
    try {
      const file = path.join(dir, 'sandbox.config.json');
      await writeFile(file, JSON.stringify({ providers: { greenhouse: { authType: 'public-api' } }, webhook: [] }));
      await expect(startSandbox({ ports: 0, configFile: file })).rejects.toThrow(
        /sandbox\.config\.json is invalid: .*\/webhook is not a known field.*\/providers\/greenhouse\/authType must be one of the allowed values \(expected \["partner","public\+partner","public"\], got public-api\)/,
      );
      await writeFile(file, '{ "apiKey": ');
      await expect(startSandbox({ ports: 0, configFile: file })).rejects.toThrow(/is not valid JSON/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('takes the API key from ATS_SANDBOX_API_KEY', async () => {
    process.env.ATS_SANDBOX_API_KEY = 'v1.from-the-environment';
    sb = await startSandbox({ ports: 0, only: ['bridge'] });
    expect(sb.apiKey).toBe('v1.from-the-environment');
    const ok = await fetch(`${sb.urls.bridge}/accounts`, { headers: { authorization: `Basic ${Buffer.from('v1.from-the-environment:').toString('base64')}` } });
    expect(ok.status).toBe(200);
  });

  it.each([
    ['partner', false],
    ['public+partner', true],
  ] as const)('with authentication type %s, orders %s the job hiring team', async (authType, included) => {
    sb = await startSandbox({ ports: 0, partner: { autoComplete: false }, providers: { recruitee: { authType } } });
    const team = [{ first_name: 'Ada', last_name: 'Lovelace', email: 'ada@acme.test', role: 'Recruiter' }];
    const r = await bridgeCall(sb, 'recruitee', 'POST', '/unified/ats/assessments/orders', { package: { id: 'pkg_logic' }, job: { id: 'job_1', title: 'Engineer', hiring_team: team } });
    expect(r.status).toBe(200);
    let received: { id: string; payload: { event_data: { job: { hiring_team?: unknown } } } }[] = [];
    for (let i = 0; i < 100 && !received.some((o) => o.id === r.json.id); i++) {
      received = (await (await fetch(`${sb.urls.partner}/_partner/orders`)).json()) as typeof received;
      await new Promise((x) => setTimeout(x, 20));
    }
    const job = received.find((o) => o.id === r.json.id)!.payload.event_data.job;
    expect(job.hiring_team).toEqual(included ? team : undefined);
  });
});
