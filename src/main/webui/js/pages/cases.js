// A lead agency's cases: the caseworker's own by default, paged over the connection.
import { html, nothing } from 'lit';
import { t, label, formatDate } from '../i18n.js';
import { failure } from '../graphql.js';
import { CASES } from '../operations.js';
import { errorView, enumSelect, pager, newPaging, ENUMS } from '../ui.js';
import { casePage } from './case.js';

export function casesPage(app) {
  const s = { filter: { status: 'OPEN', assignedToMe: app.has('caseworker') }, paging: newPaging(), connection: null, error: null };

  async function load() {
    const filter = { assignedToMe: s.filter.assignedToMe, ...(s.filter.status ? { status: s.filter.status } : {}) };
    try {
      const { data, errors } = await app.request(CASES, { first: 20, after: s.paging.after, filter });
      s.connection = data?.cases ?? null;
      s.error = failure(errors);
    } catch (e) { s.error = e; }
    app.update();
  }
  load();
  const setFilter = (name, value) => { s.filter[name] = value; s.paging = newPaging(); load(); };

  return {
    title: 'cases.title',
    view: () => html`<h1 tabindex="-1">${t('cases.title')}</h1>
      <form class="filters" @submit=${e => e.preventDefault()}>
        <label for="c-status">${t('cases.status')}</label>
        ${enumSelect('c-status', 'CaseStatus', ENUMS.CaseStatus, s.filter.status, v => setFilter('status', v))}
        <label class="check"><input type="checkbox" .checked=${s.filter.assignedToMe}
          @change=${e => setFilter('assignedToMe', e.target.checked)}> ${t('cases.mine')}</label>
      </form>
      ${errorView(s.error)}
      ${s.connection ? html`<table>
          <caption>${t('cases.caption', { count: s.connection.totalCount })}</caption>
          <thead><tr><th scope="col">${t('cases.number')}</th><th scope="col">${t('cases.status')}</th>
            <th scope="col">${t('cases.caseworker')}</th><th scope="col">${t('cases.opened')}</th><th scope="col">${t('cases.lastContact')}</th></tr></thead>
          <tbody>${s.connection.edges.map(({ node }) => html`<tr>
            <th scope="row"><button type="button" class="link" @click=${() => app.go(casePage, { id: node.id })}>${node.caseNumber}</button></th>
            <td data-label=${t('cases.status')}>${label('CaseStatus', node.status)}</td><td data-label=${t('cases.caseworker')}>${node.caseworkerName ?? ''}</td>
            <td data-label=${t('cases.opened')}>${formatDate(node.openedAt)}</td><td data-label=${t('cases.lastContact')}>${formatDate(node.lastContactAt)}</td></tr>`)}</tbody>
        </table>
        ${s.connection.edges.length ? nothing : html`<p>${t('cases.empty')}</p>`}
        ${pager(s.paging, s.connection, load)}` : html`<p>${t('common.loading')}</p>`}`,
  };
}
