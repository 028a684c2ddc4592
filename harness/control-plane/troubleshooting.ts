/**
 * The control plane's troubleshooting routes: fault injection across services
 * (/_sandbox/faults), the actions scenarios need (the recruiter opens a card's links, the bridge
 * re-sends an order webhook with a deliberately bad signature, a wrong External Trigger Token, the
 * reference partner's behaviour), and running scenarios (/_sandbox/scenarios). Every service is
 * reached by URL, so this works the same when each service runs in its own process.
 */
import { Router, type Request } from 'express';
import { ApiError } from '../errors.ts';
import { createHttpClient } from '../http/client.ts';
import { TRACE_HEADER } from '../http/service-app.ts';
import type { Journal } from '../journal.ts';
import { PROVIDERS, type ProviderKey, type ResolvedConfig, type ServiceName } from '../config.ts';
import { basic } from '../signing.ts';
import { serviceCaller } from './forward.ts';
import { FAULT_TARGETS, type FaultTarget } from '../faults/definitions.ts';
import { checkFault } from '../faults/registry.ts';
import { checkLinks, type LinkToCheck } from '../scenarios/link-check.ts';
import type { CandidateCard } from '../../schemas/generated/sandbox/candidate-card.ts';
import type { Scenario } from '../../schemas/generated/sandbox/scenario.ts';
import { checkLayerFromHttp, checkTargets } from '../http/remote-targets.ts';

/**
 * The scenario runner, injected (startSandbox gives it, loaded on first use): the runner starts
 * sandboxes of its own, so importing it here would close an import cycle.
 */
export type ScenarioEngineLoader = () => Promise<{
  runScenario(def: Scenario, o: { partner?: { listUrl?: string; webhookUrl?: string; webhookSecret?: string }; bridgePort?: number }): Promise<object>;
}>;

export interface TroubleshootingOptions {
  journal: Journal;
  config: ResolvedConfig;
  urls: () => Record<ServiceName, string>;
  apiKey: string;
  /** absent: this control plane runs no scenarios (a scenario's own nested sandbox) */
  scenarios?: ScenarioEngineLoader;
}


