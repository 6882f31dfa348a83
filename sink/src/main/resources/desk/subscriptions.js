// The subscription form (create and edit, with field-level errors) and the list with each delivery log.
import { api, ApiError } from './api.js';
import { $, el, clear, timeEl } from './dom.js';
import { attachSuggestions, describe } from './suggest.js';

// the API's field names (problem details' "field") to the element that shows the error
const ERROR_FIELDS = {
  name: 'sub-name', entities: 'entity-input', 'stance.holder': 'holder', 'stance.polarities': 'polarity',
  keywords: 'keywords', language: 'language', source: 'source', minUrgency: 'min-urgency', 'webhook.url': 'webhook',
};
const ERROR_IDS = {
  name: 'sub-name-error', entities: 'entities-error', 'stance.holder': 'stance-holder-error',
  'stance.polarities': 'stance-polarities-error', keywords: 'keywords-error', language: 'language-error',
  source: 'source-error', minUrgency: 'minUrgency-error', 'webhook.url': 'webhook-url-error',
};

let entities = []; // [{given, label}]
let editing = null;
let mine = new Map();
let entityCombo;
let holderCombo;

export function initSubscriptions() {
  entityCombo = attachSuggestions($('entity-input'), $('entity-suggestions'), $('entity-hint'), (c) => {
    addEntity(c.id, describe(c));
    $('entity-input').value = '';
    entityCombo.reset();
    $('entity-input').focus();
  });
  holderCombo = attachSuggestions($('holder'), $('holder-suggestions'), $('holder-hint'), (c) => {
    $('holder').value = c.id;
    clear($('holder-hint')).append(el('span', {}, `${c.id} is `, el('strong', {}, c.name)));
  });
  $('entity-add').addEventListener('click', addTypedEntity);
  $('entity-input').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.defaultPrevented) {
      e.preventDefault();
      addTypedEntity();
    }
  });
  $('subscription-form').addEventListener('submit', (e) => {
    e.preventDefault();
    save();
  });
  $('cancel-edit').addEventListener('click', resetForm);
}

function addTypedEntity() {
  const text = $('entity-input').value.trim();
  if (!text) return;
  addEntity(text, text);
  $('entity-input').value = '';
  entityCombo.reset();
}

function addEntity(given, label) {
  if (entities.some((e) => e.given === given)) return;
  entities.push({ given, label });
  renderChips();
}

function renderChips() {
  const chips = clear($('entity-chips'));
  for (const e of entities) {
    chips.append(el('li', { class: 'chip' }, e.label, ' ',
      el('button', { type: 'button', class: 'remove', 'aria-label': `Remove ${e.label}`,
        onclick: () => { entities = entities.filter((x) => x !== e); renderChips(); } }, '×')));
  }
}

export async function loadSubscriptions() {
  const answer = await api('GET', '/desk/api/subscriptions');
  mine = new Map(answer.subscriptions.map((s) => [s.id, s]));
  renderList(answer.subscriptions);
  return mine;
}

/** Whether an alert's subscription is this team's (asks the sink again for one created elsewhere). */
export async function isMine(id) {
  if (mine.has(id)) return true;
  try { await loadSubscriptions(); } catch { return false; }
  return mine.has(id);
}

function request() {
  const body = {};
  const name = $('sub-name').value.trim();
  if (name) body.name = name;
  if (entities.length) body.entities = entities.map((e) => e.given);
  const holder = $('holder').value.trim();
  const polarities = [...document.querySelectorAll('input[name=polarity]:checked')].map((c) => c.value);
  if (holder || polarities.length) {
    body.stance = {};
    if (holder) body.stance.holder = holder;
    if (polarities.length) body.stance.polarities = polarities;
  }
  const keywords = $('keywords').value.split(',').map((k) => k.trim()).filter(Boolean);
  if (keywords.length) body.keywords = keywords;
  const language = $('language').value.trim();
  if (language) body.language = language;
  const source = $('source').value.trim();
  if (source) body.source = source;
  const urgency = $('min-urgency').value;
  if (urgency) body.minUrgency = Number(urgency);
  const webhook = $('webhook').value.trim();
  if (webhook) body.webhook = { url: webhook };
  return body;
}

