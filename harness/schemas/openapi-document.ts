/**
 * schemas/generated/openapi.json: the bridge's OpenAPI document (harness/bridge/openapi.ts), written by
 * `ats-sandbox schemas generate` and checked for drift by `schemas check`, so a change to a unified
 * schema shows up in the published API description in the same commit.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildOpenApi } from '../bridge/openapi.ts';
import { GENERATED_DIR } from './generate.ts';

export const OPENAPI_FILE = path.join(GENERATED_DIR, 'openapi.json');
/** the server URL written into the file: the bridge's default address */
const OPENAPI_SERVER = 'http://127.0.0.1:4010';

const renderOpenApi = (): string => `${JSON.stringify(buildOpenApi(OPENAPI_SERVER), null, 2)}\n`;

/** Drift lines, like checkTypes(): empty when the file matches. */
export async function checkOpenApi(file = OPENAPI_FILE): Promise<string[]> {
  let have: string;
  try {
    have = await readFile(file, 'utf8');
  } catch {
    return ['schemas/generated/openapi.json is missing'];
  }
  return have === renderOpenApi() ? [] : ['schemas/generated/openapi.json differs from the bridge\'s OpenAPI document'];
}

export async function writeOpenApi(file = OPENAPI_FILE): Promise<void> {
  const text = renderOpenApi();
  const have = await readFile(file, 'utf8').catch(() => undefined);
  if (have !== text) await writeFile(file, text);
}
