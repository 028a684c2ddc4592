/**
 * Scenario definitions: plain, serializable objects (a file in scenarios/, a POST body, or built
 * in TypeScript), typed from schemas/sandbox/scenario.schema.json. Nothing here runs anything; every
 * part can explain itself in plain words, and the runner (./runner.ts) gives the implementations.
 */
import type { CountMatch, CardExpectation, DeliveryExpectation, Expectation, JournalExpectation, JournalMatch, OwnPartnerVariant, Scenario, ScenarioSetup, ScenarioStep } from '../../schemas/generated/sandbox/scenario.ts';
import type { SandboxConfig } from '../../schemas/generated/sandbox/config.ts';
import { explainFault } from '../faults/definitions.ts';
import { explainCount, explainFields, explainMatcher } from './fields.ts';

export type { CardExpectation, DeliveryExpectation, Expectation, JournalExpectation, JournalMatch, Scenario, ScenarioStep };

const CATEGORY_WORDS = { assessment: 'an assessment', background_check: 'a background check' } as const;

/** Each step's id: its own, or step<N> (1-based). */
export const stepId = (s: ScenarioStep, i: number): string => s.id ?? `step${i + 1}`;

export function explainStep(s: ScenarioStep, scenario?: Pick<Scenario, 'ats' | 'category'>): string {
  switch (s.action) {
    case 'send-test': {
      const cat = s.category ?? scenario?.category ?? 'assessment';
      return `the recruiter${scenario ? ` in ${scenario.ats}` : ''} opens the send-test form and sends ${CATEGORY_WORDS[cat]}${s.packageId ? ` (package ${s.packageId})` : ''}${s.candidateId ? ` to ${s.candidateId}` : ''}`;
    }
    case 'activate':
      return `the customer activates the ${scenario?.ats ?? 'ATS'} integration app${s.category ? ` (${s.category.replace('_', ' ')})` : ''} with the External Trigger Token`;
    case 'update-result':
      return `the partner PATCHes a result for ${s.order ? `order ${s.order}` : 'the order'} through the unified API: ${JSON.stringify(s.body)}`;
    case 'partner-call':
      return `the partner calls ${s.method} ${s.path} on the bridge${s.body !== undefined ? ` with ${JSON.stringify(s.body)}` : ''}`;
    case 'wait':
      return [s.forMs ? `wait ${s.forMs} ms` : '', s.until ? `wait until ${explainExpectation(s.until)}${s.timeoutMs ? ` (at most ${s.timeoutMs} ms)` : ''}` : ''].filter(Boolean).join(', then ');
    case 'hire':
      return `the recruiter hires ${s.candidateId ?? 'the candidate'}`;
    case 'advance-clock':
      return `the sandbox's clock moves ${s.by} forward: what falls due meanwhile runs (deliveries, retries, completions, polls, expiries)`;
    case 'open-links':
      return `the recruiter opens every link and attachment on ${s.candidateId ?? 'the candidate'}'s card`;
    case 'send-webhook':
      return `the bridge sends the order webhook again${s.badSignature ? ', signed with a deliberately wrong secret' : ''}`;
    case 'set-partner':
      return `the reference partner changes behaviour: ${explainPartner(s.behaviour)}`;
    case 'inject-fault':
      return `inject a fault: ${explainFault(s.fault)}`;
  }
}

function explainPartner(b: NonNullable<ScenarioSetup['partner']>): string {
  const parts: string[] = [];
  if (b.packageList && b.packageList !== 'ok') parts.push(`its package list answers ${b.packageList}`);
  if (b.webhook && b.webhook !== 'ok') parts.push(`its webhook receiver ${b.webhook === 'fail-then-recover' ? `fails ${b.failuresBeforeRecovery ?? 2} time(s) then recovers` : b.webhook}`);
  if (b.complete === false) parts.push('it never writes a result by itself');
  if (b.packageList === 'ok' || b.webhook === 'ok') parts.push('it behaves correctly');
  return parts.join('; ') || 'no change';
}

