// The dashboard: each ATS as its recruiter sees it, fed by the same recruiter-view API as the CLI,
// and the live journal of hops (server-sent events). Plain DOM, no build step; all text goes in
// through textContent, so nothing a partner sends can run here.
// every ATS of the sandbox's registry: [key, name]; their card renderers are loaded before the panels
const registry = await api('/_sandbox/ats').catch(() => []);
const ATS = registry.map((a) => [a.key, a.name]);
const MAX_ROWS = 400;

const el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat(Infinity)) if (c !== undefined && c !== null && c !== false) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
};

async function api(path, init = {}) {
  // x-ats-sandbox: the control plane refuses actions without it or a JSON body (a web page cannot send either)
  const res = await fetch(path, { ...init, headers: { 'x-ats-sandbox': '1', ...(init.headers ?? {}) } });
  const text = await res.text();
  let body;
  try { body = text ? JSON.parse(text) : undefined; } catch { body = text; }
  if (!res.ok) throw Object.assign(new Error(body?.message ?? `HTTP ${res.status}`), { status: res.status, body });
  return body;
}

/** Rich text (SmartRecruiters summaries) shown as plain text. */
const plain = (html) => new DOMParser().parseFromString(html ?? '', 'text/html').body.textContent ?? '';
/** Only http(s) links are live; any other scheme (javascript:, data:, file:) is shown as text, never followed. */
const isHttp = (url) => typeof url === 'string' && /^https?:\/\//i.test(url.trim());
const unsafe = (text, url) => el('span', { class: 'unsafe-link', title: 'not an http(s) link: shown as text' }, `${text} (${String(url)})`);
const link = (text, url) => (isHttp(url) ? el('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, `${text} ↗`) : unsafe(text, url));
const badge = (status) => el('span', { class: `badge tone-${status.tone}`, title: status.tooltip }, status.label);

// One renderer per ATS, each following that ATS's display rules for the card its emulator built: a
// browser module the ATS declares in its manifest (cardScript), served by the control plane. An ATS
// without one gets the plain card.
const kit = { el: (...a) => el(...a), badge: (...a) => badge(...a), link: (...a) => link(...a), isHttp: (...a) => isHttp(...a), unsafe: (...a) => unsafe(...a), plain: (...a) => plain(...a), fields: (...a) => fields(...a), icon: (...a) => icon(...a) };
const plainCard = (r) => el('div', { class: 'result' },
  el('div', { class: 'body' }, el('div', { class: 'title' }, r.title, ' ', badge(r.status)),
    r.score && el('div', {}, r.score.text), r.summary && el('div', { class: 'summary' }, r.summary),
    el('div', { class: 'links' }, r.links.map((l) => link(l.text, l.url)), r.attachments.map((a) => link(a.name, a.url))),
    fields(r), r.error && el('div', { class: 'error-text' }, r.error)));
const renderers = {};
/** The sandbox's own note under a result the bridge read on a guess (not part of the ATS's display). */
const withWarnings = (node, r) => {
  // under the result's own text, not beside it (the result row is laid out as a row of tile and body)
  if (r.warnings?.length) (node.querySelector('.body') ?? node).append(el('ul', { class: 'sandbox-warnings', title: 'Read on a guess by the sandbox; `strict` refuses these' }, r.warnings.map((w) => el('li', {}, `⚠ ${w}`))));
  return node;
};
const fields = (r) => r.fields.length ? el('dl', { class: 'fields' }, r.fields.map((f) => [el('dt', {}, f.label), el('dd', {}, f.value)])) : null;
const icon = (name) => ({ clock: '🕒', check: '✔', cross: '✖', warning: '⚠', progress: '⏳' })[name] ?? '•';

class AtsPanel {
  constructor(key, name) {
    this.key = key;
    this.node = document.getElementById('panel-template').content.firstElementChild.cloneNode(true);
    this.node.dataset.ats = key;
    this.node.setAttribute('aria-label', name);
    this.node.querySelector('.ats-name').textContent = name;
    this.form = this.node.querySelector('.send-form');
    for (const s of this.form.querySelectorAll('select')) s.setAttribute('aria-label', `${name} ${s.getAttribute('aria-label')}`);
    this.form.querySelector('button.send').setAttribute('aria-label', `Send ${name} test`);
    this.sees = this.node.querySelector('.recruiter-sees');
    this.card = this.node.querySelector('.card');
    this.form.addEventListener('submit', (e) => { e.preventDefault(); this.send(); });
    this.form.category.addEventListener('change', () => this.loadPackages());
    this.form.candidate.addEventListener('change', () => this.refresh());
  }

  async init() {
    try {
      const candidates = await api(`/_sandbox/ats/${this.key}/candidates`);
      this.form.candidate.replaceChildren(...candidates.map((c) => el('option', { value: c.id }, `${c.name} · ${c.job}`)));
    } catch (e) {
      this.say(`Could not load candidates: ${e.message}`, true);
    }
    await Promise.all([this.loadPackages(), this.refresh()]);
  }

  say(text, isError = false) {
    this.sees.textContent = text;
    this.sees.classList.toggle('error', isError);
  }

  /** The package picker, filled from the live package list, or the ATS's own error when it fails. */
  async loadPackages() {
    const select = this.form.package;
    select.replaceChildren(el('option', { value: '' }, 'loading…'));
    try {
      const view = await api(`/_sandbox/ats/${this.key}/packages?category=${this.form.category.value}`);
      if (!view.ok) {
        select.replaceChildren(el('option', { value: '' }, '(no packages)'));
        this.say(view.recruiterSees, true);
        return;
      }
      select.replaceChildren(...view.packages.map((p) => el('option', { value: p.id }, p.name)));
      this.say('');
    } catch (e) {
      this.say(e.message, true);
    }
  }

  async send() {
    const button = this.form.querySelector('button.send');
    button.disabled = true;
    this.say('sending…');
    try {
      const body = { category: this.form.category.value, candidateId: this.form.candidate.value, ...(this.form.package.value ? { packageId: this.form.package.value } : {}) };
      const report = await api(`/_sandbox/actions/${this.key}/send-test`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      this.say(report.ok ? `${report.recruiterSees ?? 'Sent'} · order ${report.orderId ?? '?'}` : report.recruiterSees ?? 'failed', !report.ok);
      if (report.orderId) document.getElementById('filter-order').placeholder = report.orderId;
    } catch (e) {
      this.say(e.message, true);
    } finally {
      button.disabled = false;
      await this.refresh();
    }
  }

  async refresh() {
    const id = this.form.candidate.value || 'cand_ada';
    // refreshes overlap (a journal event, a change of candidate): only the latest one may draw the card
    const mine = (this.refreshes = (this.refreshes ?? 0) + 1);
    try {
      const c = await api(`/_sandbox/ats/${this.key}/candidates/${encodeURIComponent(id)}`);
      if (mine !== this.refreshes) return;
      const render = renderers[this.key] ?? plainCard;
      this.card.replaceChildren(
        el('div', { class: 'card-head' }, `${c.candidate.name}`, c.candidate.job ? ` · ${c.candidate.job}` : ''),
        ...(c.results.length ? [...c.results].reverse().map((r) => withWarnings(render(r), r)) : [el('p', { class: 'empty' }, 'No test sent yet.')]),
      );
    } catch (e) {
      if (mine === this.refreshes) this.card.replaceChildren(el('p', { class: 'error-text' }, `Could not load the card: ${e.message}`));
    }
  }
}

await Promise.all(registry.filter((a) => a.cardScript).map(async (a) => {
  try {
    const render = (await import(a.cardScript)).default;
    renderers[a.key] = (r) => render(r, kit);
  } catch {
    /* the plain card then */
  }
}));
const panels = ATS.map(([k, n]) => new AtsPanel(k, n));
document.getElementById('ats-panels').append(...panels.map((p) => p.node));
panels.forEach((p) => p.init());

// Live journal
const hops = document.getElementById('hops');
const filterAts = document.getElementById('filter-ats');
const filterOrder = document.getElementById('filter-order');
filterAts.append(...ATS.map(([k, n]) => el('option', { value: k }, n)));
const entries = [];
const visible = (e) => (!filterAts.value || e.provider === filterAts.value || e.service === filterAts.value) && (!filterOrder.value || e.orderId === filterOrder.value.trim());
const verdict = (e) => !e.verdicts?.length ? '' : e.verdicts.every((v) => v.valid) ? '✓' : '✗';

function row(e) {
  const bad = e.status === 0 || e.status >= 400;
  const from = e.direction === 'out' ? `${e.service} → ${e.peer ?? '?'}` : `→ ${e.service}`;
  const path = e.url.replace(/^https?:\/\/[^/]+/, '');
  return el('tr', { 'data-seq': e.seq, tabindex: 0, 'aria-label': `${e.hop ?? 'hop'} ${e.method} ${path} ${e.status}`, onclick: () => showHop(e.seq), onkeydown: (ev) => ev.key === 'Enter' && showHop(e.seq) },
    el('td', {}, e.at.slice(11, 19)), el('td', {}, e.hop ?? ''), el('td', {}, from), el('td', { title: `${e.method} ${path}` }, `${e.method} ${path}`),
    el('td', { class: bad ? 'st-bad' : 'st-ok', title: e.error }, e.status === 0 ? 'none' : e.status), el('td', {}, Math.round(e.durationMs)),
    el('td', { class: verdict(e) === '✗' ? 'st-bad' : 'st-ok', title: (e.verdicts ?? []).map((v) => `${v.schema}: ${v.valid ? 'valid' : (v.issues ?? []).map((i) => `${i.pointer} ${i.message}`).join('; ')}`).join('\n') }, verdict(e)));
}

function redraw() {
  hops.replaceChildren(...entries.filter(visible).slice(-MAX_ROWS).reverse().map((e) => (e.row = row(e))));
}

/** Both ends of a hop journal it; show one row, the sender's, carrying both sides' verdicts. */
const hopKey = (e) => {
  if (!e.traceId) return undefined;
  const path = e.direction === 'out' ? e.url.replace(/^https?:\/\/[^/]+/, '') : e.url;
  return `${e.traceId} ${e.method} ${path}`;
};
const byKey = new Map();

function add(e) {
  const key = hopKey(e);
  const twin = key && byKey.get(key);
  if (twin && twin.direction !== e.direction && !twin.merged) {
    const merged = e.direction === 'out' ? { ...e, verdicts: [...(twin.verdicts ?? []), ...(e.verdicts ?? [])], merged: true, receiverSeq: twin.seq }
      : { ...twin, verdicts: [...(twin.verdicts ?? []), ...(e.verdicts ?? [])], merged: true, receiverSeq: e.seq };
    entries[entries.indexOf(twin)] = merged;
    byKey.set(key, merged);
    if (twin.row) {
      merged.row = row(merged);
      twin.row.replaceWith(merged.row);
    }
  } else {
    if (key) byKey.set(key, e);
    entries.push(e);
    if (entries.length > 5000) for (const old of entries.splice(0, entries.length - 5000)) byKey.delete(hopKey(old));
    if (visible(e)) {
      e.row = row(e);
      hops.prepend(e.row);
      while (hops.childElementCount > MAX_ROWS) hops.lastElementChild.remove();
    }
  }
  if (e.hop === 'result-mapping' || e.hop === 'result-update') panels.find((p) => p.key === e.provider)?.refresh();
}

async function showHop(seq) {
  const dialog = document.getElementById('hop-detail');
  const body = document.getElementById('hop-body');
  body.textContent = 'loading…';
  dialog.showModal();
  try {
    body.textContent = JSON.stringify(await api(`/_sandbox/journal/${seq}`), null, 2);
  } catch (e) {
    body.textContent = e.message;
  }
}

filterAts.addEventListener('change', redraw);
filterOrder.addEventListener('input', redraw);

async function connect() {
  const live = document.getElementById('live');
  const initial = await api('/_sandbox/journal?limit=400').catch(() => []);
  for (const e of initial) add(e);
  redraw();
  const source = new EventSource('/_sandbox/events');
  source.addEventListener('hop', (m) => add(JSON.parse(m.data)));
  source.onopen = () => { live.textContent = 'live'; };
  source.onerror = () => { live.textContent = 'reconnecting…'; };
}
connect();

/** Storage trouble (a full disk, a damaged state file set aside) is shown, not only printed on the terminal. */
async function storageWarnings() {
  const state = await api('/_sandbox/state').catch(() => undefined);
  const lines = [state?.journal?.degraded?.message, ...(state?.storage?.notices ?? [])].filter(Boolean);
  document.getElementById('storage-warning')?.remove();
  if (lines.length) document.querySelector('header').after(el('div', { id: 'storage-warning', class: 'error-text', role: 'alert' }, lines.map((l) => el('div', {}, l))));
}
storageWarnings();
setInterval(storageWarnings, 30_000);

document.getElementById('reset').addEventListener('click', async () => {
  await api('/_sandbox/reset', { method: 'POST' });
  entries.length = 0;
  redraw();
  panels.forEach((p) => { p.say(''); p.refresh(); });
});

// The sandbox's clock (freeze, advance, resume) in the header.
import('/dashboard/clock.js').then((m) => m.mountClock(document.querySelector('header nav'), { api, el, onAdvanced: () => panels.forEach((p) => p.refresh()) })).catch(() => {});

// Scenarios and faults: shown when the control plane offers them.
import('/dashboard/tools.js').then((m) => m.mountTools(document.getElementById('tools'), { api, el })).catch(() => {
  document.getElementById('tools').replaceChildren(el('h2', {}, 'Scenarios and faults'), el('p', { class: 'empty' }, 'Not available in this build.'));
});
