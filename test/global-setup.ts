import { rm } from 'node:fs/promises';
import path from 'node:path';

/** Pact files merge across runs (deps.md pitfall 2): start every run from an empty pacts folder. */
export default async function setup(): Promise<void> {
  const dir = path.resolve('contracts/pacts');
  await rm(dir, { recursive: true, force: true });
}
