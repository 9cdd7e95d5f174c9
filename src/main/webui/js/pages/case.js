// A lead agency's case: identity, summary, consents (record, revoke), referrals with their history, follow-ups due.
import { html, nothing } from 'lit';
import { t, label, formatDateTime, formatDate } from '../i18n.js';
import { failure, mutate } from '../graphql.js';
import { CASE, AGENCIES, RECORD_CONSENT, REVOKE_CONSENT } from '../operations.js';
import { errorView, shared, ENUMS } from '../ui.js';
import { historyView } from './referral.js';
import { casesPage } from './cases.js';
import { referPage } from './refer.js';

export async function allAgencies(app) {
  const agencies = [];
  let after = null;
  do {
    const { data } = await app.request(AGENCIES, { first: 100, after });
    agencies.push(...(data?.agencies?.edges ?? []).map(e => e.node));
    after = data?.agencies?.pageInfo.hasNextPage ? data.agencies.pageInfo.endCursor : null;
  } while (after);
  return agencies;
}

export function casePage(app, params) {
  const s = { data: null, errors: [], error: null, agencies: [], consentError: null, revoking: null, notice: params.notice ?? '' };

  async function load() {
    try {
      const { data, errors } = await app.request(CASE, { id: params.id });
      s.data = data?.case ? data : null;
      s.errors = errors;
      s.error = s.data ? null : failure(errors) ?? { code: 'NOT_FOUND' };
    } catch (e) { s.error = e; }
    app.update();
  }
  load();
  allAgencies(app).then(list => { s.agencies = list.filter(a => a.code !== app.user.agency); app.update(); }).catch(() => {});

  async function recordConsent(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    const input = {
      caseId: params.id, recipientAgencyCode: form.get('agency'), purpose: form.get('purpose'),
      categories: form.getAll('categories'), givenBy: form.get('givenBy'), obtainedHow: form.get('obtainedHow'),
      ...(form.get('validUntil') ? { validUntil: new Date(form.get('validUntil') + 'T23:59:59Z').toISOString() } : {}),
    };
    try {
      await mutate(app.request, RECORD_CONSENT, { input }, 'recordConsent');
      s.consentError = null;
      s.notice = t('case.consentRecorded');
      event.target.reset();
      await load();
    } catch (e) { s.consentError = e; app.update(); }
  }

  async function revoke(event, consent) {
    event.preventDefault();
    try {
      await mutate(app.request, REVOKE_CONSENT, { input: { id: consent.id, note: new FormData(event.target).get('note') || null } }, 'revokeConsent');
      s.revoking = null;
      s.consentError = null;
      s.notice = t('case.consentRevoked');
      await load();
    } catch (e) { s.consentError = e; app.update(); }
  }

  function consentsView(consents) {
    return html`<section aria-labelledby="h-consents"><h2 id="h-consents">${t('case.consents')}</h2>
      ${errorView(s.consentError)}
      <table><caption class="visually-hidden">${t('case.consents')}</caption>
        <thead><tr><th scope="col">${t('case.recipient')}</th><th scope="col">${t('case.purpose')}</th><th scope="col">${t('case.categories')}</th>
          <th scope="col">${t('case.valid')}</th><th scope="col">${t('case.state')}</th><th scope="col"><span class="visually-hidden">${t('case.revoke')}</span></th></tr></thead>
        <tbody>${consents.map(c => html`<tr>
          <th scope="row">${c.recipientAgency.name}</th><td data-label=${t('case.purpose')}>${label('ConsentPurpose', c.purpose)}</td>
          <td data-label=${t('case.categories')}>${c.categories.map(x => label('InformationCategory', x)).join(', ')}</td>
          <td data-label=${t('case.valid')}>${formatDate(c.validFrom)} – ${c.validUntil ? formatDate(c.validUntil) : t('case.openEnded')}</td>
          <td data-label=${t('case.state')}>${c.revokedAt ? t('case.revokedOn', { date: formatDate(c.revokedAt) }) : c.current ? t('case.current') : t('case.notCurrent')}</td>
          <td>${c.revokedAt ? nothing : s.revoking === c.id
            ? html`<form @submit=${e => revoke(e, c)}><label for="rv-${c.id}">${t('case.revokeNote')}</label>
                <input id="rv-${c.id}" name="note"><button type="submit">${t('case.confirmRevoke')}</button></form>`
            : html`<button type="button" @click=${() => { s.revoking = c.id; app.update(); }}>${t('case.revoke')}</button>`}</td>
        </tr>`)}</tbody></table>
      ${consents.length ? nothing : html`<p>${t('case.noConsents')}</p>`}
      <details><summary>${t('case.recordConsent')}</summary>
        <form class="stack" @submit=${recordConsent}>
          <label for="rc-agency">${t('case.recipient')}</label>
          <select id="rc-agency" name="agency" required>${s.agencies.map(a => html`<option value=${a.code}>${a.name} (${a.state})</option>`)}</select>
          <label for="rc-purpose">${t('case.purpose')}</label>
          <select id="rc-purpose" name="purpose">${ENUMS.ConsentPurpose.map(p => html`<option value=${p}>${label('ConsentPurpose', p)}</option>`)}</select>
          <fieldset><legend>${t('case.categories')}</legend>
            ${ENUMS.InformationCategory.map(c => html`<label class="check"><input type="checkbox" name="categories" value=${c} ?checked=${c === 'CASE_SUMMARY'}> ${label('InformationCategory', c)}</label>`)}
          </fieldset>
          <label for="rc-given">${t('case.givenBy')}</label>
          <select id="rc-given" name="givenBy">${ENUMS.GivenBy.map(g => html`<option value=${g}>${label('GivenBy', g)}</option>`)}</select>
          <label for="rc-how">${t('case.obtainedHow')}</label>
          <select id="rc-how" name="obtainedHow">${ENUMS.ObtainedHow.map(g => html`<option value=${g}>${label('ObtainedHow', g)}</option>`)}</select>
          <label for="rc-until">${t('case.validUntil')}</label><input id="rc-until" name="validUntil" type="date">
          <button type="submit">${t('case.recordConsent')}</button>
        </form></details>
    </section>`;
  }

  return {
    title: 'case.title',
    view: () => {
      const c = s.data?.case;
      const e = s.errors;
      return html`<p><button type="button" class="link" @click=${() => app.go(casesPage)}>${t('case.back')}</button></p>
      <h1 tabindex="-1">${c ? t('referral.case', { number: c.caseNumber }) : t('case.title')}</h1>
      ${errorView(s.error)}
      <p role="status" class="notice">${s.notice}</p>
      ${c ? html`
        <dl class="fields">
          <dt>${t('cases.status')}</dt><dd>${label('CaseStatus', c.status)}</dd>
          <dt>${t('case.identity')}</dt><dd>${shared(e, ['case', 'identity'], c.identity, i => html`${i.fullName}${i.dateOfBirth ? ', ' + formatDate(i.dateOfBirth) : ''}${i.phone ? ', ' + i.phone : ''}${i.address ? ', ' + i.address : ''}`)}</dd>
          <dt>${t('case.needs')}</dt><dd>${shared(e, ['case', 'summary'], c.summary, v => v.needs.map(n => label('ServiceType', n)).join(', ') || t('common.none'))}</dd>
          <dt>${t('case.riskLevel')}</dt><dd>${shared(e, ['case', 'summary'], c.summary, v => label('RiskLevel', v.riskLevel) || t('common.none'))}</dd>
          <dt>${t('case.serviceRequested')}</dt><dd>${shared(e, ['case', 'summary'], c.summary, v => v.serviceRequested || t('common.none'))}</dd>
          <dt>${t('cases.caseworker')}</dt><dd>${c.caseworkerName ?? ''}</dd>
          <dt>${t('cases.lastContact')}</dt><dd>${formatDateTime(c.lastContactAt)}</dd>
        </dl>
        <p><button type="button" class="primary" @click=${() => app.go(referPage, { caseId: c.id, caseNumber: c.caseNumber })}>${t('case.refer')}</button></p>
        ${consentsView(s.data.consents)}
        <section aria-labelledby="h-refs"><h2 id="h-refs">${t('case.referrals')}</h2>
          ${c.referrals.length ? html`<ul class="cards">${c.referrals.map((r, i) => html`<li>
            <p><strong>${r.service.name}</strong> · ${r.toAgency.name} · <span class="badge status-${r.status}">${label('ReferralStatus', r.status)}</span>
              · ${label('Urgency', r.urgency)} · ${r.sharingBasis ? label('SharingBasis', r.sharingBasis) : ''}</p>
            <details><summary>${t('referral.history')}</summary>${historyView(r.history, e, ['case', 'referrals', i, 'history'])}</details>
          </li>`)}</ul>` : html`<p>${t('case.noReferrals')}</p>`}
        </section>
        <section aria-labelledby="h-fu"><h2 id="h-fu">${t('case.followUpsDue')}</h2>
          ${(due => due.length ? html`<ul>${due.map(f => html`<li>${formatDateTime(f.scheduledAt)} · ${label('FollowUpMode', f.mode)}
              ${f.overdue ? html`<span class="badge overdue">${t('common.overdue')}</span>` : nothing}</li>`)}</ul>`
            : html`<p>${t('case.noFollowUps')}</p>`)(c.followUps.filter(f => f.status === 'SCHEDULED'))}
        </section>` : nothing}`;
    },
  };
}
