// Teamtailor's result card on the dashboard, following Teamtailor's own display rules for the
// ResultCardView its emulator builds (mocks/teamtailor/). A browser module: the dashboard imports it and
// passes its kit of safe DOM helpers (text only, http(s) links only).
export default (r, { el, badge, link, isHttp, unsafe }) => el('div', { class: 'result' },
    el('div', { class: 'tile', 'aria-label': r.score ? `score ${r.score.text}` : 'no score' },
      r.score ? [el('span', { class: 'big' }, r.score.value ?? ''), el('small', {}, r.score.text.replace(/^\S+\s*/, ''))] : el('span', { class: 'big' }, '✓')),
    el('div', { class: 'body' }, badge(r.status), el('div', { class: 'title' }, r.title),
      r.summary && el('div', { class: 'summary' }, r.summary),
      el('div', { class: 'links' }, r.links.map((l) => link(l.text, l.url))),
      el('div', { class: 'chips' }, r.attachments.map((a) => (isHttp(a.url) ? el('a', { class: 'chip', href: a.url, target: '_blank', rel: 'noopener noreferrer' }, `⤓ ${a.name}`) : unsafe(`⤓ ${a.name}`, a.url)))),
      r.error && el('div', { class: 'error-text' }, r.error)));
