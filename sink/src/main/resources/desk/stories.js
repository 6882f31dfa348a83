// Recent stories kept by the sink (its recent-stories store): a filtered list, and one story with its entities
// marked in the text, stances, quotes, versions and near-duplicates.
import { api } from './api.js';
import { $, el, clear, marked, timeEl } from './dom.js';

export function initStories() {
  $('story-filter').addEventListener('submit', (e) => {
    e.preventDefault();
    loadStories();
  });
  $('story-back').addEventListener('click', () => {
    $('story-view').hidden = true;
    $('story-list-view').hidden = false;
    $('f-entity').focus();
  });
}

export async function loadStories() {
  const params = new URLSearchParams();
  for (const name of ['entity', 'holder', 'polarity', 'language', 'source']) {
    const v = $('story-filter').elements[name].value.trim();
    if (v) params.set(name, v);
  }
  $('stories-status').textContent = 'Loading…';
  try {
    const answer = await api('GET', `/desk/api/stories?${params}`);
    const list = clear($('stories'));
    $('stories-status').textContent = `${answer.matching} of ${answer.kept} recent stories match`
      + (answer.matching > answer.stories.length ? ` (newest ${answer.stories.length} shown)` : '') + '.';
    for (const s of answer.stories) {
      list.append(el('li', { class: 'card story' },
        el('h3', {}, el('button', { type: 'button', class: 'link', onclick: () => openStory(s.id) }, s.headline || s.id)),
        el('p', { class: 'meta' }, s.source, ' · ', timeEl(s.published || s.received), ` · ${s.language}`,
          s.version > 1 ? ` · version ${s.version}` : '', s.duplicateOf ? ` · copy of ${s.duplicateOf}` : ''),
        el('ul', { class: 'chips' }, s.entities.map((e) => el('li', { class: `chip entity ${e.type}` }, e.name))),
        s.stances.length ? el('p', { class: 'muted' }, s.stances.slice(0, 6)
          .map((st) => `${st.holder} ${st.polarity.toLowerCase()}`).join(' · ')) : null));
    }
  } catch (e) {
    $('stories-status').textContent = `Could not load stories: ${e.message}`;
  }
}

export async function openStory(id) {
  $('story-list-view').hidden = true;
  const view = $('story-view');
  view.hidden = false;
  $('story-headline').textContent = 'Loading…';
  clear($('story-body'));
  let answer;
  try {
    answer = await api('GET', `/desk/api/stories?id=${encodeURIComponent(id)}`);
  } catch (e) {
    $('story-headline').textContent = e.status === 404 ? 'This story is not among the recent ones kept here' : e.message;
    $('story-headline').focus();
    return;
  }
  const doc = answer.document;
  const spans = (field) => doc.entities.flatMap((e) => e.mentions.filter((m) => m.field === field).map((m) => ({
    start: m.start, end: m.end, cls: `entity ${e.type}`, title: `${e.name} · ${e.id}`, label: `${e.name}, ${e.id}`,
  })));
  clear($('story-headline')).append(marked(doc.headline || '', spans('headline')));
  clear($('story-meta')).append(doc.source, ' · ', timeEl(doc.published || doc.received), ` · ${doc.language}`,
    ` · version ${doc.version}`, doc.urgency ? ` · urgency ${doc.urgency}` : '', ` · ${doc.pubStatus}`);
  clear($('story-body')).append(marked(doc.body || '', spans('body')));
  clear($('story-entities')).append(...doc.entities.map((e) => el('li', { class: `chip entity ${e.type}` },
    e.name, ' ', el('span', { class: 'qid' }, e.linked ? e.id : 'not linked'))));
  clear($('story-stances')).append(...(doc.stances.length ? doc.stances.map((s) => el('li', {},
    el('strong', {}, s.holder.name), s.onBehalfOf ? ` (for ${s.onBehalfOf.name})` : '', ' → ', s.target || '…', ' ',
    el('span', { class: `polarity ${s.polarity}` }, s.polarity.toLowerCase()),
    el('blockquote', { class: 'evidence' }, s.evidence.text))) : [el('li', { class: 'muted' }, 'None found.')]));
  clear($('story-quotes')).append(...(doc.quotes.length ? doc.quotes.map((q) => el('li', {},
    el('strong', {}, q.speaker ? q.speaker.name : 'unattributed'), ` (${q.kind.toLowerCase()}): `,
    el('q', {}, q.text))) : [el('li', { class: 'muted' }, 'None found.')]));
  clear($('story-versions')).append(...answer.versions.map((v) => el('li', {}, `version ${v.version} · ${v.pubStatus} · `,
    'enriched ', timeEl(v.enrichedAt), v.headline !== doc.headline ? ` · “${v.headline}”` : '')));
  clear($('story-duplicates')).append(...(answer.nearDuplicates.length ? answer.nearDuplicates.map((d) => el('li', {},
    el('button', { type: 'button', class: 'link', onclick: () => openStory(d.id) }, d.headline || d.id),
    ` · ${d.source}`)) : [el('li', { class: 'muted' }, 'None among the recent stories.')]));
  $('story-headline').focus();
}
