/* eslint-disable */
/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */
import type { AtsKey } from './ats.ts';
import type { SandboxConfig } from './config.ts';
import type { FaultRule } from './fault.ts';

/**
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "Ats".
 */
export type Ats = AtsKey;
/**
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "Category".
 */
export type Category = 'assessment' | 'background_check';
/**
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "Step".
 */
export type ScenarioStep =
  | SendTestStep
  | ActivateStep
  | UpdateResultStep
  | PartnerCallStep
  | WaitStep
  | OpenLinksStep
  | SendWebhookStep
  | PartnerBehaviourStep
  | InjectFaultStep
  | AdvanceClockStep
  | HireStep;
/**
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "StepId".
 */
export type StepId = string;
/**
 * Wait until an expectation holds (a journal entry, the card, a delivery), or a fixed time (forMs: e.g. the Retry-After a partner honours), or both (the time first)
 *
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "WaitStep".
 */
export type WaitStep = WaitStep1 & WaitStep2;
export type WaitStep1 =
  | {
      until: unknown;
    }
  | {
      forMs: unknown;
    };
/**
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "Expectation".
 */
export type Expectation =
  RecruiterSeesExpectation | StepExpectation | JournalExpectation | CardExpectation | DeliveryExpectation;
/**
 * A plain value is compared for equality; an object names tests that must all hold
 *
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "Matcher".
 */
export type Matcher =
  | (string | number | boolean | null)
  | {
      equals?: unknown;
      contains?: string;
      matches?: string;
      exists?: boolean;
      oneOf?: unknown[];
      not?: Matcher;
      min?: number;
      max?: number;
      length?: CountMatch;
    };
/**
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "Count".
 */
export type CountMatch =
  | number
  | {
      min?: number;
      max?: number;
    };
/**
 * A plain value is compared for equality; an object names tests that must all hold
 */
export type Matcher1 =
  | (string | number | boolean | null)
  | {
      equals?: unknown;
      contains?: string;
      matches?: string;
      exists?: boolean;
      oneOf?: unknown[];
      not?: Matcher;
      min?: number;
      max?: number;
      length?: CountMatch;
    };

/**
 * A troubleshooting scenario: one customer problem reproduced end to end. The setup breaks one thing (config, partner behaviour, faults), the steps are what the recruiter and the partner do, the expectations are what everyone sees. One scenario per file in scenarios/<name>.json; the same object can be POSTed to the control plane (POST /_sandbox/scenarios/run). Strings in steps and expectations may name values known only while the scenario runs: {partner}, {bridge}, {orderId}, {ats}, {accountId}, {candidateId}, {webhookUrl} (the order webhook receiver: the reference partner's, or yours), and {<step id>.<path>} for what a step produced, e.g. {send.packages[0].id} (the first package the partner's list offered), so that no expectation depends on one partner's data.
 */
export interface Scenario {
  $schema?: string;
  /**
   * Equals the file name without .json
   */
  name: string;
  /**
   * The symptom and its cause, in a support engineer's words
   */
  description: string;
  ats: Ats;
  category: Category;
  /**
   * The troubleshooting row this scenario reproduces
   */
  seed?: {
    symptom: string;
    cause?: string;
    fix?: string;
  };
  tags?: string[];
  setup?: ScenarioSetup;
  /**
   * @minItems 1
   * @maxItems 50
   */
  steps: [ScenarioStep, ...ScenarioStep[]];
  /**
   * @minItems 1
   * @maxItems 100
   */
  expectations: [Expectation, ...Expectation[]];
  /**
   * How long waits and eventual expectations may take (default 4000)
   */
  timeoutMs?: number;
  ownPartner?: OwnPartnerVariant;
  /**
   * Virtual time the scenario's sandbox starts at (default: the real time when it starts). Scenarios on the reference partner run on virtual time: waits advance the clock instead of sleeping.
   */
  clockStart?: string;
}
/**
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "ScenarioSetup".
 */
export interface ScenarioSetup {
  /**
   * A sandbox config layer over the scenario defaults (ports, data dir and tiny delays are the runner's)
   */
  config?: SandboxConfig;
  partner?: PartnerBehaviourSetting;
  /**
   * The External Trigger Token the ATS sends the bridge (a wrong one reproduces an invalid token)
   */
  triggerToken?: string;
  /**
   * @maxItems 20
   */
  faults?: FaultRule[];
}
/**
 * How the reference partner behaves (PUT /_partner/behaviour)
 *
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "PartnerBehaviour".
 */