function explainConfig(c: SandboxConfig): string[] {
  const out: string[] = [];
  for (const [cat, src] of Object.entries(c.packages ?? {})) out.push(`${cat.replace('_', ' ')} packages: ${explainSource(src)}`);
  for (const [p, pc] of Object.entries(c.providers ?? {})) {
    if (pc.authType) out.push(`${p} uses the ${pc.authType === 'partner' ? 'Partner API' : pc.authType === 'public' ? 'Public API (no External Trigger Token)' : 'Public + Partner API'} authentication type`);
    if (pc.active === false) out.push(`the ${p} integration is inactive`);
    for (const [cat, src] of Object.entries(pc.packages ?? {})) out.push(`${p} ${cat.replace('_', ' ')} packages: ${explainSource(src)}`);
  }
  if (c.webhooks) out.push(c.webhooks.length ? `webhooks: ${c.webhooks.map((w) => `${w.url}${w.enabled === false ? ' (disabled)' : ''}${w.events ? ` with events ${w.events.join(', ') || 'none'}` : ''}`).join('; ')}` : 'no webhook is configured');
  if (c.packageList?.timeoutMs) out.push(`the package list call gives up after ${c.packageList.timeoutMs} ms`);
  if (c.delivery?.maxAttempts) out.push(`webhook deliveries are tried ${c.delivery.maxAttempts} time(s)`);
  if (c.partner?.autoComplete === false) out.push('the reference partner never writes results by itself');
  return out;
}

const explainSource = (s: { listUrl?: string | null; staticPackageId?: string | null }): string =>
  [s.listUrl !== undefined ? (s.listUrl ? `list URL ${s.listUrl}` : 'no list URL') : '', s.staticPackageId !== undefined ? (s.staticPackageId ? `static package id ${s.staticPackageId}` : 'no static package id') : '']
    .filter(Boolean)
    .join(', ');

function explainSetup(s: ScenarioSetup | undefined): string[] {
  if (!s) return [];
  return [
    ...explainConfig(s.config ?? {}),
    ...(s.partner ? [`the reference partner: ${explainPartner(s.partner)}`] : []),
    ...(s.triggerToken ? [`the ATS sends the External Trigger Token ${JSON.stringify(s.triggerToken)} (not the one the bridge issued)`] : []),
    ...(s.faults ?? []).map((f) => `fault: ${explainFault(f)}`),
  ];
}

function explainJournalMatch(m: JournalMatch): string {
  const parts: string[] = [];
  if (m.service) parts.push(`service is ${m.service}`);
  if (m.direction) parts.push(m.direction === 'in' ? 'it is an answered request' : 'it is an outbound call');
  if (m.peer) parts.push(`peer is ${m.peer}`);
  if (m.hop) parts.push(`hop is ${m.hop}`);
  if (m.method) parts.push(`method is ${m.method}`);
  if (m.order) parts.push(`it belongs to order ${m.order}`);
  if (m.status !== undefined) parts.push(`status ${explainMatcher(m.status)}`);
  if (m.durationMs !== undefined) parts.push(`it took (ms) ${explainMatcher(m.durationMs)}`);
  if (m.url !== undefined) parts.push(`url ${explainMatcher(m.url)}`);
  if (m.error !== undefined) parts.push(`error ${explainMatcher(m.error)}`);
  if (m.verdict) parts.push(m.verdict === 'valid' ? 'every schema verdict is valid' : 'a schema verdict is invalid');
  if (m.requestBody !== undefined) parts.push(`request body ${explainMatcher(m.requestBody)}`);
  if (m.responseBody !== undefined) parts.push(`response body ${explainMatcher(m.responseBody)}`);
  if (m.responseJson !== undefined) parts.push(m.responseJson ? 'the answer is JSON' : 'the answer is not JSON');
  if (m.request) parts.push(explainFields(m.request, 'request '));
  if (m.response) parts.push(explainFields(m.response, 'response '));
  if (m.headers) parts.push(explainFields(m.headers, 'header '));
  return parts.join(', ') || 'any entry';
}

const one = (c: CountMatch | undefined): boolean => c === undefined || c === 1 || (typeof c === 'object' && c.min === 1 && c.max === undefined);

