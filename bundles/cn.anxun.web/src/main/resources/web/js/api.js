// The web API as the pages use it: the session lives in cookies no script can read (HttpOnly), so no token is
// ever in this code, in storage or in a URL. Every request says it comes from the site's own pages.

const BASE = '/api/v1';

/** A refused request: the problem document's title, detail and the fields it names. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.type = (problem.type || '').replace('urn:anxun:problem:', '');
    this.errors = problem.errors || [];
  }
}

let refreshing = null;

/** Asks the API; JSON in and out unless the body is a Blob (sent with its type). Answers the parsed body. */
export async function api(method, path, body, options = {}) {
  const response = await send(method, path, body);
  if (response.status === 401 && !['/auth/login', '/auth/refresh'].includes(path) && await refreshed()) {
    return read(await send(method, path, body), options);
  }
  return read(response, options);
}

function send(method, path, body) {
  const headers = { 'X-Requested-With': 'anxun-web', Accept: 'application/json, application/problem+json' };
  let payload = body;
  if (body instanceof Blob) headers['Content-Type'] = body.type || 'application/octet-stream';
  else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  return fetch(BASE + path, { method, headers, body: payload, credentials: 'same-origin' });
}

async function read(response, options) {
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  if (!response.ok) {
    throw new ApiError(response.status, type.includes('json') ? await response.json() : { title: response.statusText });
  }
  if (options.blob) return response.blob();
  return type.includes('json') ? response.json() : response.text();
}

/** One refresh at a time, however many requests found the access cookie spent. */
function refreshed() {
  refreshing ??= send('POST', '/auth/refresh', {}).then((r) => r.ok).finally(() => { refreshing = null; });
  return refreshing;
}

/** Logs in with cookies; answers who is logged in. */
export async function login(credentials) {
  await api('POST', '/auth/login', { ...credentials, cookies: true });
  return api('GET', '/me');
}

/** Who is logged in, or null. */
export async function whoAmI() {
  try {
    return await api('GET', '/me');
  } catch (error) {
    if (error.status === 401 || error.status === 403) return null;
    throw error;
  }
}

export const get = (path) => api('GET', path);
export const post = (path, body) => api('POST', path, body);
export const url = (path) => BASE + path;