export function troubleshootingRoutes(opts: TroubleshootingOptions): Router {
  const r = Router();
  const auth = { authorization: basic(opts.apiKey, '') };
  const http = createHttpClient('control-plane', opts.journal);

  const call = serviceCaller(opts.urls);

  const faultTargets = (): FaultTarget[] => FAULT_TARGETS.filter((t) => t !== 'partner' || opts.config.referencePartner);
  const ats = (req: Request): ProviderKey => {
    const a = req.params.ats as ProviderKey;
    if (!PROVIDERS.includes(a)) throw new ApiError(404, 'NotFoundError', `No ATS ${JSON.stringify(a)}; known: ${PROVIDERS.join(', ')}`);
    return a;
  };

  // ── faults ────────────────────────────────────────────────────────────────
  r.post('/_sandbox/faults', async (req, res) => {
    const rule = checkFault(req.body);
    if (rule.target === 'partner' && !opts.config.referencePartner) {
      throw ApiError.validation('The partner is your own service here: only the reference partner can be faulted', [
        { pointer: '/target', message: 'is not running in this sandbox', expected: faultTargets(), actual: rule.target },
      ]);
    }
    const out = await call(rule.target, 'POST', '/_sandbox/faults', rule);
    res.status(out.status).json(out.status < 300 ? { target: rule.target, ...(out.json as object) } : out.json);
  });

  r.get('/_sandbox/faults', async (_req, res) => {
    const lists = await Promise.all(faultTargets().map(async (t) => ({ t, out: await call(t, 'GET', '/_sandbox/faults') })));
    res.json(lists.flatMap(({ t, out }) => (Array.isArray(out.json) ? out.json.map((f) => ({ target: t, ...f })) : [])));
  });

  r.delete('/_sandbox/faults', async (_req, res) => {
    const outs = await Promise.all(faultTargets().map((t) => call(t, 'DELETE', '/_sandbox/faults')));
    res.json({ removed: outs.reduce((n, o) => n + (((o.json as { removed?: number }) ?? {}).removed ?? 0), 0) });
  });

  r.delete('/_sandbox/faults/:id', async (req, res) => {
    const outs = await Promise.all(faultTargets().map((t) => call(t, 'DELETE', `/_sandbox/faults/${encodeURIComponent(req.params.id)}`)));
    const removed = outs.filter((o) => o.status === 200).length;
    if (!removed) throw new ApiError(404, 'NotFoundError', `No fault ${JSON.stringify(req.params.id)} on any service`);
    res.json({ removed });
  });

  // ── actions ───────────────────────────────────────────────────────────────
  /** The recruiter opens every link and attachment of the candidate's results; each is fetched and judged. */
  r.post('/_sandbox/actions/:ats/candidates/:id/open-links', async (req, res) => {
    const a = ats(req);
    const out = await call(a, 'GET', `/_sandbox/recruiter/candidates/${encodeURIComponent(req.params.id)}`);
    if (out.status !== 200) return void res.status(out.status).json(out.json);
    const card = out.json as CandidateCard;
    const links: LinkToCheck[] = card.results.flatMap((result) => [
      ...result.links.map((l) => ({ result: result.title, orderId: result.orderId, kind: 'link' as const, text: l.text, url: l.url })),
      ...result.attachments.map((l) => ({ result: result.title, orderId: result.orderId, kind: 'attachment' as const, text: l.name, url: l.url })),
    ]);
    const checked = await checkLinks(http, links, { provider: a, traceId: req.traceId });
    res.json({ ats: a, candidateId: req.params.id, ok: checked.every((l) => l.verdict === 'ok'), links: checked });
  });

  /** The customer activates the integration app with the External Trigger Token (ATSs with an activation form: Teamtailor; SmartRecruiters' consent form). */
  r.post('/_sandbox/actions/:ats/activate', async (req, res) => {
    const a = ats(req);
    const out = await call(a, 'POST', `/_sandbox/${a}/activate`, req.body ?? {}, { [TRACE_HEADER]: req.traceId });
    if (out.status === 404) throw new ApiError(404, 'NotFoundError', `${a} has no activation form in the sandbox (Teamtailor checks the External Trigger Token on activation)`);
    res.status(out.status).json(out.json);
  });

  /** The bridge sends an order's webhook again, to every subscribed webhook; badSignature signs it with a wrong secret. */
  r.post('/_sandbox/actions/orders/:id/webhook', async (req, res) => {
    const body = (req.body ?? {}) as { badSignature?: unknown };
    if (body.badSignature !== undefined && typeof body.badSignature !== 'boolean') {
      throw ApiError.validation('badSignature must be true or false', [{ pointer: '/badSignature', message: 'must be a boolean', expected: 'boolean', actual: body.badSignature }]);
    }
    const out = await call('bridge', 'POST', `/_sandbox/orders/${encodeURIComponent(req.params.id)}/dispatch`, { badSignature: body.badSignature === true }, auth);
    res.status(out.status).json(out.json);
  });

  /** The External Trigger Token an ATS sends the bridge (set a wrong one to reproduce "invalid token"). */
  r.put('/_sandbox/actions/:ats/trigger-token', async (req, res) => {
    const out = await call(ats(req), 'PUT', '/_sandbox/trigger-token', req.body ?? {});
    res.status(out.status).json(out.json);
  });

  const partnerOnly = (): void => {
    if (!opts.config.referencePartner) throw new ApiError(404, 'NotFoundError', 'No reference partner runs in this sandbox (your own partner service is configured)');
  };
  r.get('/_sandbox/partner/behaviour', async (_req, res) => {
    partnerOnly();
    const out = await call('partner', 'GET', '/_partner/behaviour');
    res.status(out.status).json(out.json);
  });
  r.put('/_sandbox/partner/behaviour', async (req, res) => {
    partnerOnly();
    const out = await call('partner', 'PUT', '/_partner/behaviour', req.body ?? {});
    res.status(out.status).json(out.json);
  });

  // ── scenarios ─────────────────────────────────────────────────────────────
  // Each run starts its own isolated sandbox on free ports; the engine is loaded on first use.
  const partnerOf = (body: Record<string, unknown>) => {
    const s = (k: string): string | undefined => (typeof body[k] === 'string' ? (body[k] as string) : undefined);
    const listUrl = s('partnerListUrl');
    const webhookUrl = s('webhookUrl');
    return listUrl || webhookUrl ? { listUrl, webhookUrl, webhookSecret: s('webhookSecret') } : undefined;
  };
  const bridgePortOf = (body: Record<string, unknown>) => (Number.isInteger(body.bridgePort) ? { bridgePort: body.bridgePort as number } : {});
  /** A scenario run; a bridge port another process holds is the caller's problem (409), not a failure of the scenario. */
  const runOne = async (def: Scenario, body: Record<string, unknown>) => {
    const { runScenario } = await engine();
    const partner = partnerFromHttp(body);
    try {
      return await capped(() => runScenario(def, { partner, ...bridgePortOf(body) }));
    } catch (e) {
      // the runner's PortInUseError (by its code: the runner is injected, not imported)
      if ((e as { code?: unknown }).code === 'PORT_IN_USE') throw new ApiError(409, 'ConflictError', (e as Error).message);
      throw e;
    }
  };

  r.get('/_sandbox/scenarios', async (_req, res) => {
    const { loadScenarios } = await import('../scenarios/loader.ts');
    const { explainScenario } = await import('../scenarios/definitions.ts');
    const { scenarios, problems } = loadScenarios();
    res.json({ scenarios: scenarios.map((s) => ({ name: s.name, ats: s.ats, category: s.category, description: s.description, explanation: explainScenario(s) })), problems });
  });

  /** Runs a definition given in the body ({scenario, partnerListUrl?, webhookUrl?} or the scenario itself). */
  // A definition or partner URLs POSTed here are untrusted (remote-targets.ts): no locked config
  // field, no URL beyond loopback unless the sandbox allows remote targets. Runs are capped.
  const allowRemote = opts.config.allowRemoteTargets;
  let running = 0;
  const capped = async <T>(run: () => Promise<T>): Promise<T> => {
    const max = opts.config.limits.maxScenarioRuns;
    if (running >= max) throw new ApiError(429, 'TooManyRequestsError', `${running} scenario runs are under way, the most this sandbox runs at once (limits.maxScenarioRuns = ${max}): wait for one to finish`);
    running++;
    try {
      return await run();
    } finally {
      running--;
    }
  };
  const engine = async () => {
    if (!opts.scenarios) throw new ApiError(404, 'NotFoundError', 'This control plane runs no scenarios (it belongs to a scenario run)');
    return opts.scenarios();
  };
  const partnerFromHttp = (body: Record<string, unknown>) => {
    const partner = partnerOf(body);
    checkTargets({ partnerListUrl: partner?.listUrl, webhookUrl: partner?.webhookUrl }, '', allowRemote);
    return partner;
  };

  r.post('/_sandbox/scenarios/run', async (req, res) => {
    const { checkScenario } = await import('../scenarios/loader.ts');
    const body = (req.body ?? {}) as Record<string, unknown>;
    const def = checkScenario(body.scenario ?? body);
    const at = body.scenario !== undefined ? '/scenario' : '';
    checkLayerFromHttp(def.setup?.config, `${at}/setup/config`, allowRemote);
    const result = await runOne(def, body);
    res.status(200).json(result);
  });

  r.post('/_sandbox/scenarios/:name/run', async (req, res) => {
    const { findScenario } = await import('../scenarios/loader.ts');
    const def = findScenario(req.params.name);
    const result = await runOne(def, (req.body ?? {}) as Record<string, unknown>);
    res.status(200).json(result);
  });

  return r;
}
