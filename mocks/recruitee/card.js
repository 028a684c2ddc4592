// Recruitee's result card on the dashboard, following Recruitee's own display rules for the
// ResultCardView its emulator builds (mocks/recruitee/). A browser module: the dashboard imports it and
// passes its kit of safe DOM helpers (text only, http(s) links only).
export default (r, { el, link, fields }) => el('div', { class: 'result' },
    el('div', { class: 'body' },
      el('div', { class: 'title' }, r.title, ' ',
        r.score ? el('span', { class: `badge tone-${r.status.tone}`, title: r.status.tooltip ?? r.status.label, tabindex: 0 }, r.score.text)
          : el('span', { class: `badge tone-${r.status.tone}`, title: r.status.tooltip ?? r.status.label, tabindex: 0 }, r.status.icon === 'clock' ? '🕒' : r.status.label)),
      el('div', { class: 'links' }, r.links.map((l) => link(l.text, l.url))),
      fields(r), r.error && el('div', { class: 'error-text' }, r.error)));
