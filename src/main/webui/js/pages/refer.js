// Refer a case: search the service directory, see which agencies a referral would be covered for, create the referral.
// Whether the survivor's consent covers an agency, and whether the caller may refer with a supervisor's sharing
// decision instead, is the API's answer (referralCoverage, createReferral's own rule): the app decides neither.
import { html, nothing } from 'lit';
import { t, label } from '../i18n.js';
import { failure, mutate } from '../graphql.js';
import { SERVICES, REFERRAL_COVERAGE, CREATE_REFERRAL } from '../operations.js';
import { errorView, enumSelect, pager, newPaging, ENUMS } from '../ui.js';
import { casePage } from './case.js';

export function referPage(app, params) {
  const s = { filter: { type: null, acceptingReferrals: true, state: app.user.state ?? null }, paging: newPaging(), connection: null,
    coverage: new Map(), error: null, chosen: null, submitError: null, busy: false, idempotencyKey: crypto.randomUUID() };

  const coverageOf = service => s.coverage.get(service.agency.code);

  // the list shown is always the answer to the latest search: while one runs, the old list (of another filter) is not
  // offered, and an answer overtaken by a later search is dropped
  let latest = 0;
  async function search() {
    const mine = ++latest;
    const filter = Object.fromEntries(Object.entries(s.filter).filter(([, v]) => v != null && v !== ''));
    s.connection = null;
    app.update();
    let connection = null, error = null;
    try {
      const { data, errors } = await app.request(SERVICES, { first: 10, after: s.paging.after, filter });
      connection = data?.services ?? null;
      error = failure(errors);
      const codes = [...new Set((connection?.edges ?? []).map(({ node }) => node.agency.code))];
      if (!error && codes.length) {
        const answer = await app.request(REFERRAL_COVERAGE, { caseId: params.caseId, agencyCodes: codes });
        (answer.data?.referralCoverage ?? []).forEach(c => s.coverage.set(c.agency.code, c));
        error = failure(answer.errors);
      }
    } catch (e) { error = e; }
    if (mine !== latest) return;
    s.connection = connection;
    s.error = error;
    app.update();
  }
  search();
  const setFilter = (name, value) => { s.filter[name] = value; s.paging = newPaging(); search(); };

  async function submit(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    const input = { caseId: params.caseId, serviceId: s.chosen.id, urgency: form.get('urgency'), note: form.get('note') || null,
      idempotencyKey: s.idempotencyKey };
    if (form.get('kind')) {
      input.sharingDecision = {
        kind: form.get('kind'), reason: form.get('reason'), categories: form.getAll('categories'),
        ...(form.get('kind') === 'MANDATORY_REPORT' ? {
          authority: form.get('authority'), informationShared: form.get('informationShared'),
          survivorInformedBeforehand: form.get('informed') === 'on', nextStepsExplained: form.get('nextSteps'),
        } : {}),
      };
    }
    s.busy = true;
    app.update();
    try {
      await mutate(app.request, CREATE_REFERRAL, { input }, 'createReferral');
      app.go(casePage, { id: params.caseId, notice: t('refer.created', { service: s.chosen.name }) });
    } catch (e) {
      s.submitError = e;
      s.busy = false;
      app.update();
    }
  }

  function decisionForm() {
    return html`<fieldset class="decision"><legend>${t('refer.decision')}</legend>
      <p>${t('refer.decisionHelp')}</p>
      <label for="d-kind">${t('refer.kind')}</label>
      <select id="d-kind" name="kind" required>${ENUMS.Kind.map(k => html`<option value=${k}>${label('Kind', k)}</option>`)}</select>
      <label for="d-reason">${t('refer.reason')}</label><textarea id="d-reason" name="reason" required></textarea>
      <fieldset><legend>${t('case.categories')}</legend>
        ${ENUMS.InformationCategory.map(c => html`<label class="check"><input type="checkbox" name="categories" value=${c} ?checked=${c === 'CASE_SUMMARY'}> ${label('InformationCategory', c)}</label>`)}
      </fieldset>
      <p class="muted">${t('refer.mandatoryHelp')}</p>
      <label for="d-authority">${t('refer.authority')}</label><input id="d-authority" name="authority">
      <label for="d-shared">${t('refer.informationShared')}</label><input id="d-shared" name="informationShared">
      <label class="check"><input type="checkbox" name="informed"> ${t('refer.informed')}</label>
      <label for="d-next">${t('refer.nextSteps')}</label><input id="d-next" name="nextSteps">
    </fieldset>`;
  }

  function chosenView() {
    const service = s.chosen;
    const coverage = coverageOf(service);
    if (!coverage) return nothing;
    const covered = coverage.covered;
    const decides = coverage.sharingDecisionAllowed;
    return html`<section aria-labelledby="h-chosen"><h2 id="h-chosen" tabindex="-1">${t('refer.to', { service: service.name, agency: service.agency.name })}</h2>
      ${covered ? html`<p class="ok">${t('refer.covered', { categories: coverage.categories.map(c => label('InformationCategory', c)).join(', ') })}</p>`
        : html`<p class="warning" id="missing-consent">${t('refer.noConsent', { agency: service.agency.name })}
            ${decides ? t('refer.noConsentSupervisor') : t('refer.noConsentCaseworker')}</p>`}
      ${covered || decides ? html`<form class="stack" @submit=${submit}>
        <label for="r-urgency">${t('inbox.urgency')}</label>
        <select id="r-urgency" name="urgency">${ENUMS.Urgency.map(u => html`<option value=${u} ?selected=${u === 'ROUTINE'}>${label('Urgency', u)}</option>`)}</select>
        <label for="r-note">${t('refer.note')}</label><textarea id="r-note" name="note"></textarea>
        ${covered ? nothing : decisionForm()}
        <button type="submit" class="primary" ?disabled=${s.busy}>${t('refer.submit')}</button>
      </form>` : nothing}
      ${errorView(s.submitError)}
    </section>`;
  }

  return {
    title: 'refer.title',
    view: () => html`<p><button type="button" class="link" @click=${() => app.go(casePage, { id: params.caseId })}>${t('refer.back')}</button></p>
      <h1 tabindex="-1">${t('refer.heading', { number: params.caseNumber })}</h1>
      <form class="filters" role="search" @submit=${e => e.preventDefault()}>
        <label for="s-type">${t('refer.serviceType')}</label>
        ${enumSelect('s-type', 'ServiceType', ENUMS.ServiceType, s.filter.type, v => setFilter('type', v))}
        <label for="s-state">${t('refer.state')}</label>
        <input id="s-state" .value=${s.filter.state ?? ''} @change=${e => setFilter('state', e.target.value.trim() || null)}>
        <label class="check"><input type="checkbox" .checked=${s.filter.acceptingReferrals}
          @change=${e => setFilter('acceptingReferrals', e.target.checked || null)}> ${t('refer.accepting')}</label>
      </form>
      ${errorView(s.error)}
      ${s.connection ? html`<ul class="cards services">${s.connection.edges.map(({ node }) => html`<li>
          <p><strong>${node.name}</strong> · ${label('ServiceType', node.type)} · ${node.agency.name} (${node.agency.state})</p>
          <p class="muted">${node.areaServed ?? ''} ${node.languages.length ? '· ' + node.languages.join(', ') : ''}</p>
          <p>${coverageOf(node)?.covered ? html`<span class="badge ok">${t('refer.consentCovers')}</span>` : html`<span class="badge warning">${t('refer.consentMissing')}</span>`}
            <button type="button" aria-label=${t('refer.choose', { service: node.name })}
              @click=${() => { s.chosen = node; s.submitError = null; s.idempotencyKey = crypto.randomUUID(); app.update(); requestAnimationFrame(() => app.focusHeading(document.getElementById('h-chosen'))); }}>${t('refer.chooseShort')}</button></p>
        </li>`)}</ul>
        ${s.connection.edges.length ? nothing : html`<p>${t('refer.noServices')}</p>`}
        ${pager(s.paging, s.connection, search)}` : html`<p>${t('common.loading')}</p>`}
      ${s.chosen ? chosenView() : nothing}`,
  };
}
