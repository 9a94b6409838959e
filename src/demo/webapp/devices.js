// "Your devices": the demo's JSON API (api/sessions, api/me, api/sessions/{id}/revoke,
// api/sign-out-others, api/logout-all) and the module's logout servlet (api/logout), called with
// fetch. Everything the server says is put on the page as text (textContent), never as HTML.
'use strict';

(() => {
  const el = (testId, root = document) => root.querySelector(`[data-testid="${testId}"]`);
  const dates = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });
  /** How often the list checks that this browser is still signed in. */
  const CHECK_EVERY_MS = 5000;
  /** An action (a click) is running: the check waits, so the two never cross. */
  let acting = false;

  /** The API answered 401: this browser is not signed in (or no longer). */
  class SignedOut extends Error {}

  /** Something to tell the user: a title and a readable detail. */
  class Problem extends Error {
    constructor(title, detail) {
      super(detail);
      this.title = title;
    }
  }

  async function api(method, path) {
    let response;
    try {
      response = await fetch(path, {
        method,
        credentials: 'same-origin',
        cache: 'no-store',
        headers: { Accept: 'application/json' },
      });
    } catch (e) {
      throw new Problem('The demo server could not be reached.', 'Check that it is running, then try again.');
    }
    const body = await jsonOf(response);
    if (response.status === 401) {
      throw new SignedOut();
    }
    if (!response.ok) {
      throw problemOf(response, body);
    }
    if (body === null) {
      throw new Problem('Something went wrong.', `The server answered ${response.status} without JSON. Try again.`);
    }
    return body;
  }

  /** The JSON body, or null for anything else (an HTML error page is never shown). */
  async function jsonOf(response) {
    if (!(response.headers.get('Content-Type') || '').includes('json')) {
      return null;
    }
    try {
      return await response.json();
    } catch (e) {
      return null;
    }
  }

  function problemOf(response, body) {
    const status = response.status;
    const title = status === 502 || status === 503 || status === 504
      ? 'The sign-in service is unavailable right now.'
      : status === 403 ? 'That is not allowed.'
      : status === 404 ? 'That device was not found.'
      : 'Something went wrong.';
    return new Problem(title, readable(body && body.message)
      || `The server answered ${status}. Try again in a moment.`);
  }

  /** A message fit for a person: one line of text, not too long; else nothing. */
  function readable(message) {
    if (typeof message !== 'string') {
      return '';
    }
    const line = message.trim().split('\n')[0];
    return line.length > 400 ? `${line.slice(0, 400)}…` : line;
  }

  // ---- what the page shows ----------------------------------------------------------------

  function show(state) {
    el('loading').hidden = state !== 'loading';
    el('devices').hidden = state !== 'devices';
    el('logged-out').hidden = state !== 'logged-out';
    // Log out stays at hand when the list cannot be had (IdP down): it clears this browser's
    // cookies even then.
    const maybeSignedIn = state === 'devices' || state === 'error';
    document.querySelectorAll('[data-signed-in]').forEach((node) => { node.hidden = !maybeSignedIn; });
  }

  function notice(text) {
    el('notice').textContent = text || '';
    el('notice').hidden = !text;
  }

  function showError(problem) {
    el('error-title').textContent = problem.title;
    el('error-message').textContent = problem.message;
    el('error').hidden = false;
  }

  function clearError() {
    el('error').hidden = true;
  }

  function loggedOut(message, { empty = false } = {}) {
    notice(message);
    el('empty').hidden = !empty;
    show('logged-out');
  }

  function fail(e) {
    if (e instanceof SignedOut) {
      // Signed out while the list was showing (cookie expired, session ended): say so.
      loggedOut(el('devices').hidden ? '' : 'Your session has ended. Sign in again to manage your devices.');
      return;
    }
    const problem = e instanceof Problem ? e
      : new Problem('Something went wrong.', 'The page could not finish. Try again.');
    if (el('devices').hidden) {
      show('error');
    }
    showError(problem);
  }

  function formatted(iso) {
    const when = new Date(iso);
    return Number.isNaN(when.getTime()) ? 'Unknown' : dates.format(when);
  }

  function row(session) {
    const tr = document.getElementById('device-row').content.firstElementChild.cloneNode(true);
    const label = session.device || 'Unknown device';
    tr.dataset.sessionId = session.id;
    tr.dataset.current = String(Boolean(session.current));
    tr.dataset.mobile = String(Boolean(session.mobile));
    if (session.current) {
      tr.classList.add('current');
    }

    const kind = el('device-kind', tr);
    kind.append(document.getElementById(session.mobile ? 'icon-mobile' : 'icon-desktop').content.cloneNode(true));
    kind.dataset.kind = session.mobile ? 'mobile' : 'desktop';
    kind.setAttribute('aria-label', session.mobile ? 'Mobile device' : 'Computer');
    kind.title = kind.getAttribute('aria-label');
    el('device-label', tr).textContent = label;
    if (!session.current) {
      el('this-device', tr).remove();
    }
    el('ip-address', tr).textContent = session.location || 'Unknown';
    for (const [testId, iso] of [['signed-in', session.lastActive], ['expires', session.expiresAt]]) {
      const time = el(testId, tr);
      time.textContent = formatted(iso);
      if (iso) {
        time.dateTime = iso;
      }
    }

    const button = tr.querySelector('.row-action button');
    if (session.current) {
      // Signing this device out is logging out: the page then shows the signed-out state.
      button.textContent = 'Log out';
      button.dataset.testid = 'log-out-this-device';
      button.setAttribute('aria-label', 'Log out of this device');
      button.addEventListener('click', () => act(logOut));
    } else {
      button.textContent = 'Sign out';
      button.dataset.testid = 'revoke';
      button.setAttribute('aria-label', `Sign out ${label}`);
      button.addEventListener('click', () => act(() => revoke(session.id)));
    }
    return tr;
  }

  // ---- what the page does -----------------------------------------------------------------

  async function load() {
    if (el('devices').hidden) {
      show('loading');
    }
    el('devices').setAttribute('aria-busy', 'true');
    try {
      const list = await api('GET', 'api/sessions');
      const sessions = Array.isArray(list.sessions) ? list.sessions : [];
      if (!sessions.some((s) => s.current)) {
        // This browser's session is not among the live ones: it was revoked (from another
        // device, or everywhere). Its access token may still be valid for a while, so log out
        // for real rather than show a list this device no longer belongs to.
        await api('POST', 'api/logout').catch(() => {});
        loggedOut(sessions.length === 0 ? '' : 'This device was signed out from another device.',
          { empty: sessions.length === 0 });
        return;
      }
      el('device-list').replaceChildren(...sessions.map(row));
      const me = await api('GET', 'api/me');
      el('who').textContent = `Signed in as ${me.name} (${me.email})${me.admin ? ' · administrator' : ''}`;
      show('devices');
    } catch (e) {
      fail(e);
    } finally {
      el('devices').removeAttribute('aria-busy');
    }
  }

  async function revoke(id) {
    const result = await api('POST', `api/sessions/${encodeURIComponent(id)}/revoke`);
    notice(readable(result.message) || 'Signed out.');
    await load();
  }

  async function signOutOthers() {
    const result = await api('POST', 'api/sign-out-others');
    notice(readable(result.message) || 'Signed out of the other devices.');
    await load();
  }

  async function signOutEverywhere() {
    const result = await api('POST', 'api/logout-all');
    loggedOut(readable(result.message) || 'Signed out everywhere.');
  }

  async function logOut() {
    const result = await api('POST', 'api/logout');
    const idp = result.idp || {};
    // The servlet clears the cookies even when the IdP could not be told; say so.
    loggedOut(idp.called && !idp.reached
      ? 'You are logged out on this device. The sign-in service could not be reached, so the session may stay open there until it expires.'
      : 'You are logged out.');
  }

  /** Runs one action with every button disabled, so nothing is clicked twice. */
  async function act(work) {
    const buttons = [...document.querySelectorAll('button')];
    buttons.forEach((b) => { b.disabled = true; });
    acting = true;
    clearError();
    notice('');
    try {
      await work();
    } catch (e) {
      fail(e);
    } finally {
      acting = false;
      buttons.forEach((b) => { b.disabled = false; });
    }
  }

  /**
   * While the list shows, whether this browser is still signed in: the session may end without a
   * click here (signed out from another device, or AuthVital suspended the user and its event
   * reached the server). api/me, not api/sessions: the module answers it from the token alone,
   * without a call to the IdP, whose rate limits count per address. A 401 shows the signed-out
   * view as any 401 does; anything else (a network blip) waits for the next check.
   */
  async function checkStillSignedIn() {
    if (el('devices').hidden || document.hidden || acting) {
      return;
    }
    try {
      await api('GET', 'api/me');
    } catch (e) {
      if (e instanceof SignedOut && !acting) {
        fail(e);
      }
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    el('retry').addEventListener('click', () => act(load));
    el('sign-out-others').addEventListener('click', () => act(signOutOthers));
    el('sign-out-everywhere').addEventListener('click', () => act(signOutEverywhere));
    el('log-out').addEventListener('click', () => act(logOut));
    setInterval(checkStillSignedIn, CHECK_EVERY_MS);
    document.addEventListener('visibilitychange', checkStillSignedIn);
    load();
  });
})();
