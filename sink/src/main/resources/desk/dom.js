// Small DOM helpers: elements are built with text nodes only (never innerHTML), so story text cannot inject markup.
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

export const $ = (id) => document.getElementById(id);

/**
 * text with the spans marked: spans are {start, end, cls, title}, UTF-16 offsets as the index document gives
 * them (JavaScript string indices); overlapping spans after the first are skipped.
 */
export function marked(text, spans) {
  const frag = document.createDocumentFragment();
  const sorted = [...spans].filter((s) => s.start >= 0 && s.end <= text.length && s.start < s.end)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  let at = 0;
  for (const s of sorted) {
    if (s.start < at) continue;
    if (s.start > at) frag.append(text.slice(at, s.start));
    const m = el('mark', { class: s.cls, title: s.title || null }, text.slice(s.start, s.end));
    if (s.label) m.append(el('span', { class: 'visually-hidden' }, ` (${s.label})`));
    frag.append(m);
    at = s.end;
  }
  if (at < text.length) frag.append(text.slice(at));
  return frag;
}

export function when(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, {
    year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit',
  });
}

export function timeEl(iso) {
  return el('time', { datetime: iso || null }, when(iso));
}

/** The paragraph of text (blank-line separated) around [start, end), with its offsets. */
export function paragraphAround(text, start, end) {
  const from = text.lastIndexOf('\n\n', start);
  const to = text.indexOf('\n\n', end);
  const s = from < 0 ? 0 : from + 2;
  return { text: text.slice(s, to < 0 ? text.length : to), offset: s };
}
