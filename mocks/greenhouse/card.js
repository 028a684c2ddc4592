// Greenhouse's result card on the dashboard, following Greenhouse's own display rules for the
// ResultCardView its emulator builds (mocks/greenhouse/). A browser module: the dashboard imports it and
// passes its kit of safe DOM helpers (text only, http(s) links only).
export default (r, { el, badge, link }) => el('div', { class: 'result' },
    el('div', { class: 'body' }, el('div', { class: 'title' }, r.title, ' ', badge(r.status)),
      el('div', { class: 'links' }, r.links.map((l) => link(l.text, l.url))),
      el('dl', { class: 'fields' }, r.score && [el('dt', {}, 'Score'), el('dd', {}, r.score.text)], r.fields.map((f) => [el('dt', {}, f.label), el('dd', {}, f.value)])),
      r.error && el('div', { class: 'error-text' }, r.error)));
