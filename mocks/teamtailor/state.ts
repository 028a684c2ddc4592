/**
 * TeamtailorState: the company's partner-results (the store) and, per emulator instance, the
 * activations, the forms recruiters opened and the [I] settings.
 */
import type { Category, EmulatorContext } from '../../harness/emulator/glossary.ts';
import type { Collection } from '../../harness/store/store.ts';
import type { TeamtailorPartnerResultData } from '../../schemas/generated/teamtailor/common.ts';
import { DEFAULT_SETTINGS, type TeamtailorSettings } from './settings.ts';
import { clock } from '../../harness/clock.ts';

export type PartnerResultAttributes = TeamtailorPartnerResultData['attributes'];

export interface PartnerResultRecord {
  id: string;
  partner: Category;
  /** sandbox candidate id (cand_ada) */
  candidateId: string;
  attributes: PartnerResultAttributes;
  packageId?: string;
  packageName?: string;
  /** the bridge's order id (x-sandbox-order-id on the webhook answer) */
  orderId?: string;
  eventId?: string;
  /** text the partner answered a failed webhook with, shown on the card */
  error?: string;
  createdAt: string;
  updatedAt: string;
}

export interface Activation {
  active: boolean;
  at: string;
  /** 'seeded' when the demo company was set up already activated */
  via: 'seeded' | 'activation-form';
  recruiterSees: string;
}

interface InstanceState {
  settings: TeamtailorSettings;
  activations: Partial<Record<Category, Activation>>;
  /** traceId of an opened form → id of the field that carries the package */
  forms: Map<string, string>;
}

const instances = new WeakMap<EmulatorContext, InstanceState>();

export function resetInstance(ctx: EmulatorContext): InstanceState {
  const now = clock.iso();
  const s: InstanceState = {
    settings: { ...DEFAULT_SETTINGS },
    activations: {
      assessment: { active: true, at: now, via: 'seeded', recruiterSees: 'Activated' },
      background_check: { active: true, at: now, via: 'seeded', recruiterSees: 'Activated' },
    },
    forms: new Map(),
  };
  instances.set(ctx, s);
  return s;
}

export const instance = (ctx: EmulatorContext): InstanceState => instances.get(ctx) ?? resetInstance(ctx);

export const partnerResults = async (ctx: EmulatorContext): Promise<Collection<PartnerResultRecord>> => (await ctx.store.collection<PartnerResultRecord>('partner-results', 16)).index('candidate', (r) => r.candidateId);
