// Building pages from elements, never from HTML strings: whatever the API returns is text, never markup.

/** An element: h('p', {class: 'hint'}, 'text', child, …); on* properties become listeners. */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'class') element.className = value;
    else if (name in element && typeof value !== 'string') element[name] = value;
    else element.setAttribute(name, value === true ? '' : value);
  }
  append(element, children);
  return element;
}

/** Replaces an element's content: nested lists flattened, null and false left out, strings as text. */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces the main area with a page, titles the document after its heading and moves focus there. */
export function show(title, ...content) {
  const main = document.getElementById('main');
  fill(main, h('h1', {}, title), content);
  document.title = `${title} · 安训`;
  main.focus();
}

/** A short message for screen readers and eyes, gone after a while. */
export function say(message) {
  const status = document.getElementById('status');
  status.textContent = message;
  clearTimeout(say.timer);
  say.timer = setTimeout(() => { status.textContent = ''; }, 6000);
}

/** A labelled form field; the hint and the error are tied to the control for screen readers. */
export function field(label, control, hint) {
  const id = control.id || (control.id = `f-${field.next = (field.next || 0) + 1}`);
  const parts = [h('label', { for: id }, label)];
  if (hint) {
    const hintId = `${id}-hint`;
    control.setAttribute('aria-describedby', hintId);
    parts.push(h('p', { class: 'hint', id: hintId }, hint));
  }
  parts.push(control);
  return h('div', { class: 'field', 'data-field': control.name || '' }, parts);
}

/** A definition list of facts: [[term, value], …]. */
export function facts(rows) {
  return h('dl', { class: 'facts' }, rows.filter(([, v]) => v !== undefined && v !== null)
    .map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]));
}

/** A table with a caption for screen readers. */
export function table(caption, headings, rows) {
  return h('div', { class: 'table-wrap' }, h('table', {},
    h('caption', { class: 'hint' }, caption),
    h('thead', {}, h('tr', {}, headings.map((heading) => h('th', { scope: 'col' }, heading)))),
    h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((cell) => h('td', {}, cell)))))));
}

/** Seconds as 时分秒 text. */
export function duration(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  return `${hours ? `${hours} 小时 ` : ''}${minutes} 分 ${s % 60} 秒`;
}

/** Credited seconds as 学时, 45 minutes each, to one decimal rounded down as the ledger counts them. */
export function studyHours(seconds) {
  return `${(Math.floor(seconds / 270) / 10).toFixed(1)} 学时`;
}

/** A Duration from the API (seconds, or ISO-8601 such as PT10M) in seconds. */
export function seconds(value) {
  if (typeof value === 'number') return value;
  const match = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(value || '');
  return match ? (+match[1] || 0) * 3600 + (+match[2] || 0) * 60 + (+match[3] || 0) : 0;
}

/** An instant in China time, as people there read it. */
export function when(instant) {
  return instant ? new Date(instant).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '—';
}
