// The app shell: login, the pages each role has, the live socket. Pages live in memory only: the address bar
// stays /app/ and the history holds no page, so nothing of a survivor reaches the URL, the title or the history.
import { html, render, nothing } from 'lit';
import { OidcClient } from './oidc.js';
import { createApi, createAuthorizedFetch } from './graphql.js';
import { createClient } from './graphql-ws.js';
import { REFERRAL_EVENTS } from './operations.js';
import { t, setLanguage, language, LANGUAGES } from './i18n.js';
import { inboxPage } from './pages/inbox.js';
import { referralPage } from './pages/referral.js';
import { conferencesPage } from './pages/conferences.js';
import { casesPage } from './pages/cases.js';
import { casePage } from './pages/case.js';
import { referPage } from './pages/refer.js';
import { dashboardPage } from './pages/dashboard.js';

const root = document.getElementById('app');
root.replaceChildren(); // the static fallback of index.html; lit renders the shell from here on
const redirectUri = new URL('/app/', location.href).toString();

const NAV = [
  { page: inboxPage, key: 'nav.inbox', roles: ['provider', 'caseworker', 'supervisor'] },
  { page: conferencesPage, key: 'nav.conferences', roles: ['provider', 'caseworker', 'supervisor'] },
  { page: casesPage, key: 'nav.cases', roles: ['caseworker', 'supervisor'] },
  { page: dashboardPage, key: 'nav.dashboard', roles: ['state-lead'] },
];

export const app = {
  user: null,
  socket: 'off',
  current: null,
  events: new EventTarget(),
  has(role) { return this.user?.realm_access?.roles?.includes(role) ?? false; },
  // An element that had the focus and is gone after a render (a form closed, a button replaced) would drop the
  // focus to the body, and the next Tab would start over at the top of the page: the focus moves to the heading of
  // the section it was in, or to the page's heading (WCAG 2.4.3; KeyboardOnlyBrowserTest).
  update() {
    const had = document.activeElement;
    const section = had && had !== document.body && root.contains(had) ? had.closest('section[aria-labelledby]')?.getAttribute('aria-labelledby') : null;
    const inRoot = had && had !== document.body && root.contains(had);
    render(shell(), root);
    // (a button disabled while its request runs drops the focus too)
    if (inRoot && (!root.contains(had) || document.activeElement === document.body)) focusHeading(section && document.getElementById(section));
  },
  go(factory, params = {}) {
    this.current?.dispose?.();
    this.current = factory(this, params);
    Object.assign(this.current, { factory, params });
    document.title = t(this.current.title) + ' · ' + t('app.name');
    this.update();
    requestAnimationFrame(() => root.querySelector('h1')?.focus());
  },
  focusHeading,
};

/** Moves the focus to a heading (focusable by script only), or to the page's main heading. */
function focusHeading(heading) {
  const target = heading ?? root.querySelector('main h1');
  if (!target) return;
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus();
}

function shell() {
  if (!app.user) {
    return html`<main id="main" class="signin"><h1 tabindex="-1">${t('app.name')}</h1><p>${t('app.signingIn')}</p>
      ${app.loginError ? html`<p role="alert" class="error">${t('app.loginFailed')}</p>
        <button type="button" @click=${() => oidc.login()}>${t('app.signIn')}</button>` : nothing}</main>`;
  }
  const nav = NAV.filter(item => item.roles.some(role => app.has(role)));
  return html`
    <a class="skip" href="#main" @click=${e => { e.preventDefault(); root.querySelector('h1')?.focus(); }}>${t('app.skip')}</a>
    <header>
      <span class="brand">${t('app.name')}</span>
      <nav aria-label=${t('nav.label')}>
        ${nav.map(item => html`<button type="button" aria-current=${app.current?.factory === item.page ? 'page' : 'false'}
          @click=${() => app.go(item.page)}>${t(item.key)}</button>`)}
      </nav>
      <span class="user">${app.user.preferred_username}${app.user.agency ? ' · ' + app.user.agency : ''}</span>
      ${app.socket === 'off' ? nothing : html`<span class="live live-${app.socket}" role="status">${t('live.' + app.socket)}</span>`}
      <label class="language">${t('app.language')}
        <select @change=${e => { setLanguage(e.target.value); app.go(app.current.factory, app.current.params); }}>
          ${Object.keys(LANGUAGES).map(code => html`<option value=${code} ?selected=${code === language()}>${t('languages.' + code)}</option>`)}
        </select></label>
      <button type="button" class="logout" @click=${logout}>${t('app.signOut')}</button>
    </header>
    <main id="main">${app.current?.view() ?? nothing}</main>`;
}

let oidc;
let socket;

async function logout() {
  socket?.dispose();
  app.current?.dispose?.();
  app.user = null;
  app.update();
  await oidc.logout();
}

function startLive() {
  if (!NAV.slice(0, 2).some(item => item.roles.some(role => app.has(role)))) return;
  socket = createClient({
    url: new URL('/graphql', location.href).toString().replace(/^http/, 'ws'),
    connectionParams: async () => ({ Authorization: 'Bearer ' + oidc.accessToken }),
    // events sent while the socket was down are lost: pages that follow them read again once it is up
    onStatus: status => {
      app.socket = status;
      app.update();
      if (status === 'up') app.events.dispatchEvent(new Event('resync'));
    },
  });
  socket.subscribe({ query: REFERRAL_EVENTS }, {
    next: ({ data }) => data?.referralEvents && app.events.dispatchEvent(new CustomEvent('referral', { detail: data.referralEvents })),
    error: () => { app.socket = 'down'; app.update(); },
  });
}

async function start() {
  setLanguage(language());
  const config = await fetch('/app/config.json').then(r => r.json());
  oidc = new OidcClient({ issuer: config.issuer, clientId: config.clientId, redirectUri });
  // one path to the API for GraphQL and the CSV downloads: a refused token is renewed, else the user signs in again
  let signingIn = false;
  const signInAgain = () => { if (!signingIn) { signingIn = true; oidc.login(); } };
  app.fetch = createAuthorizedFetch({ token: () => oidc.accessToken, renew: () => oidc.refresh(), onUnauthenticated: signInAgain });
  app.request = createApi({ endpoint: '/graphql', fetch: app.fetch, onUnauthenticated: signInAgain });
  app.config = config;
  app.update();
  try {
    if (!(await oidc.handleRedirect(location.href, url => history.replaceState(null, '', url)))) {
      await oidc.login();
      return;
    }
  } catch {
    app.loginError = true;
    app.update();
    return;
  }
  app.user = oidc.user;
  oidc.onChange = user => { if (!user) oidc.login(); else app.user = user; };
  startLive();
  app.go(NAV.find(item => item.roles.some(role => app.has(role)))?.page ?? noPage);
}

function noPage() {
  return { title: 'app.noAccessTitle', view: () => html`<h1 tabindex="-1">${t('app.noAccessTitle')}</h1><p>${t('app.noAccess')}</p>` };
}

export const pages = { inboxPage, referralPage, conferencesPage, casesPage, casePage, referPage, dashboardPage };
start();
