/** An authentication type without the External Trigger Token: the hub's form shows no token field, and the ATS's external triggers are refused. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../harness/sandbox.ts';
import { basic } from '../../harness/signing.ts';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ ports: 0, providers: { teamtailor: { authType: 'public' }, smartrecruiters: { authType: 'public' } } });
});
afterAll(() => sb.close());

const account = async (id: string) => (await fetch(`${sb.urls.bridge}/accounts/${id}`, { headers: { authorization: basic(sb.apiKey, '') } })).json() as Promise<any>;

describe('Connector Hub authentication types', () => {
  it('Public API: no External Trigger Token field (with the fix per ATS); Public + Partner API: shown', async () => {
    expect((await account(sb.accounts.teamtailor.id)).setup_information).toEqual({ authentication_type: 'Public API', external_trigger_token_field: 'not shown: Select Authentication Type `Public + Partner API` or `Partner API` instead' });
    expect((await account(sb.accounts.smartrecruiters.id)).setup_information).toEqual({ authentication_type: 'API Key', external_trigger_token_field: 'not shown: Select Authentication Type OAuth - Assessments/Background Checks instead' });
    expect((await account(sb.accounts.greenhouse.id)).setup_information).toEqual({ authentication_type: 'Public + Partner API', external_trigger_token_field: 'shown' });
  });

  it('the ATS cannot use the token: Teamtailor activation and the SmartRecruiters order pop-up fail; Greenhouse still works', async () => {
    const tt: any = await (await fetch(`${sb.urls.controlPlane}/_sandbox/actions/teamtailor/activate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json();
    expect(tt.active).toBe(false);
    const sr = await sb.admin.sendTest('smartrecruiters', {});
    expect(sr.ok).toBe(false);
    expect(sr.recruiterSees).toMatch(/List displays incomplete data/);
    expect((await sb.admin.sendTest('greenhouse', {})).ok).toBe(true);
  });
});
