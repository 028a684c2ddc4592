// SmartRecruiters's result card on the dashboard, following SmartRecruiters's own display rules for the
// ResultCardView its emulator builds (mocks/smartrecruiters/). A browser module: the dashboard imports it and
// passes its kit of safe DOM helpers (text only, http(s) links only).
export default (r, { el, link, plain, icon }) => el('div', { class: 'result' },
    el('div', { class: 'tile', 'aria-label': `status ${r.status.label}` }, el('span', { class: `big tone-${r.status.tone}` }, icon(r.status.icon)), el('small', {}, r.status.label)),
    el('div', { class: 'body' }, el('div', { class: 'title' }, r.title),
      r.score && el('div', {}, el('strong', {}, r.score.text), r.score.min !== undefined ? ` (min ${r.score.min}, max ${r.score.max})` : ''),
      r.label && el('div', {}, r.label),
      r.summary && el('div', { class: 'summary' }, plain(r.summary)),
      (r.links.length > 0 || r.attachments.length > 0) && el('div', { class: 'links' }, el('strong', {}, 'Download Reports: '),
        r.links.map((l) => link(l.text.replace(/^Download Reports:\s*/, ''), l.url)), r.attachments.map((a) => link(a.name, a.url))),
      r.error && el('div', { class: 'error-text' }, r.error)));