export interface PartnerBehaviourSetting {
  packageList?: 'ok' | 'http-500' | 'timeout' | 'not-json' | 'bare-array' | 'missing-fields' | 'empty';
  webhook?: 'ok' | 'http-500' | 'fail-then-recover' | 'reject-all-signatures' | 'accept-any-signature';
  failuresBeforeRecovery?: number;
  /**
   * false: the partner takes orders but never PATCHes a result (the scenario's steps do)
   */
  complete?: boolean;
}
/**
 * The recruiter opens the send-test form, picks a package and presses Send
 *
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "SendTestStep".
 */
export interface SendTestStep {
  id?: StepId;
  action: 'send-test';
  category?: Category;
  packageId?: string;
  candidateId?: string;
  note?: string;
}
/**
 * The customer activates the integration app in the ATS with the External Trigger Token (Teamtailor's marketplace form)
 *
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "ActivateStep".
 */
export interface ActivateStep {
  id?: StepId;
  action: 'activate';
  category?: Category;
  note?: string;
}
/**
 * The partner PATCHes a result through the unified API (/unified/ats/<category>/orders/<id>/result)
 *
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "UpdateResultStep".
 */
export interface UpdateResultStep {
  id?: StepId;
  action: 'update-result';
  /**
   * Order id, or the id of a send-test step (default: the last order)
   */
  order?: string;
  category?: Category;
  /**
   * The PATCH body as the partner sends it; {partner}, {bridge} and {orderId} are replaced
   */
  body: {
    [k: string]: unknown;
  };
  note?: string;
}
/**
 * The partner calls the bridge's API as its code would (API key, x-account-id of the scenario's ATS): e.g. GET /connectors/meta/<ats> to read the accepted result shape
 *
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "PartnerCallStep".
 */
export interface PartnerCallStep {
  id?: StepId;
  action: 'partner-call';
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /**
   * Path on the bridge; {orderId}, {ats}, {accountId} are replaced
   */
  path: string;
  /**
   * JSON body, if any
   */
  body?: {
    [k: string]: unknown;
  };
  note?: string;
}
export interface WaitStep2 {
  id?: StepId;
  action: 'wait';
  until?: Expectation;
  /**
   * Wait this long first, whatever happens (then for `until`, if given)
   */
  forMs?: number;
  timeoutMs?: number;
  note?: string;
}
/**
 * The exact text the recruiter sees after a send-test or activate step
 *
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "RecruiterSeesExpectation".
 */
export interface RecruiterSeesExpectation {
  type: 'recruiter-sees';
  /**
   * A send-test or activate step id (default: the last of them)
   */
  step?: string;
  /**
   * Which screen: the form, after Send, or the last thing shown (default)
   */
  at?: 'open-form' | 'send' | 'last';
  text: string;
  /**
   * Default exact
   */
  match?: 'exact' | 'contains';
  why?: string;
  /**
   * What to change when this expectation fails (shown as → fix; the first failed expectation's wins over the scenario's)
   */
  fix?: string;
}
/**
 * Fields of a step's outcome: a send-test report, {status, body} of update-result and partner-call, {links} of open-links, {deliveries} of send-webhook, the activation of activate
 *
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "StepExpectation".
 */
export interface StepExpectation {
  type: 'step';
  step: string;
  fields: FieldMatchers;
  why?: string;
  /**
   * What to change when this expectation fails (shown as → fix; the first failed expectation's wins over the scenario's)
   */
  fix?: string;
}
/**
 * Path (a.b[0].c, list[*].id for any element, fields[label=Notes].value for the element whose label is Notes) to matcher
 *
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "FieldMatchers".
 */
export interface FieldMatchers {
  [k: string]: Matcher;
}
/**
 * Journal entries matching every given field (waits for them up to the scenario timeout)
 *
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "JournalExpectation".
 */
export interface JournalExpectation {
  type: 'journal';
  match: JournalMatch;
  count?: CountMatch;
  why?: string;
  /**
   * What to change when this expectation fails (shown as → fix; the first failed expectation's wins over the scenario's)
   */
  fix?: string;
}
/**
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "JournalMatch".
 */
export interface JournalMatch {
  service?: string;
  direction?: 'in' | 'out';
  hop?: string;
  peer?: string;
  method?: string;
  /**
   * Only entries of this order (an order id or a send-test step id)
   */
  order?: string;
  status?: Matcher;
  durationMs?: Matcher1;
  url?: Matcher;
  error?: Matcher;
  /**
   * Every schema verdict of the hop is valid / some is invalid
   */
  verdict?: 'valid' | 'invalid';
  requestBody?: Matcher;
  responseBody?: Matcher;
  /**
   * The answer's body is (true) / is not (false) well-formed JSON
   */
  responseJson?: boolean;
  request?: FieldMatchers1;
  response?: FieldMatchers2;
  headers?: FieldMatchers3;
}
/**
 * Fields of the JSON request body
 */
