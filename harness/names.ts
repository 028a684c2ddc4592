/** The names every part of the sandbox shares (kept apart from config.ts so the CLI's help loads nothing else). */
export const PROVIDERS = ['teamtailor', 'recruitee', 'greenhouse', 'smartrecruiters'] as const;
export type ProviderKey = (typeof PROVIDERS)[number];
export const CATEGORIES = ['assessment', 'background_check'] as const;
export type Category = (typeof CATEGORIES)[number];
export const SERVICES = ['controlPlane', 'bridge', ...PROVIDERS, 'partner'] as const;
export type ServiceName = (typeof SERVICES)[number];
