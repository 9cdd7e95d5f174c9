// OpenID Connect authorization code flow with PKCE (RFC 7636) for a public client, tokens in memory only.
// Only the one-time PKCE verifier and state survive the redirect to the login page, in sessionStorage, and are
// removed as soon as the code is exchanged. A page reload loses the tokens; login() then comes back at once
// through the identity provider's session, without asking for the password again.

const PENDING = 'casebridge.oidc.pending';

export function base64Url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function randomString(byteCount = 32) {
  return base64Url(crypto.getRandomValues(new Uint8Array(byteCount)));
}

export async function pkceChallenge(verifier) {
  return base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
}

export function claims(jwt) {
  const payload = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const json = decodeURIComponent([...atob(payload)].map(c => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join(''));
  return JSON.parse(json);
}

export class OidcClient {
  #tokens = null;
  #refreshTimer = null;

  constructor({ issuer, clientId, redirectUri, fetchImpl = fetch.bind(globalThis), storage = sessionStorage, location = window.location }) {
    Object.assign(this, { issuer, clientId, redirectUri, fetchImpl, storage, location });
    this.onChange = () => {};
  }

  async metadata() {
    this.endpoints ??= await this.fetchImpl(this.issuer + '/.well-known/openid-configuration').then(r => {
      if (!r.ok) throw new Error('discovery failed: ' + r.status);
      return r.json();
    });
    return this.endpoints;
  }

  get accessToken() { return this.#tokens?.access_token ?? null; }
  get user() { return this.#tokens ? claims(this.#tokens.access_token) : null; }

  async login() {
    const { authorization_endpoint } = await this.metadata();
    const verifier = randomString(48);
    const state = randomString(16);
    this.storage.setItem(PENDING, JSON.stringify({ verifier, state }));
    const url = new URL(authorization_endpoint);
    url.search = new URLSearchParams({
      response_type: 'code', client_id: this.clientId, redirect_uri: this.redirectUri, scope: 'openid',
      state, code_challenge: await pkceChallenge(verifier), code_challenge_method: 'S256',
    });
    this.location.assign(url.toString());
  }

  /** Finishes a login when the page is the redirect back from the login page; returns whether it was. */
  async handleRedirect(currentUrl, replaceUrl) {
    const params = new URL(currentUrl).searchParams;
    const pending = JSON.parse(this.storage.getItem(PENDING) ?? 'null');
    if (!params.has('code') && !params.has('error')) return false;
    this.storage.removeItem(PENDING);
    replaceUrl(this.redirectUri); // the code leaves the address bar and the history entry
    if (params.has('error')) throw new Error(params.get('error'));
    if (!pending || pending.state !== params.get('state')) throw new Error('state mismatch');
    await this.#token({ grant_type: 'authorization_code', code: params.get('code'), redirect_uri: this.redirectUri, code_verifier: pending.verifier });
    return true;
  }

  async refresh() {
    if (!this.#tokens?.refresh_token) throw new Error('no session');
    await this.#token({ grant_type: 'refresh_token', refresh_token: this.#tokens.refresh_token });
  }

  async #token(form) {
    const { token_endpoint } = await this.metadata();
    const response = await this.fetchImpl(token_endpoint, {
      method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...form, client_id: this.clientId }),
    });
    if (!response.ok) { this.#clear(); throw new Error('token request failed: ' + response.status); }
    this.#tokens = await response.json();
    this.#scheduleRefresh();
    this.onChange(this.user);
  }

  // Renews a little before the access token ends; when renewal fails the session is over and the app logs in again.
  #scheduleRefresh() {
    clearTimeout(this.#refreshTimer);
    const lifetime = (this.#tokens.expires_in ?? 300) * 1000;
    this.#refreshTimer = setTimeout(() => this.refresh().catch(() => this.onChange(null)), Math.max(5000, lifetime - 30000));
  }

  #clear() {
    clearTimeout(this.#refreshTimer);
    this.#tokens = null;
  }

  async logout() {
    const idToken = this.#tokens?.id_token;
    this.#clear();
    this.storage.removeItem(PENDING);
    const { end_session_endpoint } = await this.metadata();
    const url = new URL(end_session_endpoint);
    url.search = new URLSearchParams({ client_id: this.clientId, post_logout_redirect_uri: this.redirectUri, ...(idToken ? { id_token_hint: idToken } : {}) });
    this.location.assign(url.toString());
  }
}
