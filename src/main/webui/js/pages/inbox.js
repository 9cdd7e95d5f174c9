// A partner agency's inbox: referrals received, filtered, paged over the connection, refreshed live by referralEvents.
import { html, nothing } from 'lit';
import { t, label, formatDateTime } from '../i18n.js';
import { failure } from '../graphql.js';
import { REFERRALS_RECEIVED } from '../operations.js';
import { errorView, enumSelect, pager, newPaging, ENUMS } from '../ui.js';
import { referralPage } from './referral.js';

const PAGE_SIZE = 10;

export function inboxPage(app) {
  const s = { filter: { status: null, serviceType: null, urgency: null }, paging: newPaging(), connection: null, error: null, loading: true, notice: '' };

  let latest = 0;
  async function load() {
    s.loading = true;
    app.update();
    const filter = Object.fromEntries(Object.entries(s.filter).filter(([, v]) => v));
    // a filter changed twice quickly: only the last request's answer is shown, whichever arrives last
    const request = ++latest;
    try {
      const { data, errors } = await app.request(REFERRALS_RECEIVED, { first: PAGE_SIZE, after: s.paging.after, filter });
      if (request !== latest) return;
      s.error = failure(errors);
      s.connection = data?.referralsReceived ?? null;
    } catch (e) {
      if (request !== latest) return;
      s.error = e;
    }
    s.loading = false;
    app.update();
  }

  const onEvent = ({ detail }) => {
    if (detail.toAgencyCode && detail.toAgencyCode !== app.user.agency) return;
    s.notice = t('inbox.updated', { status: label('ReferralStatus', detail.status) });
    load();
  };
  app.events.addEventListener('referral', onEvent);
  app.events.addEventListener('resync', load);
  load();

  const setFilter = (name, value) => { s.filter[name] = value; s.paging = newPaging(); load(); };

  return {
    title: 'inbox.title',
    dispose: () => { app.events.removeEventListener('referral', onEvent); app.events.removeEventListener('resync', load); },
    view: () => html`
      <h1 tabindex="-1">${t('inbox.title')}</h1>
      <form class="filters" @submit=${e => e.preventDefault()}>
        <label for="f-status">${t('inbox.status')}</label>
        ${enumSelect('f-status', 'ReferralStatus', ENUMS.ReferralStatus, s.filter.status, v => setFilter('status', v))}
        <label for="f-service">${t('inbox.serviceType')}</label>
        ${enumSelect('f-service', 'ServiceType', ENUMS.ServiceType, s.filter.serviceType, v => setFilter('serviceType', v))}
        <label for="f-urgency">${t('inbox.urgency')}</label>
        ${enumSelect('f-urgency', 'Urgency', ENUMS.Urgency, s.filter.urgency, v => setFilter('urgency', v))}
      </form>
      <p class="notice" role="status" aria-live="polite">${s.notice}</p>
      ${errorView(s.error, load)}
      ${s.connection ? html`
        <table class="inbox" aria-busy=${s.loading ? 'true' : 'false'}>
          <caption>${t('inbox.caption', { count: s.connection.totalCount })}</caption>
          <thead><tr><th scope="col">${t('inbox.service')}</th><th scope="col">${t('inbox.from')}</th>
            <th scope="col">${t('inbox.urgency')}</th><th scope="col">${t('inbox.status')}</th><th scope="col">${t('inbox.due')}</th></tr></thead>
          <tbody>${s.connection.edges.map(({ node }) => html`
            <tr data-referral=${node.id}>
              <th scope="row"><button type="button" class="link" @click=${() => app.go(referralPage, { id: node.id })}>${node.service.name}</button>
                <span class="muted">${label('ServiceType', node.service.type)}</span></th>
              <td data-label=${t('inbox.from')}>${node.fromAgency.name}</td>
              <td data-label=${t('inbox.urgency')}><span class="badge urgency-${node.urgency}">${label('Urgency', node.urgency)}</span></td>
              <td class="status" data-label=${t('inbox.status')}><span class="badge status-${node.status}">${label('ReferralStatus', node.status)}</span></td>
              <td data-label=${t('inbox.due')}>${node.status === 'REQUESTED' ? formatDateTime(node.responseDueAt) : nothing}</td>
            </tr>`)}
          </tbody>
        </table>
        ${s.connection.edges.length ? nothing : html`<p>${t('inbox.empty')}</p>`}
        ${pager(s.paging, s.connection, load)}` : html`<p>${t('common.loading')}</p>`}`,
  };
}
