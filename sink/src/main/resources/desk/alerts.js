// Live alerts from the server-sent event stream, each with why it fired and its evidence in context.
import { api } from './api.js';
import { $, el, clear, marked, timeEl, contextAround } from './dom.js';

const cards = new Map(); // storyId -> [card elements]
let source = null;
let count = 0;

export function startAlerts({ isMine, openStory }) {
  stopAlerts();
  source = new EventSource('/desk/api/alerts/stream');
  source.addEventListener('open', () => { $('live').textContent = 'live'; $('live').className = 'live on'; });
  source.addEventListener('error', () => { $('live').textContent = 'reconnecting…'; $('live').className = 'live'; });
  source.addEventListener('alert', async (event) => {
    let alert;
    try { alert = JSON.parse(event.data); } catch { return; }
    if (!(await isMine(alert.subscriptionId))) return;
    show(alert, openStory);
  });
}

export function stopAlerts() {
  if (source) source.close();
  source = null;
}

function show(alert, openStory) {
  const list = $('alerts');
  $('alerts-empty').hidden = true;
  count += 1;
  $('alert-count').textContent = String(count);
  const card = alert.type === 'RETRACTION' ? retraction(alert) : match(alert, openStory);
  list.prepend(card);
  if (alert.type === 'RETRACTION') {
    for (const c of cards.get(alert.storyId) || []) {
      c.classList.add('retracted');
      c.querySelector('.badge').textContent = 'retracted';
    }
  } else {
    cards.set(alert.storyId, [...(cards.get(alert.storyId) || []), card]);
  }
}

function meta(alert) {
  const t = alert.storyTimes || {};
  return el('p', { class: 'meta' },
    el('span', { class: 'source' }, alert.source || 'unknown source'), ' · ',
    timeEl(t.published || t.received), ' · ',
    'matched ', el('strong', { class: 'subscription' }, alert.subscriptionName || alert.subscriptionId),
    alert.urgency ? ` · urgency ${alert.urgency}` : '', alert.language ? ` · ${alert.language}` : '',
    alert.version > 1 ? ` · version ${alert.version}` : '');
}

function retraction(alert) {
  const reason = alert.retractionReason === 'KILLED' ? 'the story was killed' : 'a new version no longer matches';
  return el('li', { class: 'card alert retraction', 'data-alert-id': alert.alertId },
    el('p', { class: 'badge' }, 'retraction'),
    el('h3', {}, alert.headline || alert.storyId),
    meta(alert),
    el('p', {}, `Retracted: ${reason}.`));
}

function match(alert, openStory) {
  const why = alert.why || {};
  const body = el('div', { class: 'why' });
  if ((why.entities || []).length) {
    body.append(el('p', { class: 'label' }, 'Entities'),
      el('ul', { class: 'chips' }, why.entities.map((e) => el('li', { class: `chip entity ${e.type}` },
        e.name, ' ', el('span', { class: 'qid' }, e.id)))));
  }
  for (const s of why.stances || []) {
    const evidence = s.evidence || {};
    const quote = el('blockquote', { class: 'evidence' }, el('mark', { class: 'evidence-sentence' }, evidence.text || ''));
    body.append(el('div', { class: 'stance' },
      el('p', {},
        el('strong', {}, s.holder ? s.holder.name : '?'),
        s.onBehalfOf ? ` (for ${s.onBehalfOf.name})` : '',
        ' → ', s.target || (s.targetEntity && s.targetEntity.name) || '…', ' ',
        el('span', { class: `polarity ${s.polarity}` }, (s.polarity || '').toLowerCase()),
        s.reportedBy ? ` · reported by ${s.reportedBy.name || s.reportedBy}` : ''),
      quote));
    inContext(alert.storyId, evidence, quote);
  }
  if ((why.keywords || []).length) {
    body.append(el('p', {}, el('span', { class: 'label' }, 'Keywords '), why.keywords.join(', ')));
  }
  return el('li', { class: 'card alert', 'data-alert-id': alert.alertId, 'data-story-id': alert.storyId },
    el('p', { class: 'badge' }, 'alert'),
    el('h3', {}, el('button', { type: 'button', class: 'link', onclick: () => openStory(alert.storyId) },
      alert.headline || alert.storyId)),
    meta(alert), body);
}

// the evidence sentence is shown at once; the text around it follows when the story is read from the recent store
async function inContext(storyId, evidence, quote) {
  if (evidence.start === undefined) return;
  try {
    const story = await api('GET', `/desk/api/stories?id=${encodeURIComponent(storyId)}`);
    const text = (evidence.field === 'headline' ? story.document.headline : story.document.body) || '';
    let start = evidence.start;
    if (text.slice(start, start + evidence.text.length) !== evidence.text) start = text.indexOf(evidence.text);
    if (start < 0) {
      quote.dataset.context = 'not-found';
      return;
    }
    const end = start + evidence.text.length;
    const around = contextAround(text, start, end);
    clear(quote).append(around.before ? '… ' : '', marked(around.text, [{ start: start - around.offset,
      end: end - around.offset, cls: 'evidence-sentence', label: 'evidence' }]), around.after ? ' …' : '');
    quote.dataset.context = 'shown';
  } catch (e) {
    // the story may live on another sink instance's partitions: the sentence alone stays
    quote.dataset.context = `unavailable ${e.status || e.message}`;
  }
}
