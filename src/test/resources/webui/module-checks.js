// Runs in Chromium on the app's origin (WebAppBrowserTest.theOwnModulesSpeakTheirProtocols): the app's own OIDC/PKCE
// and graphql-transport-ws modules against fakes of the identity provider and of the socket, and the one authorized
// fetch of graphql.js against a fake API. Answers the failures.
const done = arguments[arguments.length - 1];
const tick = ms => new Promise(resolve => setTimeout(resolve, ms));
(async () => {
  const failures = [];
  const check = (ok, what) => { if (!ok) failures.push(what); };

  const oidc = await import('/app/js/oidc.js');
  check(await oidc.pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk') === 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    'the S256 challenge of RFC 7636 appendix B');
  const stored = new Map();
  const storage = { getItem: k => stored.get(k) ?? null, setItem: (k, v) => stored.set(k, v), removeItem: k => stored.delete(k) };
  const tokenRequests = [];
  const fetchImpl = async (url, init) => {
    if (url.endsWith('/.well-known/openid-configuration')) {
      return new Response(JSON.stringify({ authorization_endpoint: 'https://id.test/auth', token_endpoint: 'https://id.test/token', end_session_endpoint: 'https://id.test/logout' }));
    }
    tokenRequests.push(new URLSearchParams(String(init.body)));
    return new Response(JSON.stringify({ access_token: 'h.' + btoa(JSON.stringify({ preferred_username: 'someone' })) + '.s', id_token: 'id', refresh_token: 'r', expires_in: 300 }));
  };
  let assigned = null;
  const client = new oidc.OidcClient({ issuer: 'https://id.test', clientId: 'web', redirectUri: 'https://app.test/app/', fetchImpl, storage, location: { assign: url => { assigned = url; } } });
  await client.login();
  const authorize = new URL(assigned);
  const pending = JSON.parse(stored.get('casebridge.oidc.pending'));
  check(authorize.searchParams.get('code_challenge_method') === 'S256', 'asks for S256');
  check(authorize.searchParams.get('code_challenge') === await oidc.pkceChallenge(pending.verifier), 'sends the challenge of its verifier, not the verifier');
  check(!assigned.includes(pending.verifier), 'the verifier never leaves the browser before the token request');
  let replaced = null;
  let refused = false;
  try {
    await client.handleRedirect('https://app.test/app/?code=stolen&state=forged', url => { replaced = url; });
  } catch {
    refused = true;
  }
  check(refused && tokenRequests.length === 0 && client.accessToken === null, 'a forged state is refused without a token request');
  check(replaced === 'https://app.test/app/' && !stored.has('casebridge.oidc.pending'), 'the code leaves the address bar and the verifier is dropped');
  await client.login();
  const second = JSON.parse(stored.get('casebridge.oidc.pending'));
  check(await client.handleRedirect('https://app.test/app/?code=good&state=' + second.state, url => { replaced = url; }), 'a proper redirect is handled');
  const form = tokenRequests[0];
  check(form?.get('grant_type') === 'authorization_code' && form.get('code') === 'good' && form.get('code_verifier') === second.verifier
    && form.get('client_id') === 'web' && form.get('redirect_uri') === 'https://app.test/app/', 'the token request carries code, verifier, client and redirect');
  check(client.user?.preferred_username === 'someone' && !stored.size, 'the token is held in memory, nothing stored');
  await client.refresh();
  check(tokenRequests[1]?.get('grant_type') === 'refresh_token' && tokenRequests[1].get('refresh_token') === 'r', 'renews with the refresh token');
  await client.logout();
  const logout = new URL(assigned);
  check(client.accessToken === null && logout.origin + logout.pathname === 'https://id.test/logout'
    && logout.searchParams.get('id_token_hint') === 'id' && logout.searchParams.get('post_logout_redirect_uri') === 'https://app.test/app/', 'logout forgets the tokens and ends the session');

  const ws = await import('/app/js/graphql-ws.js');
  const sockets = [];
  class FakeSocket {
    constructor(url, protocol) { Object.assign(this, { url, protocol, sent: [] }); sockets.push(this); setTimeout(() => this.onopen?.(), 0); }
    send(message) { this.sent.push(JSON.parse(message)); }
    close() { this.onclose?.({ code: 1000 }); }
    receive(message) { this.onmessage({ data: JSON.stringify(message) }); }
  }
  const statuses = [];
  const received = [];
  const live = ws.createClient({ url: 'ws://api.test/graphql', WebSocketImpl: FakeSocket, retryMillis: 10, onStatus: s => statuses.push(s),
    connectionParams: async () => ({ Authorization: 'Bearer token-' + sockets.length }) });
  live.subscribe({ query: 'subscription { referralEvents { referralId } }' }, { next: payload => received.push(payload), error: () => {} });
  await tick(20);
  const first = sockets[0];
  check(first?.protocol === 'graphql-transport-ws', 'speaks the graphql-transport-ws subprotocol');
  check(first?.sent[0]?.type === 'connection_init' && first.sent[0].payload.Authorization === 'Bearer token-0', 'sends the token in connection_init');
  check(first?.sent.length === 1, 'subscribes nothing before connection_ack');
  first.receive({ type: 'connection_ack' });
  const subscribe = first.sent[1];
  check(subscribe?.type === 'subscribe' && subscribe.payload.query.startsWith('subscription'), 'subscribes after connection_ack');
  first.receive({ id: subscribe.id, type: 'next', payload: { data: { referralEvents: { referralId: 'R1' } } } });
  first.receive({ id: 'someone-else', type: 'next', payload: { data: { referralEvents: { referralId: 'R2' } } } });
  check(received.length === 1 && received[0].data.referralEvents.referralId === 'R1', 'delivers next of its own operation only');
  first.receive({ type: 'ping' });
  check(first.sent[2]?.type === 'pong', 'answers ping with pong');
  first.onclose({ code: 1006 });
  check(statuses.at(-1) === 'down', 'reports the socket down');
  await tick(60);
  const again = sockets[1];
  check(again?.sent[0]?.payload.Authorization === 'Bearer token-1', 'reconnects with a fresh token');
  again?.receive({ type: 'connection_ack' });
  check(again?.sent[1]?.type === 'subscribe' && statuses.at(-1) === 'up', 'subscribes again and reports up');
  live.dispose();
  check(sockets.length === 2, 'a disposed client does not reconnect');

  // graphql.js: every request of the app (GraphQL and the CSV files) goes through one fetch that renews a refused token
  const api = await import('/app/js/graphql.js');
  const path = (accepted, { renewFails = false } = {}) => {
    const state = { token: 'old', renewals: 0, signIns: 0, sent: [] };
    state.fetch = api.createAuthorizedFetch({
      token: () => state.token,
      renew: async () => { state.renewals++; await tick(5); if (renewFails) throw new Error('session over'); state.token = 'new-' + state.renewals; },
      onUnauthenticated: () => { state.signIns++; },
      fetchImpl: async (url, init) => { state.sent.push(init.headers.Authorization); return new Response('{}', { status: accepted(init.headers.Authorization) ? 200 : 401 }); },
    });
    return state;
  };
  const fresh = path(auth => auth !== 'Bearer old');
  const csv = await fresh.fetch('/aggregates/needs.csv?period=2026-01', { headers: { Accept: 'text/csv' } });
  check(csv.status === 200 && fresh.renewals === 1 && fresh.signIns === 0 && fresh.sent.join() === 'Bearer old,Bearer new-1',
    'a refused token is renewed and the request sent again with the new one: ' + fresh.sent);
  const together = path(auth => auth !== 'Bearer old');
  const answers = await Promise.all([together.fetch('/graphql'), together.fetch('/graphql'), together.fetch('/aggregates/needs.csv')]);
  check(answers.every(r => r.status === 200) && together.renewals === 1, 'requests refused together renew once: ' + together.renewals);
  const ended = path(() => false, { renewFails: true });
  const endedAnswer = await ended.fetch('/aggregates/needs.csv');
  check(endedAnswer.status === 401 && ended.renewals === 1 && ended.signIns === 1 && ended.sent.length === 1, 'when renewal fails the user signs in again');
  const stillRefused = path(() => false);
  await stillRefused.fetch('/graphql');
  check(stillRefused.renewals === 1 && stillRefused.signIns === 1 && stillRefused.sent.length === 2, 'a renewed token refused too: sign in again');
  const fine = path(() => true);
  await fine.fetch('/graphql');
  check(fine.renewals === 0 && fine.signIns === 0 && fine.sent.join() === 'Bearer old', 'an accepted token is not renewed');
  const request = api.createApi({ endpoint: '/graphql', fetch: fresh.fetch });
  check((await request('{ __typename }')).errors.length === 0, 'GraphQL requests use the same path');
  return failures;
})().then(done, e => done(['threw: ' + e]));
