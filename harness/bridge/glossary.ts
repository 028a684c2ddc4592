/**
 * The bridge's public interfaces, in one place. An ATS plugs into the bridge with one
 * ProviderAdapter (harness/bridge/providers/<ats>/): its external-trigger routes, its result
 * mapper, and the fields its connector meta lists. The adapter sees the bridge only through
 * BridgeApi.
 */
import type { Router } from 'express';
import type { Category, ProviderKey, ResolvedConfig } from '../config.ts';
import type { HttpClient } from '../http/client.ts';
import type { Journal } from '../journal.ts';
import type { Order } from '../../schemas/generated/unified/order.ts';
import type { ResultUpdate } from '../../schemas/generated/unified/result-update.ts';
import type { PartnerPackage } from '../../schemas/generated/unified/package-list-response.ts';
import type { FieldIssue, ProviderError } from '../../schemas/generated/unified/common.ts';
import type { MetaField } from '../../schemas/generated/unified/connector-meta.ts';
import type { AttachmentContentTypeValue, BackgroundCheckPackage, ResultValue } from '../../schemas/generated/unified/common.ts';

export type { Category, ProviderKey, Order, ResultUpdate, PartnerPackage, FieldIssue, MetaField };

/** A result update once read: result and attachment types resolved (result-rules.ts). */
export interface NormalisedResult extends Omit<ResultUpdate, 'result' | 'attachments'> {
  result?: { value: Exclude<ResultValue, 'unmapped_value'>; source_value?: unknown } | null;
  attachments?: { url: string; content_type?: { value: AttachmentContentTypeValue; source_value?: unknown } }[] | null;
}

/** What an ATS says of a (normalised) result before anything is sent. */
export interface ResultRuleVerdict {
  /** what the ATS is documented to refuse: the update is answered 400 */
  refusals: FieldIssue[];
  /** where the sandbox guesses what the ATS does: accepted, and said */
  warnings: FieldIssue[];
}

/** A background-check package created through the unified API, kept per linked account. */
export interface StoredPackage extends BackgroundCheckPackage {
  id: string;
  accountId: string;
}

/** A linked account as the bridge keeps it (the External Trigger Token is never served). */
export interface LinkedAccountRecord {
  id: string;
  provider: ProviderKey;
  label: string;
  status: 'active' | 'inactive' | 'suspended' | 'archived' | 'expired' | 'error';
  externalTriggerToken: string;
  originOwnerId: string;
  originOwnerName: string;
  createdAt: string;
  /** ATS-side facts the adapter needs (tenant id, company id, codename, credentials to the ATS API) */
  native: Record<string, string>;
}

/** Why a package list could not be had. Each ATS adapter words these its own way. */
export type PackageListFailure =
  | 'not-configured' // neither a list URL nor a static package id
  | 'invalid-url'
  | 'unreachable'
  | 'timeout'
  | 'http-status'
  | 'not-json'
  | 'wrong-shape'
  | 'empty';

export type PackageListOutcome =
  | { ok: true; source: 'list-url' | 'static-package-id'; packages: PartnerPackage[] }
  | { ok: false; reason: PackageListFailure; status?: number; issues?: FieldIssue[]; /** plain words for the journal and the partner */ explanation: string };

type OrderStatus = 'ordered' | 'result_delivered' | 'result_refused';

export interface ResultRecord {
  at: string;
  body: ResultUpdate;
  outcome: 'delivered' | 'refused';
  providerError?: ProviderError;
  /** what the bridge guessed while reading the update (harness/bridge/result-rules.ts) */
  warnings?: FieldIssue[];
}

/** An order as the bridge stores it: the unified order, plus what the ATS adapter needs to write results back. */
export interface StoredOrder {
  id: string;
  accountId: string;
  provider: ProviderKey;
  category: Category;
  status: OrderStatus;
  createdAt: string;
  updatedAt: string;
  order: Order;
  /** the adapter's own references (e.g. Greenhouse's take_home_test URL, Teamtailor's partner-result id) */
  native: Record<string, unknown>;
  /** the latest result updates, at most RESULT_HISTORY (harness/bridge/order-book.ts) */
  results: ResultRecord[];
  /** every result update this order has had, by outcome */
  resultCounts?: { delivered: number; refused: number };
  /** trace id of the recruiter action that placed the order */
  traceId?: string;
}

export interface PlaceOrderInput {
  account: LinkedAccountRecord;
  category: Category;
  /** the unified order; id and results_update_url are filled in by the bridge */
  order: Order;
  native?: Record<string, unknown>;
  traceId?: string;
}

/** What the bridge offers an adapter. */
export interface BridgeApi {
  readonly config: ResolvedConfig;
  readonly http: HttpClient;
  readonly journal: Journal;
  /** the bridge's own base URL */
  url(): string;
  /** the ATS API base URL for a provider (its emulator unless configured) */
  providerUrl(provider: ProviderKey): string;
  /** the account whose External Trigger Token this is, for that provider; undefined if none */
  accountByToken(provider: ProviderKey, token: string | undefined): LinkedAccountRecord | undefined;
  accountById(id: string): LinkedAccountRecord | undefined;
  /** asks the partner for its packages (or uses the static package id) */
  listPackages(account: LinkedAccountRecord, category: Category, opts?: { jobId?: string; traceId?: string }): Promise<PackageListOutcome>;
  /** stores an order and sends the order webhook; resolves once stored (delivery goes on in the background) */
  placeOrder(input: PlaceOrderInput): Promise<StoredOrder>;
  /** the order with this id, if any */
  orderById(id: string): StoredOrder | undefined;
  /** the orders of an account whose native reference `key` has this value (indexed: no scan) */
  ordersByNative(accountId: string, key: string, value: string | number): StoredOrder[];
  /** scans every order: prefer orderById or ordersByNative */
  findOrder(predicate: (o: StoredOrder) => boolean): StoredOrder | undefined;
  updateOrderNative(orderId: string, native: Record<string, unknown>): Promise<void>;
}

export interface ResultDeliveryInput {
  bridge: BridgeApi;
  account: LinkedAccountRecord;
  order: StoredOrder;
  /** the update as read by the result rules (StackOne's own values only) */
  result: NormalisedResult;
  traceId: string;
}

export type ResultDeliveryOutcome =
  | { ok: true }
  | {
      ok: false;
      /** status the bridge answers the partner with: 409 duplicate, 400/422 refused payload, 502 ATS down */
      status: number;
      errorCode: 'DuplicateResultUpdateError' | 'ProviderRefusedError' | 'ProviderUnavailableError';
      message: string;
      providerError: ProviderError;
      issues?: FieldIssue[];
    };

export interface ProviderAdapter {
  readonly key: ProviderKey;
  /** as the ATS calls itself: "Greenhouse" */
  readonly name: string;
  /** whether the package-list call carries the job id for this ATS */
  readonly sendsJobId: boolean;
  /** the fields of the unified result this ATS's mapper uses; connector meta lists exactly these */
  readonly resultFields: MetaField[];
  /** routes mounted under /external-trigger/<key> */
  externalTrigger(bridge: BridgeApi): Router;
  /**
   * The ATS's rules for a result before it is sent: refusals where StackOne or the ATS documents
   * them (SmartRecruiters needs score min and max), warnings where the sandbox guesses.
   */
  checkResult?(result: NormalisedResult): ResultRuleVerdict;
  /** the ATS takes one result per test and refuses a second (Greenhouse): the words of that refusal */
  singleResult?(orderId: string): string;
  /** writes a result to the ATS in its native protocol */
  deliverResult(input: ResultDeliveryInput): Promise<ResultDeliveryOutcome>;
}
