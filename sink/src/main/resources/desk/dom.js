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

/** Up to `reach` characters of text either side of [start, end), cut at spaces, with its offset in text. */
export function contextAround(text, start, end, reach = 240) {
  let s = Math.max(0, start - reach);
  let e = Math.min(text.length, end + reach);
  if (s > 0) s = Math.min(start, text.indexOf(' ', s) + 1 || start);
  if (e < text.length) e = Math.max(end, text.lastIndexOf(' ', e));
  return { text: text.slice(s, e), offset: s, before: s > 0, after: e < text.length };
}
