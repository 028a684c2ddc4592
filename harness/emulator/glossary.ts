/**
 * The emulator's public interfaces. One engine (createEmulator, in base.ts) owns the lifecycle:
 * state, journal, error rendering, the recruiter's actions and the candidate card; an ATS is one
 * EmulatorAdapter (mocks/<ats>/) that speaks its native protocol and words its own errors.
 */
import type { Router } from 'express';
import type { ApiError } from '../errors.ts';
import type { Category, ProviderKey } from '../config.ts';
import type { HttpClient } from '../http/client.ts';
import type { Journal } from '../journal.ts';
import type { Store } from '../store/store.ts';
import type { World, WorldCandidate, WorldJob, WorldPerson } from './world.ts';
import type { CandidateCard, ResultCardView } from '../../schemas/generated/sandbox/candidate-card.ts';
import type { DemoAccount } from '../demo.ts';

export type { CandidateCard, ResultCardView, Category,  };

export interface EmulatorContext {
  readonly key: ProviderKey;
  readonly store: Store;
  readonly journal: Journal;
  /** journaled outbound calls from this ATS */
  readonly http: HttpClient;
  readonly world: World;
  /** the linked account this ATS tenant has with the bridge (its External Trigger Token, ids, partner credentials) */
  readonly account: DemoAccount;
  /** base URL of the bridge's /external-trigger/<ats> (the "partner base URL" configured in the ATS) */
  triggerUrl(): string;
  /** this emulator's own base URL */
  selfUrl(): string;
  /** the token this ATS sends to the bridge; tests and scenarios may set a wrong one */
  triggerToken(): string;
  /** settings over HTTP may point beyond loopback (remote-targets.ts) */
  readonly allowRemoteTargets?: boolean;
  /** this emulator's settings from sandbox.config.json (`emulators.<ats>`), applied on start and after a reset */
  readonly configured?: Record<string, unknown>;
}

export interface PackageChoice {
  id: string;
  name: string;
}

export interface RecruiterInput {
  category: Category;
  candidate: WorldCandidate;
  job: WorldJob;
  recruiter: WorldPerson;
  traceId: string;
}

/** What the recruiter saw when opening the send-test form. */
export type PackageListView = { ok: true; packages: PackageChoice[] } | { ok: false; recruiterSees: string };

/** What the recruiter saw after pressing Send. */
export type SendTestView = { ok: true; nativeId: string; orderId?: string; recruiterSees: string } | { ok: false; nativeId?: string; recruiterSees: string };

/** How an ATS shows a test or order left unanswered too long (harness/emulator/expiry.ts). */
export interface CardExpiry {
  /** the live expireAfterDays setting; null or absent: never */
  afterDays?: number | null;
  /** the card's status once expired, in this ATS's words */
  status: ResultCardView['status'];
  /** when the card started waiting (default: its updatedAt) */
  since?(card: ResultCardView): string | undefined;
}

export interface EmulatorAdapter {
  readonly key: ProviderKey;
  /** "Greenhouse" */
  readonly name: string;
  /** what this emulator emulates and how sure it is (the README's behaviours table, harness/behaviours.ts) */
  readonly behaviours?: BehaviourGroup;
  /** the rows of this ATS's troubleshooting table in StackOne's guide (harness/scenarios/troubleshooting-rows.ts) */
  readonly troubleshooting?: TroubleshootingRow[];
  /** extra JSON media types the native API takes (e.g. application/vnd.api+json) */
  readonly jsonTypes?: string[];
  /** an error in this ATS's own shape and wording */
  renderError(err: ApiError, req?: { path: string }): { status?: number; body: unknown; contentType?: string };
  /** the ATS's native API that the bridge's result mapper calls */
  routes(ctx: EmulatorContext): Router;
  /** recruiter opens the send-test form: ask the bridge for packages in the native protocol */
  listPackages(ctx: EmulatorContext, input: RecruiterInput): Promise<PackageListView>;
  /** recruiter presses Send: create the native record and notify the bridge in the native protocol */
  sendTest(ctx: EmulatorContext, input: RecruiterInput & { pkg: PackageChoice }): Promise<SendTestView>;
  /** every test or check sent to this candidate, as this ATS renders it */
  resultCards(ctx: EmulatorContext, candidate: WorldCandidate): Promise<ResultCardView[]> | ResultCardView[];
  /** expiry of a test or order left unanswered: the live expireAfterDays setting and how this ATS shows it */
  expiry?(ctx: EmulatorContext): Promise<CardExpiry> | CardExpiry;
  /** native id of a candidate as this ATS shows it */
  candidateNativeId?(candidate: WorldCandidate): string;
  /** called once when the emulator starts and after a reset */
  init?(ctx: EmulatorContext): Promise<void> | void;
}

/** How sure the sandbox is of a behaviour: C confirmed by the docs, T stated by a third party, I inferred. */
export type BehaviourStatus = 'C' | 'T' | 'I';

interface Behaviour {
  /** what is emulated, in a few words */
  what: string;
  status: BehaviourStatus;
  /** the sandbox.config.json path that changes it (dotted), with the default in `fallback` */
  setting?: string;
  /** the default value, as shown in the table */
  fallback?: string;
  /** an inferred choice no partner can observe (between the sandbox's own parts) */
  internal?: string;
  /** inferred wording only (the ATS documents no text) */
  wording?: boolean;
}

export interface BehaviourGroup {
  title: string;
  behaviours: Behaviour[];
}

/** A row of an ATS's troubleshooting table in StackOne's guide. */
export interface TroubleshootingRow {
  symptom: string;
  /** set when no API call can cause the row: why */
  screenOnly?: string;
}

/** Why a marketplace row has no scenario. */
export const MARKETPLACE = 'the listing is published and approved by the ATS\'s partnership team; no API call of the integration is involved';
