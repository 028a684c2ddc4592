// Scenarios and faults on the dashboard: run a scenario and watch its timeline; inject and clear faults.
export async function mountTools(root, { api, el }) {
  root.replaceChildren(el('h2', {}, 'Scenarios and faults'));
  let scenarios = [];
  try {
    scenarios = await api('/_sandbox/scenarios');
  } catch {
    root.append(el('p', { class: 'empty' }, 'Scenarios are not available.'));
  }
  if (scenarios.length) {
    const select = el('select', { 'aria-label': 'Scenario to run' }, scenarios.map((s) => el('option', { value: s.name, title: s.description }, `${s.ats ?? ''} · ${s.name}`)));
    const out = el('div', { role: 'status', 'aria-live': 'polite' });
    const run = el('button', { type: 'button', 'aria-label': 'Run scenario' }, 'Run');
    run.addEventListener('click', async () => {
      run.disabled = true;
      out.replaceChildren(el('p', {}, `running ${select.value}…`));
      try {
        const r = await api(`/_sandbox/scenarios/${encodeURIComponent(select.value)}/run`, { method: 'POST' });
        out.replaceChildren(scenarioView(r, el));
      } catch (e) {
        out.replaceChildren(el('p', { class: 'fail' }, e.message));
      } finally {
        run.disabled = false;
      }
    });
    root.append(el('div', { class: 'tool-row' }, select, run), out);
  }
  root.append(await faultTools(api, el));
}

function scenarioView(r, el) {
  const passed = r.passed ?? r.ok ?? r.status === 'passed';
  const failures = r.failures ?? r.results?.filter?.((x) => !x.passed) ?? [];
  const timeline = r.timeline ?? r.hops ?? [];
  return el('div', {},
    el('p', { class: passed ? 'pass' : 'fail' }, `${r.name ?? ''}: ${passed ? 'passed' : 'failed'}`),
    failures.length ? el('ul', {}, failures.map((f) => el('li', { class: 'fail' }, typeof f === 'string' ? f : f.explanation ?? f.message ?? JSON.stringify(f)))) : null,
    el('ol', { class: 'timeline' }, timeline.map((h) => el('li', {}, typeof h === 'string' ? h : `${h.service ?? ''} ${h.direction === 'out' ? '→ ' + (h.peer ?? '') : ''} ${h.hop ?? ''} ${h.method ?? ''} ${h.url ?? ''} ${h.status ?? ''}`))));
}

async function faultTools(api, el) {
  const box = el('div', {});
  let faults;
  try {
    faults = await api('/_sandbox/faults');
  } catch {
    box.append(el('p', { class: 'empty' }, 'Fault injection is not available.'));
    return box;
  }
  const target = el('select', { 'aria-label': 'Fault target service' }, ['bridge', 'teamtailor', 'recruitee', 'greenhouse', 'smartrecruiters', 'partner'].map((s) => el('option', { value: s }, s)));
  const route = el('input', { 'aria-label': 'Fault route, e.g. POST /webhooks/orders', placeholder: 'POST /webhooks/orders', size: 22 });
  const kind = el('select', { 'aria-label': 'Fault kind' }, [['status', 'status 500'], ['delay', 'delay 3 s'], ['malformed', 'malformed body'], ['reset', 'reset connection']].map(([v, t]) => el('option', { value: v }, t)));
  const list = el('ul', { 'aria-label': 'Active faults' });
  const refresh = async () => {
    const current = await api('/_sandbox/faults').catch(() => []);
    list.replaceChildren(...(current.length ? current : []).map((f) => el('li', {}, `${f.target ?? ''} ${f.method ?? ''} ${f.path ?? f.route ?? ''}: ${f.explanation ?? f.kind ?? JSON.stringify(f)}`)));
  };
  const add = el('button', { type: 'button', 'aria-label': 'Inject fault' }, 'Inject');
  add.addEventListener('click', async () => {
    const [method, path] = route.value.trim().split(/\s+/);
    const body = { target: target.value, method: path ? method : 'ANY', path: path ?? method ?? '/', times: 'always',
      ...(kind.value === 'status' ? { status: 500 } : kind.value === 'delay' ? { delayMs: 3000 } : kind.value === 'malformed' ? { malformedBody: true } : { resetConnection: true }) };
    await api('/_sandbox/faults', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).catch((e) => alert(e.message));
    refresh();
  });
  const clear = el('button', { type: 'button', 'aria-label': 'Clear all faults' }, 'Clear faults');
  clear.addEventListener('click', async () => { await api('/_sandbox/faults', { method: 'DELETE' }).catch(() => {}); refresh(); });
  box.append(el('div', { class: 'tool-row' }, target, route, kind, add, clear), list);
  void faults;
  refresh();
  return box;
}
