// One referral as the receiving agency sees it: what consent allows, its history, and the moves open to it.
import { html, nothing } from 'lit';
import { t, label, formatDateTime, formatDate } from '../i18n.js';
import { failure, mutate } from '../graphql.js';
import { REFERRAL, CHANGE_REFERRAL_STATUS } from '../operations.js';
import { errorView, shared } from '../ui.js';
import { inboxPage } from './inbox.js';

const NEEDS_REASON = ['REJECTED', 'FAILED'];

export function referralPage(app, params) {
  const s = { referral: null, errors: [], error: null, moveError: null, move: null, busy: false, done: '' };

  async function load() {
    try {
      const { data, errors } = await app.request(REFERRAL, { id: params.id });
      s.errors = errors;
      s.referral = data?.referral ?? null;
      s.error = s.referral ? null : failure(errors) ?? { code: 'NOT_FOUND' };
    } catch (e) {
      s.error = e;
    }
    app.update();
  }
  load();

  async function submit(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    const input = { id: s.referral.id, version: s.referral.version, status: s.move };
    if (NEEDS_REASON.includes(s.move)) input.reason = form.get('reason');
    if (s.move === 'COMPLETED') input.outcome = { serviceProvided: form.get('serviceProvided') === 'on', note: form.get('outcomeNote') || null };
    if (form.get('note')) input.note = form.get('note');
    s.busy = true;
    app.update();
    try {
      await mutate(app.request, CHANGE_REFERRAL_STATUS, { input }, 'changeReferralStatus');
      s.done = t('referral.moved', { status: label('ReferralStatus', s.move) });
      s.move = null;
      s.moveError = null;
      await load();
    } catch (e) {
      s.moveError = e;
    }
    s.busy = false;
    app.update();
  }

  // Escape closes the step's form and gives the focus back to the button that opened it
  function cancelOnEscape(event) {
    if (event.key !== 'Escape') return;
    const move = s.move;
    s.move = null;
    app.update();
    document.querySelector(`button[data-move="${move}"]`)?.focus();
  }

  const reload = () => { s.moveError = null; s.move = null; load(); };
  const path = (...parts) => ['referral', ...parts];

  function caseView(r) {
    const c = r.case;
    const e = s.errors;
    const i = c.identity;
    const sum = c.summary;
    return html`<section aria-labelledby="h-case"><h2 id="h-case">${t('referral.case', { number: c.caseNumber })}</h2>
      <dl class="fields">
        <dt>${t('case.identity')}</dt><dd>${shared(e, path('case', 'identity'), i, i => html`${i.fullName}${i.dateOfBirth ? ', ' + formatDate(i.dateOfBirth) : ''}${i.phone ? ', ' + i.phone : ''}${i.address ? ', ' + i.address : ''}`)}</dd>
        <dt>${t('case.needs')}</dt><dd>${shared(e, path('case', 'summary'), sum, v => v.needs.map(n => label('ServiceType', n)).join(', ') || t('common.none'))}</dd>
        <dt>${t('case.riskLevel')}</dt><dd>${shared(e, path('case', 'summary'), sum, v => label('RiskLevel', v.riskLevel) || t('common.none'))}</dd>
        <dt>${t('case.ageSex')}</dt><dd>${shared(e, path('case', 'summary'), sum, v => [label('AgeBand', v.ageBand), label('Sex', v.sex)].filter(Boolean).join(', ') || t('common.none'))}</dd>
        <dt>${t('referral.note')}</dt><dd>${shared(e, path('note'), r.note)}</dd>
        <dt>${t('case.safetyPlan')}</dt><dd>${shared(e, path('case', 'safetyPlan'), c.safetyPlan)}</dd>
        <dt>${t('case.incident')}</dt><dd>${shared(e, path('case', 'incident'), c.incident)}</dd>
        <dt>${t('case.healthNotes')}</dt><dd>${shared(e, path('case', 'healthNotes'), c.healthNotes)}</dd>
      </dl>
      <p class="muted">${t('referral.sharedCategories')}: ${c.sharedCategories.map(x => label('InformationCategory', x)).join(', ') || t('common.none')}</p>
    </section>`;
  }

  function movesView(r) {
    // the moves the API offers the caller's agency now (Referral.nextStatuses): the app keeps no status machine
    const moves = r.nextStatuses;
    if (!moves.length) return nothing;
    return html`<section aria-labelledby="h-moves"><h2 id="h-moves">${t('referral.actions')}</h2>
      <div class="actions">${moves.map(m => html`<button type="button" data-move=${m} aria-pressed=${s.move === m ? 'true' : 'false'}
        @click=${() => { s.move = m; s.moveError = null; app.update(); }}>${t('referral.move.' + m)}</button>`)}</div>
      ${s.move ? html`<form class="move" @submit=${submit} @keydown=${cancelOnEscape}>
        ${NEEDS_REASON.includes(s.move) ? html`<label for="m-reason">${t('referral.reason')}</label>
          <textarea id="m-reason" name="reason" required></textarea>` : nothing}
        ${s.move === 'COMPLETED' ? html`<label class="check"><input type="checkbox" name="serviceProvided" checked> ${t('referral.serviceProvided')}</label>
          <label for="m-outcome">${t('referral.outcomeNote')}</label><textarea id="m-outcome" name="outcomeNote"></textarea>` : nothing}
        <label for="m-note">${t('referral.historyNote')}</label><textarea id="m-note" name="note"></textarea>
        <button type="submit" ?disabled=${s.busy}>${t('referral.confirm', { status: label('ReferralStatus', s.move) })}</button>
      </form>` : nothing}
      ${errorView(s.moveError, reload)}
    </section>`;
  }

  return {
    title: 'referral.title',
    view: () => {
      const r = s.referral;
      return html`<p><button type="button" class="link" @click=${() => app.go(inboxPage)}>${t('referral.back')}</button></p>
      <h1 tabindex="-1">${t('referral.title')}</h1>
      ${errorView(s.error)}
      ${r ? html`
        <dl class="fields summary">
          <dt>${t('inbox.service')}</dt><dd>${r.service.name} (${label('ServiceType', r.service.type)})</dd>
          <dt>${t('inbox.from')}</dt><dd>${r.fromAgency.name}</dd>
          <dt>${t('inbox.status')}</dt><dd class="status"><span class="badge status-${r.status}">${label('ReferralStatus', r.status)}</span></dd>
          <dt>${t('inbox.urgency')}</dt><dd>${label('Urgency', r.urgency)}</dd>
          <dt>${t('referral.requestedAt')}</dt><dd>${formatDateTime(r.requestedAt)}</dd>
          ${r.status === 'REQUESTED' ? html`<dt>${t('inbox.due')}</dt><dd>${formatDateTime(r.responseDueAt)}</dd>` : nothing}
          ${r.reason ? html`<dt>${t('referral.reason')}</dt><dd>${r.reason}</dd>` : nothing}
          <dt>${t('referral.basis')}</dt><dd>${r.sharingBasis ? label('SharingBasis', r.sharingBasis) : t('referral.routeClosed')}</dd>
        </dl>
        <p role="status" class="notice">${s.done}</p>
        ${movesView(r)}
        ${caseView(r)}
        ${historyView(r.history, s.errors, ['referral', 'history'])}` : s.error ? nothing : html`<p>${t('common.loading')}</p>`}`;
    },
  };
}

export function historyView(history, errors, path) {
  return html`<section><h2>${t('referral.history')}</h2><ol class="history">
    ${history.map((h, i) => html`<li><time>${formatDateTime(h.at)}</time> ·
      ${h.fromStatus ? label('ReferralStatus', h.fromStatus) + ' → ' : ''}${label('ReferralStatus', h.toStatus)} ·
      ${h.actorName}${h.actorAgency ? ' (' + h.actorAgency + ')' : ''}
      ${h.note || errors.some(e => e.path?.join('/') === [...path, i, 'note'].join('/')) ? html`<br>${shared(errors, [...path, i, 'note'], h.note)}` : nothing}</li>`)}
  </ol></section>`;
}