// the checks a person can fix before sending; the sink checks everything again and names the field it refuses
function validate(body) {
  const errors = {};
  const criteria = ['entities', 'stance', 'keywords', 'language', 'source', 'minUrgency'];
  if (!criteria.some((c) => body[c] !== undefined)) {
    errors.entities = 'Give at least one criterion: an entity, a stance, keywords, language, source or urgency.';
  }
  if (body.language && !/^[a-z]{2}$/i.test(body.language)) {
    errors.language = 'Use a two-letter ISO 639-1 code, such as en or fr.';
  }
  if (body.webhook && !/^https?:\/\/[^\s/]+/i.test(body.webhook.url)) {
    errors['webhook.url'] = 'Give an http:// or https:// address.';
  }
  for (const k of body.keywords || []) {
    if (k.length > 200) errors.keywords = 'A keyword has at most 200 characters.';
  }
  return errors;
}

function clearErrors() {
  for (const [field, id] of Object.entries(ERROR_IDS)) {
    const p = $(id);
    p.hidden = true;
    p.textContent = '';
    const input = field === 'stance.polarities' ? null : $(ERROR_FIELDS[field]);
    if (input) input.removeAttribute('aria-invalid');
  }
  $('form-error').hidden = true;
}

function showErrors(errors) {
  let first = null;
  for (const [field, message] of Object.entries(errors)) {
    const p = $(ERROR_IDS[field]);
    if (!p) {
      $('form-error').textContent = message;
      $('form-error').hidden = false;
      continue;
    }
    p.textContent = message;
    p.hidden = false;
    const input = field === 'stance.polarities' ? document.querySelector('input[name=polarity]') : $(ERROR_FIELDS[field]);
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      first = first || input;
    }
  }
  if (first) first.focus();
}

async function save() {
  clearErrors();
  $('form-status').textContent = '';
  const body = request();
  const errors = validate(body);
  if (Object.keys(errors).length) {
    showErrors(errors);
    return;
  }
  $('save').disabled = true;
  try {
    const saved = editing
      ? await api('PUT', `/desk/api/subscriptions/${encodeURIComponent(editing)}`, body)
      : await api('POST', '/desk/api/subscriptions', body);
    const secret = saved.webhook && saved.webhook.secret;
    $('form-status').textContent = `${editing ? 'Saved' : 'Created'} “${saved.name || saved.id}”.`
      + (secret ? ` Webhook secret (shown once): ${secret}` : '');
    resetForm(false);
    await loadSubscriptions();
  } catch (e) {
    if (e instanceof ApiError && e.problem.field) {
      showErrors({ [e.problem.field.split('[')[0]]: e.problem.detail });
    } else {
      showErrors({ form: e.message });
    }
  } finally {
    $('save').disabled = false;
  }
}

function resetForm(clearStatus = true) {
  editing = null;
  $('subscription-form').reset();
  entities = [];
  renderChips();
  entityCombo.reset();
  holderCombo.reset();
  clearErrors();
  if (clearStatus !== false) $('form-status').textContent = '';
  $('form-title').textContent = 'New subscription';
  $('save').textContent = 'Create subscription';
  $('cancel-edit').hidden = true;
}

function edit(s) {
  resetForm();
  editing = s.id;
  $('sub-name').value = s.name || '';
  const resolutions = s.entityResolution || [];
  entities = (s.entities || []).map((given, i) => {
    const r = resolutions[i];
    return { given, label: r && r.id && r.id !== given ? `${given} → ${r.id}` : given };
  });
  renderChips();
  if (s.stance) {
    $('holder').value = s.stance.holder || '';
    for (const c of document.querySelectorAll('input[name=polarity]')) {
      c.checked = (s.stance.polarities || []).includes(c.value);
    }
  }
  $('keywords').value = (s.keywords || []).join(', ');
  $('language').value = s.language || '';
  $('source').value = s.source || '';
  $('min-urgency').value = s.minUrgency ? String(s.minUrgency) : '';
  $('webhook').value = s.webhook ? s.webhook.url : '';
  $('form-title').textContent = `Edit “${s.name || s.id}”`;
  $('save').textContent = 'Save changes';
  $('cancel-edit').hidden = false;
  $('form-title').scrollIntoView();
  $('sub-name').focus();
}

