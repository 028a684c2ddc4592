/** Every ATS the bridge knows. Adding an ATS: one folder here and one in mocks/, plus its schemas. */
import type { ProviderAdapter } from '../glossary.ts';
import { teamtailorProvider } from './teamtailor/index.ts';
import { recruiteeProvider } from './recruitee/index.ts';
import { greenhouseProvider } from './greenhouse/index.ts';
import { smartrecruitersProvider } from './smartrecruiters/index.ts';

export const PROVIDER_ADAPTERS: ProviderAdapter[] = [teamtailorProvider, recruiteeProvider, greenhouseProvider, smartrecruitersProvider];
