/** `ats-sandbox schemas generate|check` (also `npm run schemas:generate|check`). */
import { checkTypes, writeTypes } from '../schemas/generate.ts';

export async function schemasCommand(action: string | undefined): Promise<number> {
  if (action === 'generate') {
    const written = await writeTypes();
    console.log(`wrote ${written.length} files to schemas/generated/`);
    return 0;
  }
  if (action === 'check') {
    const drift = await checkTypes();
    if (drift.length === 0) {
      console.log('schemas/generated/ matches schemas/');
      return 0;
    }
    console.error(`schemas/generated/ has drifted from schemas/ (run \`npm run schemas:generate\`):\n  ${drift.join('\n  ')}`);
    return 1;
  }
  console.error('usage: ats-sandbox schemas generate|check');
  return 2;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  schemasCommand(process.argv[2]).then((code) => process.exit(code));
}
