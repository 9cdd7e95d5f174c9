// Conference invitations of the agency, and the action items assigned to it. An item offers the moves the API lists
// for it (ActionItem.nextStatuses): the app keeps no copy of the action item's status machine.
import { html, nothing } from 'lit';
import { t, label, formatDateTime, formatDate } from '../i18n.js';
import { failure, mutate } from '../graphql.js';
import { CONFERENCE_INVITATIONS, ACTION_ITEMS_ASSIGNED, UPDATE_ACTION_ITEM } from '../operations.js';
import { errorView, shared, pager, newPaging } from '../ui.js';

export function conferencesPage(app) {
  const s = { invitations: null, invitationErrors: [], items: null, error: null, itemError: null, editing: null,
    invitationPaging: newPaging(), itemPaging: newPaging() };

  async function loadInvitations() {
    try {
      const { data, errors } = await app.request(CONFERENCE_INVITATIONS, { first: 10, after: s.invitationPaging.after });
      s.invitations = data?.conferenceInvitations ?? null;
      s.invitationErrors = errors;
      s.error = failure(errors);
    } catch (e) { s.error = e; }
    app.update();
  }

  async function loadItems() {
    try {
      const { data, errors } = await app.request(ACTION_ITEMS_ASSIGNED, { first: 10, after: s.itemPaging.after });
      s.items = data?.actionItemsAssigned ?? null;
      s.itemErrors = errors;
      s.error ??= failure(errors);
    } catch (e) { s.error = e; }
    app.update();
  }
  loadInvitations();
  loadItems();

  async function move(item, status, form) {
    try {
      const input = { id: item.id, version: item.version, status };
      if (status === 'DONE') input.completionNote = form?.get('completionNote');
      await mutate(app.request, UPDATE_ACTION_ITEM, { input }, 'updateActionItem');
      s.itemError = null;
      s.editing = null;
      await loadItems();
    } catch (e) {
      s.itemError = e;
      app.update();
    }
  }

  const path = (i, ...rest) => ['conferenceInvitations', 'edges', i, 'node', ...rest];

  return {
    title: 'conferences.title',
    view: () => html`<h1 tabindex="-1">${t('conferences.title')}</h1>
      ${errorView(s.error)}
      <section aria-labelledby="h-inv"><h2 id="h-inv">${t('conferences.invitations')}</h2>
        ${s.invitations ? html`<ul class="cards">${s.invitations.edges.map(({ node }, i) => html`<li>
            <p><strong>${node.scheduledAt ? formatDateTime(node.scheduledAt) : t('conferences.basisLapsed')}</strong>
              · ${label('ConferenceStatus', node.status)} · ${t('referral.case', { number: node.case.caseNumber })}</p>
            <p>${t('conferences.place')}: ${node.place ?? node.link ?? t('common.none')}</p>
            <p>${t('conferences.purpose')}: ${shared(s.invitationErrors, path(i, 'purpose'), node.purpose)}</p>
          </li>`)}</ul>
          ${s.invitations.edges.length ? nothing : html`<p>${t('conferences.none')}</p>`}
          ${pager(s.invitationPaging, s.invitations, loadInvitations)}` : html`<p>${t('common.loading')}</p>`}
      </section>
      <section aria-labelledby="h-items"><h2 id="h-items">${t('conferences.actionItems')}</h2>
        ${errorView(s.itemError, () => { s.itemError = null; loadItems(); })}
        ${s.items ? html`<ul class="cards">${s.items.edges.map(({ node }, i) => html`<li>
            <p>${shared(s.itemErrors, ['actionItemsAssigned', 'edges', i, 'node', 'description'], node.description)}</p>
            <p>${t('conferences.due', { date: formatDate(node.dueOn) })} · <span class="badge">${label('ActionItemStatus', node.status)}</span>
              ${node.overdue ? html`<span class="badge overdue">${t('common.overdue')}</span>` : nothing}</p>
            <div class="actions">${node.nextStatuses.map(next => html`<button type="button"
              @click=${() => next === 'DONE' ? (s.editing = node.id, app.update()) : move(node, next)}>${t('conferences.move.' + next)}</button>`)}</div>
            ${s.editing === node.id ? html`<form @submit=${e => { e.preventDefault(); move(node, 'DONE', new FormData(e.target)); }}>
              <label for="note-${i}">${t('conferences.completionNote')}</label>
              <textarea id="note-${i}" name="completionNote" required></textarea>
              <button type="submit">${t('conferences.move.DONE')}</button></form>` : nothing}
          </li>`)}</ul>
          ${s.items.edges.length ? nothing : html`<p>${t('conferences.noItems')}</p>`}
          ${pager(s.itemPaging, s.items, loadItems)}` : html`<p>${t('common.loading')}</p>`}
      </section>`,
  };
}
