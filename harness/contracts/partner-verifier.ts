/**
 * verifyPartner(): replays the bridge → partner pact against a partner's real service, at the paths
 * the partner serves, and explains every failure by field. Used by the sandbox's own Pact provider
 * verification of the reference partner (contracts/provider-verification.test.ts). `ats-sandbox verify`
 * does not use it: Pact judges by exact statuses and its own timeout, not by the bridge's rules
 * (docs/decisions/011-verify-by-the-bridges-own-code.md).
 *
 * Signatures (see partner-contract.ts): a request filter signs the exact bytes the verifier sends with
 * the partner's secret and sets its Basic credentials; in the state "the order webhook signature is
 * wrong" it signs with a wrong secret on purpose, and the partner must answer 401.
 * Provider states are also POSTed to --provider-states-url when given ({state, params, action}).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import { basic, sign, SIGNATURE_HEADER } from '../signing.ts';
import { DEFAULT_API_KEY, DEFAULT_WEBHOOK_SECRET } from '../config.ts';
import { BRIDGE_PARTNER_PACT, PARTICIPANTS, PUBLISHED_DIR } from './pact-files.ts';
import { DEFAULT_PATHS, INTERACTIONS, STATES } from './partner-contract.ts';
import { runVerifier } from './run-verifier.ts';
import type { VerifyReport } from './verify-report.ts';

export interface PartnerVerifyOptions {
  partnerBaseUrl: string;
  /** path of the Package's List Endpoint (both categories unless backgroundCheckListPath is set) */
  packageListPath?: string;
  backgroundCheckListPath?: string;
  webhookPath?: string;
  /** POSTed {state, params, action: 'setup'} before each interaction */
  providerStatesUrl?: string;
  /** secret of the order webhook (x-stackone-signature) */
  webhookSecret?: string;
  /** secret that signs the package-list call; defaults to the webhook secret, as in the sandbox */
  signingSecret?: string;
  /** the API key the partner expects in Basic auth of the package-list call */
  apiKey?: string;
  /** base64(key) as StackOne's docs show (default) or base64(key:) */
  basicStyle?: 'key' | 'key-colon';
  /** the pact to verify against (default: the published copy shipped with the package) */
  pactFile?: string;
}

const STATE_PATH = /^\/_pact|^\/_messages/;

type PactJson = { interactions: { description: string; request: { path: string } }[] } & Record<string, unknown>;

/** The pact with each interaction's path replaced by the partner's own. */
function withPartnerPaths(pact: PactJson, o: PartnerVerifyOptions): { pact: PactJson; paths: { packageList: Set<string>; webhook: string } } {
  const a = o.packageListPath ?? DEFAULT_PATHS.packageList.assessment;
  const bc = o.backgroundCheckListPath ?? o.packageListPath ?? DEFAULT_PATHS.packageList.background_check;
  const webhook = o.webhookPath ?? DEFAULT_PATHS.webhook;
  const pathOf: Record<string, string> = {
    [INTERACTIONS.packageList.assessment]: a,
    [INTERACTIONS.packageList.background_check]: bc,
    [INTERACTIONS.orderWebhook.assessment]: webhook,
    [INTERACTIONS.orderWebhook.background_check]: webhook,
    [INTERACTIONS.badSignature]: webhook,
  };
  const copy = structuredClone(pact);
  for (const i of copy.interactions) {
    const p = pathOf[i.description];
    if (!p) throw new Error(`the pact has an interaction this version of ats-sandbox does not know: ${JSON.stringify(i.description)}`);
    i.request.path = p;
  }
  return { pact: copy, paths: { packageList: new Set([a, bc]), webhook } };
}

export async function verifyPartner(o: PartnerVerifyOptions): Promise<VerifyReport> {
  const pactFile = o.pactFile ?? path.join(PUBLISHED_DIR, BRIDGE_PARTNER_PACT);
  const { pact, paths } = withPartnerPaths(JSON.parse(await readFile(pactFile, 'utf8')) as PactJson, o);
  const dir = await mkdtemp(path.join(tmpdir(), 'ats-sandbox-verify-'));
  const file = path.join(dir, BRIDGE_PARTNER_PACT);
  await writeFile(file, JSON.stringify(pact));
  const webhookSecret = o.webhookSecret ?? DEFAULT_WEBHOOK_SECRET;
  const signingSecret = o.signingSecret ?? webhookSecret;
  const apiKey = o.apiKey ?? DEFAULT_API_KEY;
  let wrongSignature = false;
  const stateErrors: string[] = [];

  const setState = async (state: string, params: unknown): Promise<void> => {
    wrongSignature = state === STATES.signatureIsWrong;
    if (!o.providerStatesUrl) return;
    const res = await fetch(o.providerStatesUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ state, params: params ?? {}, action: 'setup' }),
    }).catch((e: Error) => ({ ok: false, status: 0, statusText: e.message }) as const);
    if (!res.ok) stateErrors.push(`provider state ${JSON.stringify(state)}: ${o.providerStatesUrl} answered ${res.status || res.statusText}`);
  };
  const stateHandlers = Object.fromEntries(Object.values(STATES).map((s) => [s, (params: unknown) => setState(s, params)]));

  const requestFilter = (req: Request, _res: Response, next: NextFunction): void => {
    if (STATE_PATH.test(req.path)) return next();
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.from(req.body && typeof req.body === 'object' ? JSON.stringify(req.body) : '');
    const isPackageList = paths.packageList.has(req.path) && req.path !== paths.webhook;
    const secret = isPackageList ? signingSecret : webhookSecret;
    req.headers[SIGNATURE_HEADER] = sign(raw, wrongSignature ? `${secret}-wrong` : secret);
    if (isPackageList) req.headers.authorization = basic(apiKey, o.basicStyle === 'key-colon' ? '' : undefined);
    req.headers['content-length'] = String(raw.length);
    req.body = raw;
    next();
  };

  try {
    const report = await runVerifier({ provider: PARTICIPANTS.partner, providerBaseUrl: o.partnerBaseUrl, pactFile: file, pactLabel: pactFile, stateHandlers, requestFilter });
    if (stateErrors.length) report.problems.push(...stateErrors);
    report.ok = report.ok && stateErrors.length === 0;
    return report;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
