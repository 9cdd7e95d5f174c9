// Small view helpers shared by the pages.
import { html, nothing } from 'lit';
import { t, label } from './i18n.js';
import { notShared } from './graphql.js';

/** A survivor field: its value, or "not shared by the survivor" when consent does not cover it. */
export function shared(errors, path, value, show = v => v) {
  if (notShared(errors, path)) return html`<span class="not-shared">${t('consent.notShared')}</span>`;
  if (value == null || value === '' || (Array.isArray(value) && !value.length)) return html`<span class="muted">${t('common.none')}</span>`;
  return show(value);
}

/** The plain message of an API error; CONFLICT offers a reload. */
export function errorView(error, onReload) {
  if (!error) return nothing;
  const code = error.code ?? 'INTERNAL';
  return html`<div class="error" role="alert">
    <p>${t('errors.' + code)}${error.field ? html` <span class="muted">(${t('errors.field', { field: error.field })})</span>` : nothing}</p>
    ${code === 'CONFLICT' && onReload ? html`<button type="button" @click=${onReload}>${t('common.reload')}</button>` : nothing}
  </div>`;
}

export function enumSelect(id, enumType, values, selected, onChange, { any = true } = {}) {
  return html`<select id=${id} @change=${e => onChange(e.target.value || null)}>
    ${any ? html`<option value="" ?selected=${!selected}>${t('common.any')}</option>` : nothing}
    ${values.map(v => html`<option value=${v} ?selected=${v === selected}>${label(enumType, v)}</option>`)}
  </select>`;
}

/** Paging over a connection: the cursors of the pages seen so far make "previous" possible. */
export function pager(paging, connection, go) {
  if (!connection) return nothing;
  const page = paging.cursors.length;
  return html`<nav class="pager" aria-label=${t('common.paging')}>
    <button type="button" ?disabled=${page <= 1} @click=${() => { paging.cursors.pop(); go(); }}>${t('common.previous')}</button>
    <span>${t('common.pageOf', { page, total: connection.totalCount })}</span>
    <button type="button" ?disabled=${!connection.pageInfo.hasNextPage}
      @click=${() => { paging.cursors.push(connection.pageInfo.endCursor); go(); }}>${t('common.next')}</button>
  </nav>`;
}

export const newPaging = () => ({ cursors: [null], get after() { return this.cursors[this.cursors.length - 1]; } });

export const ENUMS = {
  ReferralStatus: ['REQUESTED', 'ACCEPTED', 'IN_PROGRESS', 'ON_HOLD', 'COMPLETED', 'FAILED', 'REJECTED', 'CANCELLED', 'EXPIRED'],
  ServiceType: ['HEALTH', 'PSYCHOSOCIAL', 'SHELTER', 'LEGAL', 'SAFETY_SECURITY', 'CHILD_PROTECTION', 'LIVELIHOODS', 'EDUCATION', 'OTHER'],
  Urgency: ['EMERGENCY', 'URGENT', 'ROUTINE'],
  InformationCategory: ['IDENTITY', 'CASE_SUMMARY', 'SAFETY_PLAN', 'INCIDENT', 'HEALTH', 'CASE_PLAN', 'CONFERENCE'],
  ConsentPurpose: ['REFERRAL', 'CASE_CONFERENCE', 'COORDINATION'],
  GivenBy: ['SURVIVOR', 'CAREGIVER'],
  ObtainedHow: ['WRITTEN', 'VERBAL', 'THUMBPRINT'],
  CaseStatus: ['OPEN', 'CLOSURE_REQUESTED', 'CLOSED'],
  ActionItemStatus: ['OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED'],
  Kind: ['MANDATORY_REPORT', 'OVERRIDE'],
};
