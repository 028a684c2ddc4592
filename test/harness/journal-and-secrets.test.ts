/** The journal keeps every hop without secrets, appends to disk as it goes, and answers queries from a bounded window. */
import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Journal } from '../../harness/journal.ts';
import { registerSecret } from '../../harness/secrets.ts';
import { startSandbox } from '../../harness/sandbox.ts';

describe('journal', () => {
  it('masks credentials in headers and known secrets anywhere in bodies', () => {
    registerSecret('client-secret-abcdef');
    const j = new Journal();
    const e = j.append({
      service: 'x',
      direction: 'out',
      method: 'POST',
      url: '/t',
      status: 200,
      durationMs: 1,
      requestHeaders: { authorization: 'Basic dXNlcjpwYXNz', 'rt-partner-secret': 'abc123456', 'content-type': 'application/json' },
      requestBody: 'grant_type=client_credentials&client_secret=client-secret-abcdef',
    });
    expect(e.requestHeaders).toEqual({ authorization: 'Basic dXN…(masked)', 'rt-partner-secret': 'ab…(masked)', 'content-type': 'application/json' });
    expect(e.requestBody).not.toContain('client-secret-abcdef');
  });

  it('masks tokens it was never told about by the name of their field, in JSON and form bodies', () => {
    const e = new Journal().append({
      service: 'x',
      direction: 'out',
      method: 'POST',
      url: '/oauth/token',
      status: 200,
      durationMs: 1,
      requestBody: 'grant_type=client_credentials&client_id=acme&client_secret=never-seen-before-1',
      responseBody: '{"access_token": "eyJhbGciOiJIUzI1NiJ9.payload.sig", "token_type": "Bearer", "expires_in": 3600}',
    });
    expect(e.requestBody).toBe('grant_type=client_credentials&client_id=acme&client_secret=neve…(masked)');
    expect(e.responseBody).toContain('"access_token": "eyJh…(masked)"');
    expect(e.responseBody).toContain('"token_type": "Bearer"');
  });

  it('appends every entry to its file and filters queries', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'journal-'));
    try {
      const j = new Journal(path.join(dir, 'journal.jsonl'), 100);
      for (let i = 0; i < 300; i++) j.append({ service: i % 2 ? 'bridge' : 'partner', direction: 'in', method: 'GET', url: `/${i}`, status: 200, durationMs: 0, orderId: `o${i % 3}` });
      await new Promise((r) => setImmediate(r)); // the entries of a turn are written when it ends
      const lines = (await readFile(path.join(dir, 'journal.jsonl'), 'utf8')).trim().split('\n');
      expect(lines).toHaveLength(300);
      expect(JSON.parse(lines[299]).seq).toBe(300);
      expect(j.query({ limit: 5 }).map((e) => e.seq)).toEqual([296, 297, 298, 299, 300]);
      expect(j.query({ service: 'bridge', orderId: 'o1', limit: 2 }).map((e) => e.url)).toEqual(['/295', '/289'].reverse());
      expect(j.query({ after: 298 }).map((e) => e.seq)).toEqual([299, 300]);
      j.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('holds no API key, token or secret after a full loop through the sandbox', async () => {
    const sb = await startSandbox({ ports: 0, partner: { completeAfterMs: 10 } });
    try {
      const h = { authorization: `Basic ${Buffer.from(`${sb.apiKey}:`).toString('base64')}`, 'x-account-id': 'acct_teamtailor_demo', 'content-type': 'application/json' };
      const r = await fetch(`${sb.urls.bridge}/unified/ats/assessments/orders`, { method: 'POST', headers: h, body: JSON.stringify({ package: { id: 'pkg_logic' } }) });
      const { id } = (await r.json()) as { id: string };
      for (let i = 0; i < 100 && !(await sb.admin.journal({ orderId: id, hop: 'result-update' })).length; i++) await new Promise((x) => setTimeout(x, 20));
      const text = JSON.stringify(await sb.admin.journal({ limit: 5000 }));
      expect(text).toContain('result-update');
      for (const secret of [sb.apiKey, Buffer.from(`${sb.apiKey}:`).toString('base64'), 'whsec_sandbox_demo_0001', ...Object.values(sb.accounts).map((a) => a.externalTriggerToken)]) {
        expect(text).not.toContain(secret);
      }
    } finally {
      await sb.close();
    }
  });
});
