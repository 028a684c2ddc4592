#!/usr/bin/env node
// `npm run start:split`: the same services as `npm start`, one process each, through concurrently.
// Extra arguments go to every process (e.g. --config FILE).
import concurrently from 'concurrently';

const services = ['bridge', 'teamtailor', 'recruitee', 'greenhouse', 'smartrecruiters', 'partner', 'controlPlane'];
const extra = process.argv.slice(2).map((a) => JSON.stringify(a)).join(' ');
const { result } = concurrently(
  services.map((s) => ({ name: s, command: `node bin/ats-sandbox.mjs up --only ${s} ${extra}`.trim() })),
  { killOthers: ['failure'], prefix: 'name', padPrefix: true },
);
result.then(
  () => process.exit(0),
  () => process.exit(1),
);
