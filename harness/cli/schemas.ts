/** `ats-sandbox schemas generate|check|import-openapi FILE` (also `npm run schemas:generate|check`). */
import { readFile } from 'node:fs/promises';
import { checkTypes, writeTypes } from '../schemas/generate.ts';
import { checkOpenApi, writeOpenApi } from '../schemas/openapi-document.ts';
import { importOpenApi, renderImportReport } from '../schemas/import-openapi.ts';
import { syncReadme } from '../behaviours.ts';

export async function schemasCommand(action: string | undefined, args: string[] = []): Promise<number> {
  if (action === 'generate') {
    const written = await writeTypes();
    await writeOpenApi();
    await syncReadme('write');
    console.log(`wrote ${written.length} files and openapi.json to schemas/generated/, and the README's behaviours table`);
    return 0;
  }
  if (action === 'check') {
    const drift = [...(await checkTypes()), ...(await checkOpenApi()), ...(await syncReadme('check'))];
    if (drift.length === 0) {
      console.log('schemas/generated/ matches schemas/');
      return 0;
    }
    console.error(`schemas/generated/ has drifted from schemas/ (run \`npm run schemas:generate\`):\n  ${drift.join('\n  ')}`);
    return 1;
  }
  if (action === 'import-openapi') {
    const file = args.find((a) => !a.startsWith('-'));
    if (!file) {
      console.error('usage: ats-sandbox schemas import-openapi FILE [--dry-run]   (a StackOne OpenAPI document, JSON)');
      return 2;
    }
    const doc = JSON.parse(await readFile(file, 'utf8')) as unknown;
    const report = await importOpenApi(doc, { dryRun: args.includes('--dry-run') });
    console.log(renderImportReport(report));
    if (!report.dryRun && report.changed.length) console.log('\nnow run `ats-sandbox schemas generate` to refresh the types and openapi.json');
    return report.errors.length ? 1 : 0;
  }
  console.error('usage: ats-sandbox schemas generate|check|import-openapi FILE');
  return 2;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  schemasCommand(process.argv[2], process.argv.slice(3)).then((code) => process.exit(code));
}
