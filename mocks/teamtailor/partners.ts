/**
 * The partners this Teamtailor company has activated from the marketplace. A Teamtailor partner has
 * one marketplace category, so the vendor behind StackOne is two partners here, each with its own
 * Partner Base URL on the bridge (see harness/bridge/providers/teamtailor/external-trigger.ts):
 * assessments at .../external-trigger/teamtailor, background checks at .../external-trigger/teamtailor/background_check.
 * Both use the partner API key of the linked account [simplification: one key for the two partners].
 */
import type { Category, EmulatorContext } from '../../harness/emulator/glossary.ts';

export interface TeamtailorPartner {
  id: string;
  name: string;
  category: Category;
  /** marketplace category as Teamtailor words it */
  marketplaceCategory: 'Assessments' | 'Background Checks';
  webhookSecret: string;
  baseUrl(ctx: EmulatorContext): string;
}

/** StackOne's activation form, as its guide has partners paste it into Teamtailor. */
export const ACTIVATION_FORM = {
  config: {
    fields: [
      { type: 'infobox', content: "<a href='https://hub.stackone.com/integration-configuration-concepts/ats/teamtailor-assessment-or-background-check'>Click</a> here to learn how to use this integration", icon: 'info' },
      { id: 'externalTriggerToken', type: 'password', label: 'External Trigger Token', required: true, description: 'The token to be used to trigger the workflow externally' },
    ],
  },
  validateEndpoint: 'activation',
};

export const PARTNERS: Record<Category, TeamtailorPartner> = {
  assessment: {
    id: '7001',
    name: 'Sandbox Assessments',
    category: 'assessment',
    marketplaceCategory: 'Assessments',
    webhookSecret: 'tt_webhook_secret_assessments_demo',
    baseUrl: (ctx) => ctx.triggerUrl(),
  },
  background_check: {
    id: '7002',
    name: 'Sandbox Background Checks',
    category: 'background_check',
    marketplaceCategory: 'Background Checks',
    webhookSecret: 'tt_webhook_secret_background_checks_demo',
    baseUrl: (ctx) => `${ctx.triggerUrl()}/background_check`,
  },
};
