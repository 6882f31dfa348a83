// An accessible combobox over the knowledge base: suggestions as one types, arrow keys, Enter to pick, and a
// hint saying what the text as typed resolves to (its Wikidata id, or the candidates when ambiguous).
import { api } from './api.js';
import { el, clear } from './dom.js';

export function describe(c) {
  return `${c.name} · ${c.id}${c.kind ? ` · ${c.kind}` : c.type ? ` · ${c.type.toLowerCase()}` : ''}`;
}

export function attachSuggestions(input, listbox, hint, onPick) {
  let timer = null;
  let options = [];
  let active = -1;
  let asked = 0;

  const close = () => {
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const highlight = (i) => {
    active = i;
    [...listbox.children].forEach((li, j) => li.setAttribute('aria-selected', String(j === i)));
    if (i >= 0) input.setAttribute('aria-activedescendant', listbox.children[i].id);
  };
  const pick = (c) => {
    close();
    onPick(c);
  };

  async function lookUp() {
    const q = input.value.trim();
    const mine = ++asked;
    if (!q) { close(); clear(hint); return; }
    let answer;
    try {
      answer = await api('GET', `/desk/api/entities/suggest?q=${encodeURIComponent(q)}`);
    } catch (e) {
      if (mine === asked) clear(hint).append(el('span', { class: 'muted' }, e.status === 503 ? 'The entity dictionary is loading…' : ''));
      return;
    }
    if (mine !== asked) return;
    options = answer.suggestions || [];
    clear(listbox);
    options.forEach((c, i) => listbox.append(el('li', {
      role: 'option', id: `${listbox.id}-${i}`, 'aria-selected': 'false', class: 'option',
      onmousedown: (ev) => { ev.preventDefault(); pick(c); },
    }, el('span', { class: 'name' }, c.name), ' ', el('span', { class: 'qid' }, c.id), ' ',
      el('span', { class: 'muted' }, c.kind || c.type.toLowerCase()))));
    listbox.hidden = options.length === 0;
    input.setAttribute('aria-expanded', String(options.length > 0));
    active = -1;
    showResolution(answer.resolution);
  }

  function showResolution(r) {
    clear(hint);
    if (!r) return;
    if (r.resolution === 'RESOLVED' || r.resolution === 'ID') {
      hint.append(el('span', {}, `“${r.given}” resolves to `, el('strong', {}, r.name || r.id), ' ',
        el('span', { class: 'qid' }, r.id), r.type ? ` (${r.type.toLowerCase()})` : ''));
    } else if (r.resolution === 'AMBIGUOUS') {
      hint.append(el('span', {}, `“${r.given}” is ambiguous; it would match by name. Choose one: `),
        ...(r.candidates || []).map((c) => el('button', { type: 'button', class: 'candidate', onclick: () => pick(c) },
          describe(c))));
    } else if (r.resolution === 'UNKNOWN') {
      hint.append(el('span', { class: 'muted' }, `“${r.given}” is not in the knowledge base; it would match by name.`));
    }
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(lookUp, 150);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && options.length) {
      e.preventDefault();
      listbox.hidden = false;
      input.setAttribute('aria-expanded', 'true');
      highlight(Math.min(active + 1, options.length - 1));
    } else if (e.key === 'ArrowUp' && options.length) {
      e.preventDefault();
      highlight(Math.max(active - 1, 0));
    } else if (e.key === 'Enter' && active >= 0 && !listbox.hidden) {
      e.preventDefault();
      pick(options[active]);
    } else if (e.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 100));
  return { reset: () => { close(); clear(hint); options = []; } };
}