function criteria(s) {
  const parts = [];
  (s.entityResolution || []).forEach((r) => parts.push(r.id ? `${r.given} → ${r.name || r.id} (${r.id})`
    : `${r.given} (${(r.resolution || 'by name').toLowerCase()})`));
  if (!s.entityResolution) (s.entities || []).forEach((e) => parts.push(e));
  if (s.stance) {
    const h = s.stance.holderResolution;
    const holder = h && h.id ? `${h.given} (${h.id})` : s.stance.holder || 'anyone';
    parts.push(`stance: ${holder} ${(s.stance.polarities || []).join('/').toLowerCase() || 'any polarity'}`
      + (s.stance.target ? ` on “${s.stance.target}”` : ''));
  }
  if ((s.keywords || []).length) parts.push(`keywords: ${s.keywords.join(', ')}`);
  if (s.language) parts.push(`language ${s.language}`);
  if (s.source) parts.push(`source ${s.source}`);
  if (s.minUrgency) parts.push(`urgency ≤ ${s.minUrgency}`);
  if (s.webhook) parts.push(`webhook ${s.webhook.url}`);
  return parts;
}

function renderList(subs) {
  const list = clear($('subscriptions'));
  $('subs-empty').hidden = subs.length > 0;
  for (const s of subs) {
    const log = el('div', { class: 'deliveries' });
    const details = el('details', {}, el('summary', {}, 'Delivery log'), log);
    details.addEventListener('toggle', () => { if (details.open) loadDeliveries(s.id, log); });
    list.append(el('li', { class: 'card subscription', 'data-subscription-id': s.id },
      el('h3', {}, s.name || s.id),
      el('ul', { class: 'plain criteria' }, criteria(s).map((c) => el('li', {}, c))),
      el('p', { class: 'meta' }, 'created ', timeEl(s.createdAt)),
      el('div', { class: 'actions' },
        el('button', { type: 'button', onclick: () => edit(s), 'aria-label': `Edit ${s.name || s.id}` }, 'Edit'),
        el('button', { type: 'button', class: 'danger', 'aria-label': `Delete ${s.name || s.id}`,
          onclick: () => remove(s) }, 'Delete')),
      s.webhook ? details : null));
  }
}

async function remove(s) {
  if (!window.confirm(`Delete the subscription “${s.name || s.id}”?`)) return;
  try {
    await api('DELETE', `/desk/api/subscriptions/${encodeURIComponent(s.id)}`);
    $('form-status').textContent = `Deleted “${s.name || s.id}”.`;
    await loadSubscriptions();
  } catch (e) {
    $('form-status').textContent = `Could not delete: ${e.message}`;
  }
}

async function loadDeliveries(id, box) {
  clear(box).append(el('p', { class: 'muted' }, 'Loading…'));
  try {
    const answer = await api('GET', `/desk/api/subscriptions/${encodeURIComponent(id)}/deliveries`);
    clear(box);
    if (!answer.deliveries.length) {
      box.append(el('p', { class: 'muted' }, 'No webhook attempts yet.'));
      return;
    }
    box.append(el('table', {}, el('thead', {}, el('tr', {}, ['When', 'Story', 'Attempt', 'Outcome', 'HTTP', 'ms']
      .map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, answer.deliveries.map((d) => el('tr', {}, el('td', {}, timeEl(d.at)), el('td', {}, d.storyId),
      el('td', {}, d.attempt), el('td', {}, d.outcome + (d.error ? ` (${d.error})` : '')),
      el('td', {}, d.httpStatus || ''), el('td', {}, d.latencyMs))))));
  } catch (e) {
    clear(box).append(el('p', { class: 'error' }, e.message));
  }
}