export function explainExpectation(e: Expectation): string {
  const why = e.why ? ` (${e.why})` : '';
  switch (e.type) {
    case 'recruiter-sees': {
      const where = e.at === 'open-form' ? 'on the send-test form' : e.at === 'send' ? 'after pressing Send' : 'in the end';
      return `the recruiter sees ${e.match === 'contains' ? 'a text containing' : 'exactly'} "${e.text}" ${where}${e.step ? ` (step ${e.step})` : ''}${why}`;
    }
    case 'step':
      return `step ${e.step}: ${explainFields(e.fields)}${why}`;
    case 'journal':
      return `${explainCount(e.count)} journal ${one(e.count) ? 'entry' : 'entries'} where ${explainJournalMatch(e.match)}${why}`;
    case 'card': {
      const parts = [e.fields ? explainFields(e.fields) : '', e.card ? explainFields(e.card, 'card ') : ''].filter(Boolean).join(', ');
      return `on ${e.candidateId ?? 'the candidate'}'s card, ${e.order ? `the result of order ${e.order}` : 'the result of the order'}: ${parts || 'is shown'}${why}`;
    }
    case 'delivery':
      return `${explainCount(e.count)} webhook ${one(e.count) ? 'delivery' : 'deliveries'} of ${e.order ? `order ${e.order}` : 'the order'}${e.fields ? ` with ${explainFields(e.fields)}` : ''}${why}`;
  }
}

/** Why a scenario cannot run against your own partner service (it drives the reference partner), or undefined. */
export function needsReferencePartner(s: Pick<Scenario, 'setup' | 'steps' | 'expectations'>, o: { partnerFaults?: boolean } = {}): string | undefined {
  if (s.setup?.partner) return 'it switches the reference partner to a broken behaviour';
  if (!o.partnerFaults && s.setup?.faults?.some((f) => f.target === 'partner')) return 'it injects a fault into the reference partner';
  if (s.steps.some((st) => st.action === 'set-partner' || (st.action === 'inject-fault' && st.fault.target === 'partner'))) return 'it drives the reference partner';
  if (JSON.stringify(s).includes('{partner}')) return 'it uses URLs of the reference partner';
  return undefined;
}

/**
 * The scenario as it runs against your own partner service: its ownPartner variant (the parts given
 * replace the scenario's), or the scenario as written; or why it is skipped (it needs the reference partner).
 */
export function forOwnPartner(s: Scenario): { scenario: Scenario; fix?: string } | { skip: string } {
  const v: OwnPartnerVariant = s.ownPartner ?? {};
  if (v.skip) return { skip: v.skip };
  const variant: Scenario = {
    ...s,
    ...(v.description ? { description: v.description } : {}),
    ...(v.setup ? { setup: v.setup } : {}),
    ...(v.steps ? { steps: v.steps } : {}),
    ...(v.expectations ? { expectations: v.expectations } : {}),
  };
  // faults on "the partner" written for your own partner break the way to your webhook (./relay.ts)
  const why = needsReferencePartner(variant, { partnerFaults: Boolean(v.setup) });
  if (why) return { skip: why };
  const fix = v.fix ?? s.seed?.fix;
  return { scenario: variant, ...(fix ? { fix } : {}) };
}

/** The whole scenario in plain words: what is broken, what happens, what everyone should see. */
export function explainScenario(s: Scenario): string {
  const lines = [`${s.name} (${s.ats}, ${s.category.replace('_', ' ')}): ${s.description}`];
  if (s.seed) lines.push(`Reproduces: "${s.seed.symptom}"${s.seed.cause ? ` — cause: ${s.seed.cause}` : ''}`);
  const setup = explainSetup(s.setup);
  if (setup.length) lines.push('Setup:', ...setup.map((l) => `  - ${l}`));
  lines.push('Steps:', ...s.steps.map((st, i) => `  ${i + 1}. ${explainStep(st, s)}`));
  lines.push('Expected:', ...s.expectations.map((e) => `  - ${explainExpectation(e)}`));
  if (s.ownPartner) {
    const own = forOwnPartner(s);
    if ('skip' in own) lines.push(`Against your own partner service: skipped (${own.skip}).`);
    else if (s.ownPartner.steps || s.ownPartner.expectations || s.ownPartner.setup || s.ownPartner.description) {
      lines.push(`Against your own partner service: ${own.scenario.description}`);
      const ownSetup = explainSetup(own.scenario.setup);
      if (ownSetup.length) lines.push('  Setup:', ...ownSetup.map((l) => `    - ${l}`));
      lines.push('  Steps:', ...own.scenario.steps.map((st, i) => `    ${i + 1}. ${explainStep(st, s)}`));
      lines.push('  Expected:', ...own.scenario.expectations.map((e) => `    - ${explainExpectation(e)}`));
    }
  }
  return lines.join('\n');
}
