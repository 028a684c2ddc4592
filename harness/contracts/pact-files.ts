/**
 * Where pacts live. Consumer tests write contracts/pacts/ (deleted before every test run, so the
 * files are regenerated from scratch); `ats-sandbox contracts publish-dir` copies them to
 * contracts/published/, the copy that ships in the package and that `ats-sandbox verify` reads.
 */
import { copyFile, mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { assets, PACKAGE_ROOT } from '../assets.ts';

const PROJECT_ROOT = PACKAGE_ROOT;
export const PACTS_DIR = assets.pactsDir;
export const PUBLISHED_DIR = assets.publishedPactsDir;

/** The participants, as the pact files name them. */
export const PARTICIPANTS = {
  bridge: 'ats-sandbox-bridge',
  partner: 'partner',
} as const;

export const pactFileName = (consumer: string, provider: string): string => `${consumer}-${provider}.json`;

/** The bridge → partner pact: what `verify` checks a partner's service against. */
export const BRIDGE_PARTNER_PACT = pactFileName(PARTICIPANTS.bridge, PARTICIPANTS.partner);

/** Copies every pact in `from` to `to`; returns the file names copied. */
export async function publishPacts(from = PACTS_DIR, to = PUBLISHED_DIR): Promise<string[]> {
  let files: string[];
  try {
    files = (await readdir(from)).filter((f) => f.endsWith('.json')).sort();
  } catch {
    files = [];
  }
  if (files.length === 0) throw new Error(`no pact files in ${path.relative(process.cwd(), from) || from}: run the consumer tests first (npx vitest run --project contracts-consumer)`);
  await mkdir(to, { recursive: true });
  for (const f of files) await copyFile(path.join(from, f), path.join(to, f));
  return files;
}

/** A pact reduced to what a contract says (interactions in a stable order, no tool versions), to compare two copies. */
export async function pactContent(file: string): Promise<unknown> {
  const pact = JSON.parse(await readFile(file, 'utf8')) as { consumer: unknown; provider: unknown; interactions: { description: string; providerStates?: unknown }[] };
  const interactions = [...pact.interactions].sort((a, b) => `${a.description}${JSON.stringify(a.providerStates)}`.localeCompare(`${b.description}${JSON.stringify(b.providerStates)}`));
  return { consumer: pact.consumer, provider: pact.provider, interactions };
}