export interface FieldMatchers1 {
  [k: string]: Matcher;
}
/**
 * Fields of the JSON response body
 */
export interface FieldMatchers2 {
  [k: string]: Matcher;
}
/**
 * Request headers (lower-case names)
 */
export interface FieldMatchers3 {
  [k: string]: Matcher;
}
/**
 * The candidate card as the recruiter sees it (waits for it up to the scenario timeout)
 *
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "CardExpectation".
 */
export interface CardExpectation {
  type: 'card';
  /**
   * Default: the candidate of the last send-test
   */
  candidateId?: string;
  /**
   * The result of this order (an order id or a send-test step id; default: the last order, else the first result)
   */
  order?: string;
  fields?: FieldMatchers4;
  card?: FieldMatchers5;
  why?: string;
  /**
   * What to change when this expectation fails (shown as → fix; the first failed expectation's wins over the scenario's)
   */
  fix?: string;
}
/**
 * Fields of that result (status.label, score.text, links[0].url, fields[label=Notes].value, ...)
 */
export interface FieldMatchers4 {
  [k: string]: Matcher;
}
/**
 * Fields of the whole card (results.length, ...)
 */
export interface FieldMatchers5 {
  [k: string]: Matcher;
}
/**
 * The order webhook deliveries of an order, as the bridge keeps them: how many have the given fields (default at least one)
 *
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "DeliveryExpectation".
 */
export interface DeliveryExpectation {
  type: 'delivery';
  order?: string;
  count?: CountMatch;
  fields?: FieldMatchers6;
  why?: string;
  /**
   * What to change when this expectation fails (shown as → fix; the first failed expectation's wins over the scenario's)
   */
  fix?: string;
}
/**
 * Fields a delivery must have to be counted (state, attempts.length, attempts[0].status, badSignature, ...)
 */
export interface FieldMatchers6 {
  [k: string]: Matcher;
}
/**
 * The recruiter opens every link and attachment on the candidate card; each is fetched and judged (ok, dead, private, unreachable)
 *
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "OpenLinksStep".
 */
export interface OpenLinksStep {
  id?: StepId;
  action: 'open-links';
  candidateId?: string;
  note?: string;
}
/**
 * The bridge sends the order's webhook again, optionally with a deliberately wrong signature (to test the partner's check)
 *
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "SendWebhookStep".
 */
export interface SendWebhookStep {
  id?: StepId;
  action: 'send-webhook';
  order?: string;
  badSignature?: boolean;
  note?: string;
}
/**
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "PartnerBehaviourStep".
 */
export interface PartnerBehaviourStep {
  id?: StepId;
  action: 'set-partner';
  behaviour: PartnerBehaviourSetting;
  note?: string;
}
/**
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "InjectFaultStep".
 */
export interface InjectFaultStep {
  id?: StepId;
  action: 'inject-fault';
  fault: FaultRule;
  note?: string;
}
/**
 * Move the sandbox's virtual clock forward (issue 16): every timer that falls due runs in time order (deliveries and their retries, the reference partner's completion, polls, expiries), then the step ends when the sandbox is quiet. Against your own partner (real time) the step is refused.
 *
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "AdvanceClockStep".
 */
export interface AdvanceClockStep {
  id?: StepId;
  action: 'advance-clock';
  /**
   * How far: "90s", "2h", "7d", "1h30m", "2w"
   */
  by: string;
  note?: string;
}
/**
 * The recruiter hires the candidate (Greenhouse: its legacy test_status polling stops)
 *
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "HireStep".
 */
export interface HireStep {
  id?: StepId;
  action: 'hire';
  /**
   * Default: the candidate of the last send-test
   */
  candidateId?: string;
  note?: string;
}
/**
 * How the scenario runs against your own partner service (scenario run --partner-list-url/--webhook-url). Absent: it runs as written when it drives nothing of the reference partner, else it is skipped. With skip: it is skipped with that reason. Otherwise it runs as a check of your service's own behaviour: the parts given here replace the scenario's.
 *
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "OwnPartnerVariant".
 */
export interface OwnPartnerVariant {
  /**
   * Why the scenario needs the reference partner (it is skipped with this reason), e.g. "injects a package-list fault into the reference partner"; with skip, the other parts are not used
   */
  skip?: string;
  /**
   * What the scenario checks of your partner service
   */
  description?: string;
  setup?: ScenarioSetup;
  /**
   * @minItems 1
   * @maxItems 50
   */
  steps?: [ScenarioStep, ...ScenarioStep[]];
  /**
   * @minItems 1
   * @maxItems 100
   */
  expectations?: [Expectation, ...Expectation[]];
  /**
   * What to change in your service when the check fails (the failure's last line, → fix)
   */
  fix?: string;
}
