/** The names every part of the sandbox shares (kept apart from config.ts so the CLI's help loads nothing else). */
export { PROVIDERS, SERVICES, type ProviderKey, type ServiceName } from './ats/registry.ts';
export const CATEGORIES = ['assessment', 'background_check'] as const;
export type Category = (typeof CATEGORIES)[number];
