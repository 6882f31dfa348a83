// The desk's entry point: sign-in, the three tabs, and wiring of the sections.
import { api, setCsrfToken, ApiError } from './api.js';
import { $ } from './dom.js';
import { startAlerts, stopAlerts } from './alerts.js';
import { initSubscriptions, loadSubscriptions, isMine } from './subscriptions.js';
import { initStories, loadStories, openStory } from './stories.js';

const TABS = ['alerts', 'subscriptions', 'stories'];

function selectTab(name, focus = false) {
  for (const t of TABS) {
    const tab = $(`tab-${t}`);
    const on = t === name;
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
    $(`panel-${t}`).hidden = !on;
    if (on && focus) tab.focus();
  }
  if (name === 'stories' && !$('story-list-view').hidden) loadStories();
}

function initTabs() {
  TABS.forEach((t, i) => {
    const tab = $(`tab-${t}`);
    tab.addEventListener('click', () => selectTab(t));
    tab.addEventListener('keydown', (e) => {
      const step = { ArrowRight: 1, ArrowLeft: -1 }[e.key];
      if (step) selectTab(TABS[(i + step + TABS.length) % TABS.length], true);
    });
  });
}

async function enter(session) {
  setCsrfToken(session.csrfToken);
  $('principal').textContent = `Signed in as ${session.principal}`;
  $('sign-in').hidden = true;
  $('who').hidden = false;
  $('desk').hidden = false;
  await loadSubscriptions();
  startAlerts({
    isMine,
    openStory: (id) => { selectTab('stories'); openStory(id); },
  });
  selectTab('alerts');
}

function showSignIn() {
  stopAlerts();
  setCsrfToken(null);
  $('desk').hidden = true;
  $('who').hidden = true;
  $('sign-in').hidden = false;
  $('token').focus();
}

async function signIn(e) {
  e.preventDefault();
  const error = $('token-error');
  error.hidden = true;
  $('token').removeAttribute('aria-invalid');
  const token = $('token').value.trim();
  try {
    const session = await api('POST', '/desk/session', { token });
    $('token').value = '';
    await enter(session);
  } catch (err) {
    error.textContent = err instanceof ApiError && err.status === 403 ? 'This token is not valid.' : err.message;
    error.hidden = false;
    $('token').setAttribute('aria-invalid', 'true');
    $('token').focus();
  }
}

async function signOut() {
  try { await api('DELETE', '/desk/session'); } catch { /* the session may have expired already */ }
  showSignIn();
}

async function start() {
  initTabs();
  initSubscriptions();
  initStories();
  $('sign-in-form').addEventListener('submit', signIn);
  $('sign-out').addEventListener('click', signOut);
  try {
    await enter(await api('GET', '/desk/session'));
  } catch {
    showSignIn();
  }
}

start();
