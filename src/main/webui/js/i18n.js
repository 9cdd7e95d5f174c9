// All strings of the app, one module per language (strings/en.js is complete; a missing French string falls back
// to English). Nothing else holds text the user reads.
import en from './strings/en.js';
import fr from './strings/fr.js';

export const LANGUAGES = { en, fr };
let current = (navigator.language ?? 'en').toLowerCase().startsWith('fr') ? 'fr' : 'en';

export const language = () => current;
export function setLanguage(code) {
  current = LANGUAGES[code] ? code : 'en';
  document.documentElement.lang = current;
}

const lookup = (strings, key) => key.split('.').reduce((node, part) => node?.[part], strings);

/** The string for key, with {name} placeholders filled from params. */
export function t(key, params = {}) {
  const text = lookup(LANGUAGES[current], key) ?? lookup(en, key) ?? key;
  return typeof text === 'string' ? text.replace(/\{(\w+)\}/g, (_, name) => String(params[name] ?? '')) : key;
}

/** The label of a value of a GraphQL enum, e.g. label('ReferralStatus', 'ON_HOLD'). */
export const label = (enumType, value) => (value == null ? '' : t(`enum.${enumType}.${value}`));

export function formatDateTime(iso) {
  return iso ? new Intl.DateTimeFormat(current, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)) : '';
}

export function formatDate(iso) {
  return iso ? new Intl.DateTimeFormat(current, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso)) : '';
}
