// Scenarios and faults on the dashboard: run a troubleshooting scenario and read its timeline and
// verdicts; inject and clear faults. Same control-plane API as the CLI.
export async function mountTools(root, { api, el }) {
  root.replaceChildren(el('h2', {}, 'Scenarios and faults'));
  const list = await api('/_sandbox/scenarios').then((r) => r.scenarios ?? []).catch(() => []);
  if (list.length) {
    const byAts = Object.groupBy ? Object.groupBy(list, (s) => s.ats) : { all: list };
    const select = el('select', { 'aria-label': 'Scenario to run' },
      Object.entries(byAts).map(([ats, items]) => el('optgroup', { label: ats }, items.map((s) => el('option', { value: s.name, title: s.description }, s.name)))));
    const about = el('p', { class: 'summary' });
    const describe = () => { about.textContent = list.find((s) => s.name === select.value)?.description ?? ''; };
    select.addEventListener('change', describe);
    describe();
    const out = el('div', { role: 'status', 'aria-live': 'polite' });
    const run = el('button', { type: 'button', 'aria-label': 'Run scenario' }, 'Run');
    run.addEventListener('click', async () => {
      run.disabled = true;
      out.replaceChildren(el('p', {}, `running ${select.value}…`));
      try {
        out.replaceChildren(scenarioView(await api(`/_sandbox/scenarios/${encodeURIComponent(select.value)}/run`, { method: 'POST' }), el));
      } catch (e) {
        out.replaceChildren(el('p', { class: 'fail' }, e.message));
      } finally {
        run.disabled = false;
      }
    });
    root.append(el('div', { class: 'tool-row' }, el('label', {}, 'Scenario ', select), run), about, out);
  } else {
    root.append(el('p', { class: 'empty' }, 'No scenarios are available.'));
  }
  root.append(await faultTools(api, el));
}

function scenarioView(r, el) {
  const failed = (r.expectations ?? []).filter((x) => !x.ok);
  return el('div', { class: 'scenario-result', 'data-ok': String(r.ok) },
    el('p', { class: r.ok ? 'pass' : 'fail' }, `${r.name}: ${r.ok ? 'passed' : 'failed'} in ${Math.round(r.durationMs ?? 0)} ms`),
    el('ul', { 'aria-label': 'Expectations' }, (r.expectations ?? []).map((x) =>
      el('li', { class: x.ok ? 'pass' : 'fail' }, `${x.ok ? '✓' : '✗'} ${x.explanation}`, x.ok ? '' : ` — expected ${x.expected}, got ${x.actual}`))),
    failed.length ? el('p', { class: 'fail' }, `${failed.length} expectation(s) not met`) : null,
    el('ol', { class: 'timeline', 'aria-label': 'Timeline' }, (r.timeline ?? []).map((t) =>
      el('li', { class: t.kind === 'step' ? (t.ok === false ? 'fail' : '') : '' }, t.kind === 'step' ? `▶ ${t.explanation}` : t.line ?? `${t.service} ${t.method} ${t.url} ${t.status}`))));
}

async function faultTools(api, el) {
  const box = el('div', { class: 'faults' }, el('h3', {}, 'Faults'));
  if (!(await api('/_sandbox/faults').then(() => true).catch(() => false))) {
    box.append(el('p', { class: 'empty' }, 'Fault injection is not available.'));
    return box;
  }
  const target = el('select', { 'aria-label': 'Fault target service' }, ['partner', 'bridge', ...(await api('/_sandbox/ats').catch(() => [])).map((a) => a.key)].map((s) => el('option', { value: s }, s)));
  const route = el('input', { 'aria-label': 'Fault route, method and path', value: 'POST /webhooks/orders', size: 22 });
  const kind = el('select', { 'aria-label': 'Fault kind' }, [['status', 'answer 500'], ['delay', 'delay 3 s'], ['malformed-body', 'malformed body'], ['reset', 'reset connection']].map(([v, t]) => el('option', { value: v }, t)));
  const times = el('select', { 'aria-label': 'How often' }, [['always', 'always'], ['once', 'once'], ['3', '3 times']].map(([v, t]) => el('option', { value: v }, t)));
  const active = el('ul', { 'aria-label': 'Active faults' });
  const said = el('p', { role: 'status', 'aria-live': 'polite' });
  const refresh = async () => {
    const current = await api('/_sandbox/faults').catch(() => []);
    active.replaceChildren(...(current.length ? current.map((f) => el('li', {}, f.explanation)) : [el('li', { class: 'empty' }, 'none')]));
  };
  const add = el('button', { type: 'button', 'aria-label': 'Inject fault' }, 'Inject');
  add.addEventListener('click', async () => {
    const [a, b] = route.value.trim().split(/\s+/);
    const action = kind.value === 'status' ? { type: 'status', status: 500 } : kind.value === 'delay' ? { type: 'delay', ms: 3000 } : { type: kind.value };
    const body = { target: target.value, route: b ? { method: a.toUpperCase(), path: b } : { path: a }, action, times: /^\d+$/.test(times.value) ? Number(times.value) : times.value };
    try {
      await api('/_sandbox/faults', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      said.textContent = '';
    } catch (e) {
      said.textContent = e.message;
    }
    refresh();
  });
  const clear = el('button', { type: 'button', 'aria-label': 'Clear all faults' }, 'Clear faults');
  clear.addEventListener('click', async () => { await api('/_sandbox/faults', { method: 'DELETE' }).catch(() => {}); refresh(); });
  box.append(el('div', { class: 'tool-row' }, target, route, kind, times, add, clear), said, active);
  refresh();
  return box;
}
