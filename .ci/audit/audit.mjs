// The GraphQL-over-HTTP server audits of the graphql-http package against a running Casebridge.
// Usage: node audit.mjs <graphql url> <bearer token>. Exits 1 when a MUST audit fails.
import { serverAudits } from 'graphql-http';

const [url, token] = process.argv.slice(2);
const fetchFn = (input, init = {}) => {
  const headers = new Headers(init.headers);
  headers.set('Authorization', `Bearer ${token}`);
  return fetch(input, { ...init, headers });
};

const results = [];
for (const audit of serverAudits({ url, fetchFn })) {
  const result = await audit.fn();
  results.push({ name: audit.name, status: result.status, reason: result.reason ?? '' });
}
for (const { name, status, reason } of results) {
  console.log(`${status.padEnd(5)} ${name}${reason ? ` — ${reason}` : ''}`);
}
const failedMusts = results.filter((r) => r.name.startsWith('MUST') && r.status === 'error');
const count = (s, of = results) => of.filter((r) => r.status === s).length;
const shoulds = results.filter((r) => r.name.startsWith('SHOULD'));
console.log(`\n${results.length} audits: ${count('ok')} ok, ${count('warn')} warn, ${count('error')} error; MUST failures: ${failedMusts.length}`);
// CI shows this line; README "API conventions" names each SHOULD left warning and why
console.log(`SHOULD audits: ${shoulds.length}, ${count('ok', shoulds)} pass, ${count('warn', shoulds) + count('error', shoulds)} warn`);
process.exit(failedMusts.length ? 1 : 0);
