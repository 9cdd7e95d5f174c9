// GraphQL over HTTP with the user's token. A request answers { data, errors }: the API returns what it may
// alongside errors at their paths (CONSENT_REQUIRED for a field the survivor did not share), so pages read both.

export class ApiError extends Error {
  constructor(code, field, message) {
    super(message ?? code);
    this.code = code;
    this.field = field;
  }
}

/**
 * fetch with the user's token, for everything the app asks the API (GraphQL and the CSV tables). When the API answers
 * 401 (the token ended or was refused) the token is renewed once, with the refresh token, and the request sent again;
 * when renewal fails, or the renewed token is refused too, the user signs in again (onUnauthenticated). Requests that
 * fail together renew once. fetchImpl is looked up at each call, so a page's fetch stays the one it has then.
 */
export function createAuthorizedFetch({ token, renew, onUnauthenticated = () => {}, fetchImpl = (...args) => fetch(...args) }) {
  let renewing = null;
  const renewOnce = () => (renewing ??= Promise.resolve().then(renew).finally(() => { renewing = null; }));
  return async function authorizedFetch(url, init = {}) {
    let sentWith;
    const send = () => {
      sentWith = token();
      return fetchImpl(url, { ...init, headers: { ...init.headers, Authorization: 'Bearer ' + sentWith } });
    };
    let response = await send();
    if (response.status !== 401) return response;
    // renewed meanwhile (by another request, or before it ended) or renewed now: the request is sent once more
    const renewed = token() !== sentWith || await renewOnce().then(() => true, () => false);
    if (renewed) response = await send();
    if (response.status === 401) onUnauthenticated();
    return response;
  };
}

export function createApi({ endpoint, fetch: authorizedFetch, onUnauthenticated = () => {} }) {
  return async function request(query, variables = {}) {
    let response;
    try {
      response = await authorizedFetch(endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
    } catch {
      throw new ApiError('UNAVAILABLE');
    }
    const body = await response.json().catch(() => null);
    if (!body) throw new ApiError(response.status === 401 ? 'UNAUTHENTICATED' : 'UNAVAILABLE');
    const errors = body.errors ?? [];
    if (errors.some(e => e.extensions?.code === 'UNAUTHENTICATED')) onUnauthenticated();
    return { data: body.data ?? null, errors };
  };
}

const samePath = (a, b) => a.length === b.length && a.every((part, i) => String(part) === String(b[i]));

/** The error at exactly this path, if any. */
export function errorAt(errors, path) {
  return errors.find(e => e.path && samePath(e.path, path));
}

export function notShared(errors, path) {
  return errorAt(errors, path)?.extensions?.code === 'CONSENT_REQUIRED';
}

/** The first error that is not a field the survivor did not share: what a page reports as its failure. */
export function failure(errors) {
  const e = errors.find(e => e.extensions?.code !== 'CONSENT_REQUIRED');
  return e ? new ApiError(e.extensions?.code ?? 'INTERNAL', e.extensions?.field, e.message) : null;
}

/** For a mutation: its payload, or the error that refused it. */
export async function mutate(request, query, variables, field) {
  const { data, errors } = await request(query, variables);
  const error = failure(errors) ?? (errors[0] && new ApiError(errors[0].extensions?.code, errors[0].extensions?.field, errors[0].message));
  if (error || !data?.[field]) throw error ?? new ApiError('INTERNAL');
  return data[field];
}
